import rule from '../../../../rules/k8s/require-network-policy';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
  template:
    metadata:
      labels:
        app.kubernetes.io/name: checkout
        app.kubernetes.io/part-of: shop
    spec:
      containers:
        - name: checkout
          image: ghcr.io/acme/checkout:2.3.1
          ports:
            - containerPort: 8080
`;

const POLICY = (selector: string, namespace = 'shop') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: checkout-ingress
  namespace: ${namespace}
spec:
  podSelector:
${selector}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: storefront
      ports:
        - port: 8080
`;

const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

const CHART = 'charts/checkout/';
const CHART_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "checkout.fullname" . }}
  labels:
    {{- include "checkout.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "checkout.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "checkout.labels" . | nindent 8 }}
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;
const CHART_POLICY = `{{- if .Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "checkout.fullname" . }}
spec:
  podSelector:
    matchLabels:
      {{- include "checkout.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
{{- end }}
`;
const HELPERS = `{{- define "checkout.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "checkout.selectorLabels" -}}
app.kubernetes.io/name: {{ include "checkout.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "checkout.labels" -}}
{{ include "checkout.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: Helm
{{- end }}
`;
const chart = (enabled: boolean) => ({
  [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: checkout\nversion: 1.2.0\n',
  [`${CHART}values.yaml`]: `replicaCount: 2\nimage:\n  repository: ghcr.io/acme/checkout\n  tag: 2.3.1\nnetworkPolicy:\n  enabled: ${enabled}\n`,
  [`${CHART}templates/networkpolicy.yaml`]: CHART_POLICY,
});

new RuleTester({ filename: 'k8s/checkout/deployment.yaml' }).run(rule, {
  valid: [
    { name: 'a policy in another file selects the pod labels', code: DEPLOYMENT, files: { 'k8s/checkout/networkpolicy.yaml': POLICY('    matchLabels:\n      app.kubernetes.io/name: checkout') } },
    { name: 'a default-deny policy for the namespace selects every pod', code: DEPLOYMENT, files: { 'k8s/policies/default-deny.yaml': DEFAULT_DENY } },
    { name: 'a policy in the same file', code: `${DEPLOYMENT}---\n${POLICY('    matchLabels:\n      app.kubernetes.io/name: checkout')}` },
    {
      name: 'matchExpressions',
      code: DEPLOYMENT,
      files: { 'k8s/np.yaml': POLICY('    matchExpressions:\n      - key: app.kubernetes.io/part-of\n        operator: In\n        values: [shop, admin]') },
    },
    { name: 'a Job runs to completion and is not checked', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: ghcr.io/acme/checkout-migrate:2.3.1\n' },
    {
      name: 'pods on the host network are out of reach of NetworkPolicies',
      code: DEPLOYMENT.replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      containers:'),
    },
    {
      name: 'a Cilium policy with a matching endpointSelector',
      code: DEPLOYMENT,
      files: {
        'k8s/cilium.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  endpointSelector:\n    matchLabels:\n      app.kubernetes.io/name: checkout\n  ingress:\n    - fromEndpoints:\n        - matchLabels:\n            app.kubernetes.io/name: storefront\n',
      },
    },
    {
      name: 'a Calico policy may select it: no finding',
      code: DEPLOYMENT,
      files: { 'k8s/calico.yaml': "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  selector: app.kubernetes.io/name == 'checkout'\n" },
    },
    {
      name: 'Helm: the chart policy uses the same selector include as the Deployment',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart(true),
    },
    {
      name: 'Helm: a policy on a key the chart helpers write, with a value only rendering knows',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: {
        ...chart(false),
        [`${CHART}templates/_helpers.tpl`]: HELPERS,
        'k8s/storefront-policy.yaml': POLICY('    matchLabels:\n      app.kubernetes.io/name: storefront').replace('  namespace: shop\n', ''),
      },
    },
    {
      name: 'Helm: pod labels from a helper that reads values cannot be told apart from the policy selector',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: {
        ...chart(false),
        [`${CHART}templates/_helpers.tpl`]: HELPERS.replace('app.kubernetes.io/managed-by: Helm', '{{- toYaml .Values.commonLabels }}'),
        'k8s/storefront-policy.yaml': POLICY('    matchLabels:\n      app: storefront').replace('  namespace: shop\n', ''),
      },
    },
    { name: 'a kustomize patch is not a workload of its own', filename: 'k8s/overlays/prod/replicas.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: checkout\nspec:\n  replicas: 5\n', files: { 'k8s/overlays/prod/kustomization.yaml': 'resources:\n  - ../../checkout\npatches:\n  - path: replicas.yaml\n', 'k8s/checkout/deployment.yaml': DEPLOYMENT, 'k8s/checkout/np.yaml': DEFAULT_DENY } },
    { name: 'a remote kustomize base may hold the policies', code: DEPLOYMENT, files: { 'k8s/kustomization.yaml': 'resources:\n  - checkout/deployment.yaml\n  - https://github.com/acme/platform//policies?ref=v1.4.0\n' } },
    { name: 'test manifests are not production', filename: 'test/fixtures/deployment.yaml', code: DEPLOYMENT },
  ],
  invalid: [
    {
      name: 'no NetworkPolicy anywhere',
      code: DEPLOYMENT,
      errors: [{ messageId: 'noPolicies', line: 2, column: 7, endLine: 2, endColumn: 17, message: 'Deployment "checkout" is selected by no NetworkPolicy' }],
    },
    {
      name: 'the only policy selects other pods',
      code: DEPLOYMENT,
      files: { 'k8s/np.yaml': POLICY('    matchLabels:\n      app.kubernetes.io/name: storefront') },
      errors: [{ messageId: 'notSelected', line: 2, column: 7, message: '(labels app.kubernetes.io/name=checkout, app.kubernetes.io/part-of=shop)' }],
    },
    {
      name: 'a default-deny policy in another namespace does not count',
      code: DEPLOYMENT,
      files: { 'k8s/np.yaml': DEFAULT_DENY.replace('namespace: shop', 'namespace: payments') },
      errors: [{ messageId: 'notSelected', line: 2 }],
    },
    {
      name: 'each workload of a file is reported',
      code: `${DEPLOYMENT}---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: checkout-cache\n  namespace: shop\nspec:\n  serviceName: checkout-cache\n  selector:\n    matchLabels: {app: checkout-cache}\n  template:\n    metadata:\n      labels: {app: checkout-cache}\n    spec:\n      containers:\n        - name: redis\n          image: redis:7.2.4\n`,
      files: { 'k8s/np.yaml': POLICY('    matchLabels:\n      app.kubernetes.io/name: checkout') },
      errors: [{ messageId: 'notSelected', line: 24, column: 7, endColumn: 18, message: 'StatefulSet "checkout-cache"' }],
    },
    {
      name: 'Helm: the pod labels come from a helper define, and the only policy selects other pods',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: {
        ...Object.fromEntries(Object.entries(chart(false)).filter(([file]) => !file.endsWith('networkpolicy.yaml'))),
        [`${CHART}templates/_helpers.tpl`]: HELPERS,
        'k8s/storefront-policy.yaml': POLICY('    matchLabels:\n      app: storefront').replace('  namespace: shop\n', ''),
      },
      errors: [{ messageId: 'notSelected', line: 2, message: '(labels app.kubernetes.io/managed-by=Helm, app.kubernetes.io/name=…, app.kubernetes.io/instance=…, app.kubernetes.io/version=…)' }],
    },
    {
      name: 'Helm: the chart policy is off by default: the finding points at the switch',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart(false),
      errors: [
        {
          messageId: 'chartPoliciesOff',
          file: `${CHART}values.yaml`,
          line: 6,
          column: 3,
          endColumn: 10,
          message: "The chart's NetworkPolicies are off by default (`networkPolicy.enabled: false`), so no policy selects Deployment `{{ include \"checkout.fullname\" . }}`",
        },
      ],
    },
    {
      name: 'no policy anywhere: the workspace deploys none',
      code: DEPLOYMENT,
      errors: [{ messageId: 'noPolicies', line: 2, message: 'Deployment "checkout" is selected by no NetworkPolicy (the workspace deploys none)' }],
    },
  ],
  evidence: [
    {
      name: 'the selecting policy is evidence',
      code: DEPLOYMENT,
      files: { 'k8s/policies/default-deny.yaml': DEFAULT_DENY },
      evidence: ['NetworkPolicy "default-deny" selects Deployment "checkout"'],
    },
    {
      name: 'Helm: a chart policy written with the same selector include',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart(true),
      evidence: ['NetworkPolicy `{{ include "checkout.fullname" . }}` selects Deployment `{{ include "checkout.fullname" . }}`'],
    },
  ],
});
