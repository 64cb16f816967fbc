import rule from '../../../../rules/k8s/require-run-as-non-root';
import { RuleTester } from '../../rule-tester';

const ORDERS_API = (podContext: string, containerContext = '') => `apiVersion: apps/v1
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
${podContext}      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
${containerContext}          ports:
            - containerPort: 8080
`;

const POD_NON_ROOT = '      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n        fsGroup: 10001\n';

const CHART = 'charts/orders/';
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "1.4.2"\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    { name: 'runAsNonRoot on the pod', code: ORDERS_API(POD_NON_ROOT) },
    { name: 'a non-zero runAsUser on the container', code: ORDERS_API('', '          securityContext:\n            runAsUser: 65532\n            runAsGroup: 65532\n') },
    {
      name: 'the pod setting covers init containers too',
      code: ORDERS_API(POD_NON_ROOT).replace('      containers:\n', '      initContainers:\n        - name: migrate\n          image: ghcr.io/acme/orders-api:1.4.2\n          command: ["node", "dist/migrate.js"]\n      containers:\n'),
    },
    { name: 'test manifests are not production', filename: 'e2e/manifests/orders-api.yaml', code: ORDERS_API('') },
    { name: 'Helm: runAsNonRoot in the pod values', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles('podSecurityContext:\n  runAsNonRoot: true\n  fsGroup: 2000\nsecurityContext: {}\n') },
    {
      name: 'Helm: a pod securityContext from an include cannot be read statically',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('toYaml .Values.podSecurityContext', 'include "orders.podSecurityContext" .'),
      files: chartFiles('securityContext: {}\n'),
    },
  ],
  invalid: [
    {
      name: 'no securityContext anywhere',
      code: ORDERS_API(''),
      errors: [{ messageId: 'missing', line: 16, column: 17, endLine: 16, endColumn: 20, message: 'Neither container "api" of Deployment "orders-api" nor its pod requires a non-root user' }],
    },
    {
      name: 'runAsNonRoot: false on the container overrides the pod',
      code: ORDERS_API(POD_NON_ROOT.replace('        runAsUser: 10001\n', ''), '          securityContext:\n            runAsNonRoot: false\n'),
      errors: [{ messageId: 'missing', line: 22, column: 13, endColumn: 25 }],
    },
    {
      name: 'runAsUser: 0 is root, whatever runAsNonRoot says',
      code: ORDERS_API(POD_NON_ROOT, '          securityContext:\n            runAsUser: 0\n'),
      errors: [{ messageId: 'runsAsRoot', line: 23, column: 13, endColumn: 22, message: 'Container "api" of Deployment "orders-api" runs as root (`runAsUser: 0`)' }],
    },
    {
      name: 'each container of a pod is checked',
      filename: 'deploy/orders-worker.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          image: ghcr.io/acme/orders-worker:1.4.2\n          securityContext:\n            runAsNonRoot: true\n        - name: cloud-sql-proxy\n          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0\n',
      errors: [{ messageId: 'missing', line: 13, column: 17, message: 'container "cloud-sql-proxy"' }],
      evidence: ['container "worker" of Deployment "orders-worker" runs with runAsNonRoot: true'],
    },
    {
      name: 'Helm: empty values point at the container securityContext key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('podSecurityContext: {}\n  # fsGroup: 2000\n\nsecurityContext: {}\n  # runAsNonRoot: true\n  # runAsUser: 1000\n'),
      errors: [{ messageId: 'valuesMissing', file: `${CHART}values.yaml`, line: 4, column: 1, endColumn: 16, message: "The chart's default `securityContext` sets neither `runAsNonRoot: true` nor a non-zero `runAsUser`" }],
    },
    {
      name: 'Helm: runAsUser 0 in values.yaml',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('podSecurityContext:\n  runAsUser: 0\nsecurityContext: {}\n'),
      errors: [{ messageId: 'valuesRunsAsRoot', file: `${CHART}values.yaml`, line: 2, column: 3, endColumn: 12, message: "The chart's default `podSecurityContext.runAsUser` is 0" }],
    },
  ],
  evidence: [
    { name: 'runAsNonRoot is evidence', code: ORDERS_API(POD_NON_ROOT), evidence: ['container "api" of Deployment "orders-api" runs with runAsNonRoot: true'] },
    { name: 'a non-zero uid is evidence', code: ORDERS_API('', '          securityContext:\n            runAsUser: 65532\n'), evidence: ['container "api" of Deployment "orders-api" runs as uid 65532'] },
  ],
});
