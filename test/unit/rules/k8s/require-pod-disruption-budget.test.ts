import rule from '../../../../rules/k8s/require-pod-disruption-budget';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments-api
  namespace: payments
spec:
${replicas}  selector:
    matchLabels:
      app: payments-api
  template:
    metadata:
      labels:
        app: payments-api
        tier: backend
    spec:
      containers:
        - name: api
          image: registry.acme.io/payments-api:5.2.0
`;

const PDB = (selector: string, namespace = 'payments') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: payments-api
  namespace: ${namespace}
spec:
  maxUnavailable: 1
  selector:
${selector}
`;

const HPA = (target: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: payments-api
  namespace: payments
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${target}
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

const CHART = 'deploy/charts/payments/';
const CHART_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "payments.fullname" . }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "payments.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "payments.labels" . | nindent 8 }}
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;
const CHART_PDB = `{{- if .Values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "payments.fullname" . }}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      {{- include "payments.selectorLabels" . | nindent 6 }}
{{- end }}
`;
const CHART_HPA = `{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "payments.fullname" . }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "payments.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
{{- end }}
`;
const chart = (values: string) => ({
  [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: payments\nversion: 0.4.0\n',
  [`${CHART}values.yaml`]: values,
  [`${CHART}templates/pdb.yaml`]: CHART_PDB,
  [`${CHART}templates/hpa.yaml`]: CHART_HPA,
});

new RuleTester({ filename: 'k8s/payments/deployment.yaml' }).run(rule, {
  valid: [
    {
      name: 'an autoscaler that may go down to one replica is the replicas finding, not a missing budget',
      code: DEPLOYMENT(''),
      files: { 'k8s/payments/hpa.yaml': HPA('payments-api').replace('minReplicas: 2', 'minReplicas: 1') },
    },
    { name: 'a PDB selecting the pods', code: DEPLOYMENT('  replicas: 3\n'), files: { 'k8s/payments/pdb.yaml': PDB('    matchLabels:\n      app: payments-api') } },
    { name: 'one replica: a PDB would only block drains', code: DEPLOYMENT('  replicas: 1\n') },
    { name: 'no replicas field means one', code: DEPLOYMENT('') },
    {
      name: 'a PDB in the same file',
      code: `${DEPLOYMENT('  replicas: 2\n')}---\n${PDB('    matchLabels:\n      app: payments-api')}`,
    },
    { name: 'a DaemonSet is out of scope', code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-exporter\nspec:\n  selector:\n    matchLabels: {app: node-exporter}\n  template:\n    metadata:\n      labels: {app: node-exporter}\n    spec:\n      containers:\n        - name: node-exporter\n          image: quay.io/prometheus/node-exporter:v1.8.1\n' },
    {
      name: 'Helm: autoscaled and the chart PDB uses the selector include',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart('replicaCount: 1\nimage:\n  repository: registry.acme.io/payments-api\n  tag: 5.2.0\nautoscaling:\n  enabled: true\n  minReplicas: 2\n  maxReplicas: 8\npodDisruptionBudget:\n  enabled: true\n'),
    },
    {
      name: 'Helm: one replica by default, no autoscaling',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart('replicaCount: 1\nautoscaling:\n  enabled: false\npodDisruptionBudget:\n  enabled: false\n'),
    },
    {
      name: 'kustomize raises replicas in an overlay and a PDB exists',
      code: DEPLOYMENT('  replicas: 1\n'),
      files: { 'k8s/payments/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - pdb.yaml\nreplicas:\n  - name: payments-api\n    count: 4\n', 'k8s/payments/pdb.yaml': PDB('    matchLabels:\n      app: payments-api') },
    },
  ],
  invalid: [
    {
      name: 'three replicas and no PDB',
      code: DEPLOYMENT('  replicas: 3\n'),
      errors: [{ messageId: 'replicated', line: 2, column: 7, endLine: 2, endColumn: 17, message: 'Deployment "payments-api" runs 3 replicas but no PodDisruptionBudget covers its pods' }],
    },
    {
      name: 'the PDB selects other pods',
      code: DEPLOYMENT('  replicas: 3\n'),
      files: { 'k8s/payments/pdb.yaml': PDB('    matchLabels:\n      app: payments-worker') },
      errors: [{ messageId: 'replicated', line: 2 }],
    },
    {
      name: 'the PDB is in another namespace',
      code: DEPLOYMENT('  replicas: 3\n'),
      files: { 'k8s/payments/pdb.yaml': PDB('    matchLabels:\n      app: payments-api', 'billing') },
      errors: [{ messageId: 'replicated', line: 2 }],
    },
    {
      name: 'autoscaled by an HPA in another file',
      code: DEPLOYMENT(''),
      files: { 'k8s/payments/hpa.yaml': HPA('payments-api') },
      errors: [{ messageId: 'autoscaled', line: 2, message: 'is scaled by HorizontalPodAutoscaler "payments-api"' }],
    },
    {
      name: 'kustomize raises replicas in an overlay',
      code: DEPLOYMENT('  replicas: 1\n'),
      files: { 'k8s/payments/kustomization.yaml': 'resources:\n  - deployment.yaml\nreplicas:\n  - name: payments-api\n    count: 4\n' },
      errors: [{ messageId: 'replicated', line: 2, message: 'runs 4 replicas' }],
    },
    {
      name: 'Helm: replicaCount 3 and the chart PDB off by default',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart('replicaCount: 3\nautoscaling:\n  enabled: false\npodDisruptionBudget:\n  enabled: false\n'),
      errors: [{ messageId: 'replicated', line: 2, message: 'Deployment `{{ include "payments.fullname" . }}` runs 3 replicas' }],
    },
  ],
  evidence: [
    {
      name: 'the PDB is evidence',
      code: DEPLOYMENT('  replicas: 3\n'),
      files: { 'k8s/payments/pdb.yaml': PDB('    matchLabels:\n      app: payments-api') },
      evidence: ['PodDisruptionBudget "payments-api" covers Deployment "payments-api"'],
    },
    {
      name: 'Helm: the chart PDB',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart('replicaCount: 3\nautoscaling:\n  enabled: false\npodDisruptionBudget:\n  enabled: true\n'),
      evidence: ['PodDisruptionBudget `{{ include "payments.fullname" . }}` covers Deployment `{{ include "payments.fullname" . }}`'],
    },
  ],
});
