import rule from '../../../../rules/k8s/require-read-only-root-filesystem';
import { RuleTester } from '../../rule-tester';

const ORDERS_API = (containerContext: string) => `apiVersion: apps/v1
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
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
${containerContext}          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
`;

const READ_ONLY = '          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n';

const CHART = 'charts/orders/';
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "1.4.2"\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    { name: 'a read-only root filesystem with an emptyDir for /tmp', code: ORDERS_API(READ_ONLY) },
    {
      name: 'init containers are not checked',
      code: ORDERS_API(READ_ONLY).replace('      containers:\n', '      initContainers:\n        - name: copy-assets\n          image: ghcr.io/acme/orders-assets:1.4.2\n          command: ["cp", "-r", "/assets", "/tmp/assets"]\n      containers:\n'),
    },
    { name: 'test manifests are not production', filename: 'test/k8s/orders-api.yaml', code: ORDERS_API('') },
    { name: 'Helm: read-only in values', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles('securityContext:\n  readOnlyRootFilesystem: true\n') },
    {
      name: 'Helm: a value from an include cannot be read statically',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('toYaml .Values.securityContext', 'include "orders.securityContext" .'),
      files: chartFiles('securityContext: {}\n'),
    },
  ],
  invalid: [
    {
      name: 'no securityContext: the suggestion adds one',
      code: ORDERS_API(''),
      errors: [{ messageId: 'writable', line: 16, column: 17, endLine: 16, endColumn: 20, message: 'Container "api" of Deployment "orders-api" can write to its root filesystem' }],
      output: ORDERS_API('').replace('              mountPath: /tmp\n', '              mountPath: /tmp\n          securityContext:\n            readOnlyRootFilesystem: true\n'),
    },
    {
      name: 'a securityContext without it: the suggestion adds the key',
      code: ORDERS_API('          securityContext:\n            allowPrivilegeEscalation: false\n'),
      errors: [{ messageId: 'writable', line: 18, column: 11, endColumn: 26 }],
      output: ORDERS_API('          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n'),
    },
    {
      name: 'explicitly false: the suggestion turns it on',
      code: ORDERS_API('          securityContext:\n            readOnlyRootFilesystem: false\n'),
      errors: [{ messageId: 'writable', line: 19, column: 13, endColumn: 42 }],
      output: ORDERS_API('          securityContext:\n            readOnlyRootFilesystem: true\n'),
    },
    {
      name: 'Helm: empty values point at the securityContext key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\nsecurityContext: {}\n  # readOnlyRootFilesystem: true\n'),
      errors: [{ messageId: 'valuesWritable', file: `${CHART}values.yaml`, line: 3, column: 1, endColumn: 16, message: "The chart's default `securityContext` does not make the root filesystem read-only" }],
    },
    {
      name: 'Helm: explicitly false in values points at that key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('securityContext:\n  runAsNonRoot: true\n  readOnlyRootFilesystem: false\n'),
      errors: [{ messageId: 'valuesWritable', file: `${CHART}values.yaml`, line: 3, column: 3, endColumn: 25, message: '`securityContext.readOnlyRootFilesystem`' }],
    },
  ],
  evidence: [
    { name: 'read-only is evidence', code: ORDERS_API(READ_ONLY), evidence: ['read-only root filesystem on container "api" of Deployment "orders-api"'] },
  ],
});
