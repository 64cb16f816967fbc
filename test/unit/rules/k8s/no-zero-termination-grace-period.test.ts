import rule from '../../../../rules/k8s/no-zero-termination-grace-period';
import { RuleTester } from '../../rule-tester';

const ORDERS_API = (podSpec: string, container = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
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
${podSpec}      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
${container}`;

const PRE_STOP = '          lifecycle:\n            preStop:\n              exec:\n                command: ["sleep", "10"]\n';

const CHART = 'charts/orders/';
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "1.4.2"\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    { name: 'the default grace period', code: ORDERS_API('') },
    { name: 'a longer grace period and a preStop hook', code: ORDERS_API('      terminationGracePeriodSeconds: 60\n', PRE_STOP) },
    { name: 'test manifests are not production', filename: 'test/chaos/orders-api.yaml', code: ORDERS_API('      terminationGracePeriodSeconds: 0\n') },
    { name: 'Helm: a grace period in values', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles('terminationGracePeriodSeconds: 45\n') },
    {
      name: 'Helm: a grace period from an include cannot be read statically',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('{{ .Values.terminationGracePeriodSeconds }}', '{{ include "orders.gracePeriod" . }}'),
      files: chartFiles('terminationGracePeriodSeconds: 0\n'),
    },
  ],
  invalid: [
    {
      name: 'zero: the fix restores the Kubernetes default',
      code: ORDERS_API('      terminationGracePeriodSeconds: 0\n'),
      errors: [{ messageId: 'zero', line: 15, column: 7, endLine: 15, endColumn: 39, message: 'Deployment "orders-api" sets `terminationGracePeriodSeconds: 0`' }],
      output: ORDERS_API('      terminationGracePeriodSeconds: 30\n'),
    },
    {
      name: 'a CronJob pod spec',
      filename: 'deploy/orders-report.yaml',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: orders-report\nspec:\n  schedule: "0 6 * * 1"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          terminationGracePeriodSeconds: 0\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: ghcr.io/acme/orders-report:1.4.2\n',
      errors: [{ messageId: 'zero', line: 11, column: 11, message: 'CronJob "orders-report"' }],
      output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: orders-report\nspec:\n  schedule: "0 6 * * 1"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          terminationGracePeriodSeconds: 30\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: ghcr.io/acme/orders-report:1.4.2\n',
    },
    {
      name: 'Helm: zero in values.yaml is reported at its key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('# Fast restarts in dev.\nterminationGracePeriodSeconds: 0\n'),
      errors: [{ messageId: 'valuesZero', file: `${CHART}values.yaml`, line: 2, column: 1, endColumn: 30, message: "The chart's default `terminationGracePeriodSeconds` is 0, so the pods of Deployment `{{ include \"orders.fullname\" . }}`" }],
    },
  ],
  evidence: [{ name: 'a preStop hook is evidence of a drain step', code: ORDERS_API('', PRE_STOP), evidence: ['preStop hook drains container "api" of Deployment "orders-api" before SIGTERM'] }],
});
