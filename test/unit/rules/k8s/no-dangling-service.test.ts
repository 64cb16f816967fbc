import rule from '../../../../rules/k8s/no-dangling-service';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: catalog
  template:
    metadata:
      labels:
        app: catalog
        version: v3
    spec:
      containers:
        - name: catalog
          image: ghcr.io/acme/catalog:3.4.0
          ports:
            - containerPort: 8080
`;

const SERVICE = (selector: string, name = 'catalog') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
${selector}
  ports:
    - port: 80
      targetPort: 8080
`;

const INGRESS = (backend: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  ingressClassName: nginx
  rules:
    - host: shop.acme.io
      http:
        paths:
          - path: /catalog
            pathType: Prefix
            backend:
              service:
                name: ${backend}
                port:
                  number: 80
`;

const CHART = 'charts/catalog/';
const CHART_FILES = {
  [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: catalog\nversion: 3.4.0\n',
  [`${CHART}values.yaml`]: 'image:\n  repository: ghcr.io/acme/catalog\n  tag: 3.4.0\n',
  [`${CHART}templates/deployment.yaml`]: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "catalog.fullname" . }}
spec:
  selector:
    matchLabels:
      {{- include "catalog.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "catalog.labels" . | nindent 8 }}
    spec:
      containers:
        - name: catalog
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
};

const CHART_HELPERS = {
  [`${CHART}templates/_helpers.tpl`]: '{{- define "catalog.labels" -}}\napp.kubernetes.io/name: catalog\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end }}\n',
};

new RuleTester({ filename: 'k8s/catalog/service.yaml' }).run(rule, {
  valid: [
    { name: 'the selector matches the pod labels', code: SERVICE('    app: catalog'), files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT } },
    { name: 'a Service without a selector (endpoints managed by hand)', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: legacy-billing\nspec:\n  ports:\n    - port: 443\n', files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT } },
    { name: 'an ExternalName Service', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: payments\n  namespace: shop\nspec:\n  type: ExternalName\n  externalName: payments.internal.acme.io\n', files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT } },
    { name: 'no workload in the workspace: the pods are deployed elsewhere', code: SERVICE('    app: catalog-v2') },
    {
      name: 'an operator creates the pods',
      code: SERVICE('    cnpg.io/cluster: catalog-db', 'catalog-db-ro'),
      files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT, 'k8s/catalog/db.yaml': 'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: catalog-db\n  namespace: shop\nspec:\n  instances: 3\n  storage:\n    size: 20Gi\n' },
    },
    { name: 'a workload in another namespace does not make a Service there dangling', code: SERVICE('    app: search').replace('namespace: shop', 'namespace: search'), files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT } },
    { name: 'Helm: a Service with the chart selector include', filename: `${CHART}templates/service.yaml`, code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "catalog.fullname" . }}\nspec:\n  selector:\n    {{- include "catalog.selectorLabels" . | nindent 4 }}\n  ports:\n    - port: 80\n', files: CHART_FILES },
    {
      name: 'a Service in a chart with dependencies may select a subchart\'s pods',
      filename: `${CHART}templates/redis-service.yaml`,
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: catalog-cache\nspec:\n  selector:\n    app.kubernetes.io/name: redis\n  ports:\n    - port: 6379\n',
      files: { ...CHART_FILES, ...CHART_HELPERS, [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: catalog\nversion: 3.4.0\ndependencies:\n  - name: redis\n    version: 19.x.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n' },
    },
    { name: 'an Ingress to an existing Service', filename: 'k8s/ingress.yaml', code: INGRESS('catalog'), files: { 'k8s/catalog/service.yaml': SERVICE('    app: catalog') } },
    { name: 'an Ingress shipped without any Service', filename: 'k8s/ingress.yaml', code: INGRESS('storefront') },
    {
      name: 'an Ingress in a chart with dependencies may route to a subchart Service',
      filename: `${CHART}templates/ingress.yaml`,
      code: INGRESS('catalog-redis-master'),
      files: { ...CHART_FILES, [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: catalog\nversion: 3.4.0\ndependencies:\n  - name: redis\n    version: 19.x.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n', [`${CHART}templates/service.yaml`]: SERVICE('    app: catalog') },
    },
  ],
  invalid: [
    {
      name: 'Helm: a literal selector on a key the chart helpers never write',
      filename: `${CHART}templates/redis-service.yaml`,
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: catalog-cache\nspec:\n  selector:\n    app.kubernetes.io/name: redis\n  ports:\n    - port: 6379\n',
      files: { ...CHART_FILES, ...CHART_HELPERS },
      errors: [{ messageId: 'serviceSelectsNothing', line: 6, column: 3, message: 'Service "catalog-cache" selects app.kubernetes.io/name=redis' }],
    },
    {
      name: 'a typo in the selector',
      code: SERVICE('    app: catalogue'),
      files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT },
      errors: [{ messageId: 'serviceSelectsNothing', line: 7, column: 3, endLine: 7, endColumn: 11, message: 'Service "catalog" selects app=catalogue, which no workload\'s pods carry, so it has no endpoints and every request to it fails. Match the selector to the pod template labels of the workload it fronts (Deployment "catalog" has app=catalog).' }],
    },
    {
      name: 'a label the pods do not carry',
      code: SERVICE('    app: catalog\n    track: canary'),
      files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT },
      errors: [{ messageId: 'serviceSelectsNothing', line: 7, message: 'selects app=catalog, track=canary' }],
    },
    {
      name: 'an Ingress backend naming a Service that does not exist',
      filename: 'k8s/ingress.yaml',
      code: INGRESS('catalog-svc'),
      files: { 'k8s/catalog/service.yaml': SERVICE('    app: catalog'), 'k8s/catalog/deployment.yaml': DEPLOYMENT },
      errors: [{ messageId: 'missingBackend', line: 16, column: 23, endColumn: 34, message: 'routes to Service "catalog-svc", which does not exist in namespace "shop" of this workspace, so these requests get a 503. Point the backend at an existing Service (Services here: "catalog").' }],
    },
  ],
  evidence: [
    { name: 'a Service routing to its workload', code: SERVICE('    app: catalog'), files: { 'k8s/catalog/deployment.yaml': DEPLOYMENT }, evidence: ['Service "catalog" routes to Deployment "catalog"'] },
  ],
});
