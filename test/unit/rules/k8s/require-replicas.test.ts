import rule from '../../../../rules/k8s/require-replicas';
import { RuleTester } from '../../rule-tester';

const ORDERS_API = (replicas: string, volumes = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: shop
spec:
${replicas}  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
          ports:
            - containerPort: 8080
${volumes}`;

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: orders-api
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: orders-api
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`;

const CHART = 'charts/orders/';
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
  labels:
    {{- include "orders.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "orders.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "orders.selectorLabels" . | nindent 8 }}
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          ports:
            - name: http
              containerPort: 8080
`;
const HPA_TEMPLATE = `{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "orders.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
{{- end }}
`;
const chartFiles = (values: string) => ({
  [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "1.4.2"\n',
  [`${CHART}values.yaml`]: values,
  [`${CHART}templates/hpa.yaml`]: HPA_TEMPLATE,
});

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    { name: 'three replicas', code: ORDERS_API('  replicas: 3\n') },
    { name: 'one replica scaled by a HorizontalPodAutoscaler', code: ORDERS_API('  replicas: 1\n'), files: { 'deploy/orders-api-hpa.yaml': HPA } },
    { name: 'no replicas field, left to the HorizontalPodAutoscaler in the same file', code: `${ORDERS_API('')}---\n${HPA}` },
    {
      name: 'a database run as a Deployment cannot simply run twice',
      filename: 'deploy/orders-db.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-db\nspec:\n  replicas: 1\n  strategy:\n    type: Recreate\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.3\n',
    },
    {
      name: 'pods sharing a volume claim cannot simply run twice',
      code: ORDERS_API('  replicas: 1\n', '          volumeMounts:\n            - name: uploads\n              mountPath: /srv/uploads\n      volumes:\n        - name: uploads\n          persistentVolumeClaim:\n            claimName: orders-uploads\n'),
    },
    { name: 'scaled to zero on purpose', code: ORDERS_API('  replicas: 0\n') },
    {
      name: 'a load generator serves nothing: no port, no Service selecting it',
      filename: 'deploy/loadgen.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: loadgen\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: loadgen\n  template:\n    metadata:\n      labels:\n        app: loadgen\n    spec:\n      containers:\n        - name: locust\n          image: ghcr.io/acme/loadgen:2.1.0\n          args: ["--headless", "-u", "10"]\n',
    },
    {
      name: 'StatefulSets are not checked',
      filename: 'deploy/orders-cache.yaml',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: orders-cache\nspec:\n  serviceName: orders-cache\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/orders-cache:1.0.0\n',
    },
    {
      name: 'a Kustomize overlay sets the replicas of the base',
      filename: 'deploy/base/deployment.yaml',
      code: ORDERS_API('  replicas: 1\n'),
      files: {
        'deploy/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
        'deploy/overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\nreplicas:\n  - name: orders-api\n    count: 4\n',
      },
    },
    { name: 'test manifests are not production', filename: 'test/k8s/orders-api.yaml', code: ORDERS_API('  replicas: 1\n') },
    { name: 'Helm: three replicas by default', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles('replicaCount: 3\nautoscaling:\n  enabled: false\n') },
    {
      name: 'Helm: autoscaling on by default removes replicas and renders the HorizontalPodAutoscaler',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('replicaCount: 1\nautoscaling:\n  enabled: true\n  minReplicas: 2\n  maxReplicas: 8\n'),
    },
  ],
  invalid: [
    {
      name: 'replicas: 1: the suggestion runs two',
      code: ORDERS_API('  replicas: 1\n'),
      errors: [{ messageId: 'single', line: 7, column: 3, endLine: 7, endColumn: 14, message: 'Deployment "orders-api" runs a single replica (`replicas: 1`)' }],
      output: ORDERS_API('  replicas: 2\n'),
    },
    {
      name: 'no replicas field means one',
      code: ORDERS_API(''),
      errors: [{ messageId: 'single', line: 2, column: 7, endColumn: 17, message: '(`replicas` is not set, which means 1)' }],
    },
    {
      name: 'a Service selecting a portless worker makes it a service',
      filename: 'deploy/loadgen.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: notifier\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: notifier\n  template:\n    metadata:\n      labels:\n        app: notifier\n    spec:\n      containers:\n        - name: worker\n          image: ghcr.io/acme/notifier:2.1.0\n',
      files: { 'deploy/notifier-svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: notifier\nspec:\n  selector:\n    app: notifier\n  ports:\n    - port: 80\n      targetPort: 8080\n' },
      errors: [{ messageId: 'single', line: 6 }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: notifier\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: notifier\n  template:\n    metadata:\n      labels:\n        app: notifier\n    spec:\n      containers:\n        - name: worker\n          image: ghcr.io/acme/notifier:2.1.0\n',
    },
    {
      name: 'an autoscaler that may scale down to one replica',
      code: ORDERS_API(''),
      files: { 'deploy/orders-api-hpa.yaml': HPA.replace('minReplicas: 2', 'minReplicas: 1') },
      errors: [{ messageId: 'autoscaledSingle', file: 'deploy/orders-api-hpa.yaml', line: 11, column: 3, endColumn: 17, message: 'HorizontalPodAutoscaler "orders-api" lets Deployment "orders-api" scale down to a single replica (`minReplicas: 1`)' }],
    },
    {
      name: 'an autoscaler without minReplicas keeps one replica, the default',
      code: ORDERS_API(''),
      files: { 'deploy/orders-api-hpa.yaml': HPA.replace('  minReplicas: 2\n', '') },
      errors: [{ messageId: 'autoscaledSingle', file: 'deploy/orders-api-hpa.yaml', line: 2, message: '(`minReplicas: 1`)' }],
    },
    {
      name: 'an autoscaler for another Deployment does not count',
      code: ORDERS_API('  replicas: 1\n'),
      files: { 'deploy/payments-hpa.yaml': HPA.replace(/orders-api/g, 'payments-api') },
      errors: [{ messageId: 'single', line: 7 }],
      output: ORDERS_API('  replicas: 2\n'),
    },
    {
      name: 'Helm: replicaCount 1 is reported at its key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('replicaCount: 1\n\nautoscaling:\n  enabled: false\n  minReplicas: 2\n  maxReplicas: 8\n'),
      errors: [{ messageId: 'valuesSingle', file: `${CHART}values.yaml`, line: 1, column: 1, endColumn: 13, message: "The chart's default `replicaCount` is 1, so Deployment `{{ include \"orders.fullname\" . }}` runs a single replica" }],
    },
    {
      name: 'Helm: a name read from values is named by its default',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('name: {{ include "orders.fullname" . }}', 'name: {{ .Values.api.name }}'),
      files: chartFiles('replicaCount: 1\napi:\n  name: orders-api\nautoscaling:\n  enabled: false\n'),
      errors: [{ messageId: 'valuesSingle', file: `${CHART}values.yaml`, line: 1, message: 'so Deployment "orders-api" runs a single replica' }],
    },
    {
      name: 'Helm: an unset replicaCount renders no replicas field',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\nautoscaling:\n  enabled: false\n'),
      errors: [{ messageId: 'valuesSingle', file: `${CHART}values.yaml`, line: 1, column: 1, endColumn: 1, message: '`replicaCount` is not set' }],
    },
  ],
  evidence: [
    { name: 'two or more replicas are evidence', code: ORDERS_API('  replicas: 3\n'), evidence: ['Deployment "orders-api" runs 3 replicas'] },
    { name: 'an autoscaler is evidence', code: ORDERS_API('  replicas: 1\n'), files: { 'deploy/orders-api-hpa.yaml': HPA }, evidence: ['HorizontalPodAutoscaler "orders-api" scales Deployment "orders-api"'] },
    {
      name: "Helm: the chart's autoscaler is evidence",
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('replicaCount: 1\nautoscaling:\n  enabled: true\n  minReplicas: 2\n  maxReplicas: 8\n'),
      evidence: ['HorizontalPodAutoscaler `{{ include "orders.fullname" . }}` scales Deployment `{{ include "orders.fullname" . }}`'],
    },
  ],
});
