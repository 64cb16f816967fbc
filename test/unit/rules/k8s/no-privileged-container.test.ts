import rule from '../../../../rules/k8s/no-privileged-container';
import { RuleTester } from '../../rule-tester';

const LOG_COLLECTOR = (securityContext: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-collector
  namespace: observability
spec:
  selector:
    matchLabels:
      app: log-collector
  template:
    metadata:
      labels:
        app: log-collector
    spec:
      containers:
        - name: fluent-bit
          image: fluent/fluent-bit:3.0.7
${securityContext}          volumeMounts:
            - name: varlog
              mountPath: /var/log
              readOnly: true
      volumes:
        - name: varlog
          hostPath:
            path: /var/log
`;

const ORDERS_API = `apiVersion: apps/v1
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
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
          securityContext:
            allowPrivilegeEscalation: false
            privileged: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
`;

const CHART = 'charts/log-collector/';
const TEMPLATE = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ include "log-collector.fullname" . }}
spec:
  selector:
    matchLabels:
      {{- include "log-collector.selectorLabels" . | nindent 6 }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: log-collector\nversion: 1.2.0\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/log-collector.yaml' }).run(rule, {
  valid: [
    { name: 'a hardened Deployment that says privileged: false', filename: 'deploy/orders-api.yaml', code: ORDERS_API },
    { name: 'no securityContext at all is not privileged', code: LOG_COLLECTOR('') },
    { name: 'a capability instead of privileged', code: LOG_COLLECTOR('          securityContext:\n            capabilities:\n              add: ["DAC_READ_SEARCH"]\n') },
    { name: 'privileged test fixtures are not production', filename: 'test/fixtures/kind/log-collector.yaml', code: LOG_COLLECTOR('          securityContext:\n            privileged: true\n') },
    { name: 'Helm: values keep privileged off', filename: `${CHART}templates/daemonset.yaml`, code: TEMPLATE, files: chartFiles('image:\n  repository: fluent/fluent-bit\n  tag: 3.0.7\nsecurityContext:\n  privileged: false\n  readOnlyRootFilesystem: true\n') },
    {
      name: 'Helm: a securityContext built by an include cannot be read statically',
      filename: `${CHART}templates/daemonset.yaml`,
      code: TEMPLATE.replace('toYaml .Values.securityContext', 'include "log-collector.securityContext" .'),
      files: chartFiles('securityContext:\n  privileged: true\n'),
    },
  ],
  invalid: [
    {
      name: 'privileged: true; the suggestion turns it off',
      code: LOG_COLLECTOR('          securityContext:\n            privileged: true\n'),
      errors: [{ messageId: 'privileged', line: 19, column: 13, endLine: 19, endColumn: 29, message: 'Container "fluent-bit" of DaemonSet "log-collector" runs privileged' }],
      output: LOG_COLLECTOR('          securityContext:\n            privileged: false\n'),
    },
    {
      name: 'an init container that runs privileged',
      filename: 'deploy/orders-api.yaml',
      code: ORDERS_API.replace('      containers:\n', '      initContainers:\n        - name: sysctl\n          image: busybox:1.36\n          command: ["sysctl", "-w", "net.core.somaxconn=4096"]\n          securityContext:\n            privileged: true\n      containers:\n'),
      errors: [{ messageId: 'privileged', line: 23, column: 13, message: 'Container "sysctl" of Deployment "orders-api"' }],
      output: ORDERS_API.replace('      containers:\n', '      initContainers:\n        - name: sysctl\n          image: busybox:1.36\n          command: ["sysctl", "-w", "net.core.somaxconn=4096"]\n          securityContext:\n            privileged: false\n      containers:\n'),
    },
    {
      name: 'Helm: privileged in values.yaml is reported at its key',
      filename: `${CHART}templates/daemonset.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: fluent/fluent-bit\n  tag: 3.0.7\nsecurityContext:\n  privileged: true\n'),
      errors: [{ messageId: 'valuesPrivileged', file: `${CHART}values.yaml`, line: 5, column: 3, endColumn: 13, message: "The chart's default `securityContext.privileged` is true, so container `{{ .Chart.Name }}` of DaemonSet" }],
    },
    {
      name: 'Helm: a single value templated into the manifest',
      filename: `${CHART}templates/daemonset.yaml`,
      code: TEMPLATE.replace('            {{- toYaml .Values.securityContext | nindent 12 }}', '            privileged: {{ .Values.privileged }}'),
      files: chartFiles('privileged: true\n'),
      errors: [{ messageId: 'valuesPrivileged', file: `${CHART}values.yaml`, line: 1, column: 1, endColumn: 11, message: '`privileged`' }],
    },
  ],
});
