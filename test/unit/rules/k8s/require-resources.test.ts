import rule from '../../../../rules/k8s/require-resources';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = (resources: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  labels:
    app: orders-api
spec:
  replicas: 3
  selector:
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
${resources}`;

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
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.1.0\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    {
      name: 'requests and limits set',
      code: DEPLOYMENT('          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n            limits:\n              memory: 512Mi\n'),
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: orders-api\nspec:\n  ports:\n    - port: 80\n' },
    { name: 'a YAML file that is not a manifest', code: 'services:\n  api:\n    image: x\n' },
    {
      name: 'Helm: values set requests and limits',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('replicaCount: 2\nimage:\n  repository: ghcr.io/acme/orders\n  tag: 1.4.2\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    memory: 256Mi\n'),
    },
    {
      name: 'Helm: a template whose guard is false with the default values renders nothing',
      filename: `${CHART}templates/worker.yaml`,
      code: `{{- if .Values.worker.enabled }}\n${TEMPLATE}{{- end }}\n`,
      files: chartFiles('worker:\n  enabled: false\nresources: {}\n'),
    },
    {
      name: 'Helm: a value built by an include cannot be read statically, so no finding',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('toYaml .Values.resources', 'include "orders.resources" .'),
      files: chartFiles('resources: {}\n'),
    },
    { name: 'test manifests are not production', filename: 'test/e2e/deployment.yaml', code: DEPLOYMENT('') },
  ],
  invalid: [
    {
      name: 'no resources at all: the fix adds a skeleton to the container',
      code: DEPLOYMENT(''),
      errors: [{ messageId: 'missing', line: 18, column: 17, endColumn: 20, message: 'Container "api" of Deployment "orders-api" has no resources' }],
      output: DEPLOYMENT('').replace(
        '            - containerPort: 8080\n',
        '            - containerPort: 8080\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n',
      ),
    },
    {
      name: 'requests without a memory limit',
      code: DEPLOYMENT('          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n'),
      errors: [{ messageId: 'incomplete', line: 22, column: 11, message: '`limits.memory`' }],
    },
    {
      name: 'Helm: the finding points at the empty resources key in values.yaml',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('replicaCount: 1\nimage:\n  repository: ghcr.io/acme/orders\n  tag: ""\n\n# We usually recommend not to specify default resources.\nresources: {}\n'),
      errors: [{ messageId: 'valuesEmpty', file: `${CHART}values.yaml`, line: 7, column: 1, endColumn: 10, message: "The chart's default `resources` is empty" }],
    },
    {
      name: 'Helm: values with requests but no limits',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('resources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n'),
      errors: [{ messageId: 'valuesIncomplete', file: `${CHART}values.yaml`, line: 1 }],
    },
    {
      name: 'Helm: a key the values do not set at all points at the file start',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('replicaCount: 1\n'),
      errors: [{ messageId: 'valuesEmpty', file: `${CHART}values.yaml`, line: 1, column: 1 }],
    },
  ],
  evidence: [
    {
      name: 'requests and limits are evidence',
      code: DEPLOYMENT('          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n            limits:\n              memory: 512Mi\n'),
      evidence: ['requests and limits on container "api"'],
    },
  ],
});
