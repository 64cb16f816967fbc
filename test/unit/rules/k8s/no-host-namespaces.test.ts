import rule from '../../../../rules/k8s/no-host-namespaces';
import { RuleTester } from '../../rule-tester';

const INGRESS_CONTROLLER = (podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ingress-nginx
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ingress-nginx
    spec:
${podSpec}      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.10.1
          ports:
            - name: http
              containerPort: 80
            - name: https
              containerPort: 443
`;

const CHART = 'charts/ingress/';
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "ingress.fullname" . }}
spec:
  template:
    spec:
      hostNetwork: {{ .Values.controller.hostNetwork }}
      {{- if .Values.controller.hostPID }}
      hostPID: true
      {{- end }}
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.10.1
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: ingress\nversion: 4.10.1\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/ingress-nginx.yaml' }).run(rule, {
  valid: [
    { name: 'a pod in its own namespaces', code: INGRESS_CONTROLLER('') },
    { name: 'host namespaces explicitly off', code: INGRESS_CONTROLLER('      hostNetwork: false\n      hostPID: false\n      hostIPC: false\n') },
    { name: 'test manifests are not production', filename: 'tests/kind/ingress-nginx.yaml', code: INGRESS_CONTROLLER('      hostNetwork: true\n') },
    { name: 'Helm: values keep the pod off the host network', filename: `${CHART}templates/controller.yaml`, code: TEMPLATE, files: chartFiles('controller:\n  hostNetwork: false\n  hostPID: false\n') },
    {
      name: 'Helm: a guard that is false by default leaves hostPID out',
      filename: `${CHART}templates/controller.yaml`,
      code: TEMPLATE,
      files: chartFiles('controller:\n  hostNetwork: false\n'),
    },
    {
      name: 'Helm: a guard around the first key of the pod spec is honoured',
      filename: `${CHART}templates/controller.yaml`,
      code: TEMPLATE.replace('      hostNetwork: {{ .Values.controller.hostNetwork }}\n', ''),
      files: chartFiles('controller:\n  hostPID: false\n'),
    },
    {
      name: 'Helm: a guard the values cannot decide gives no finding',
      filename: `${CHART}templates/controller.yaml`,
      code: TEMPLATE.replace('if .Values.controller.hostPID', 'if (include "ingress.needsHostPID" .)'),
      files: chartFiles('controller:\n  hostNetwork: false\n'),
    },
  ],
  invalid: [
    {
      name: 'hostNetwork: the suggestion turns it off',
      code: INGRESS_CONTROLLER('      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n'),
      errors: [{ messageId: 'hostNamespace', line: 16, column: 7, endLine: 16, endColumn: 24, message: 'Deployment "ingress-nginx-controller" shares the node\'s network namespace (`hostNetwork: true`)' }],
      output: INGRESS_CONTROLLER('      hostNetwork: false\n      dnsPolicy: ClusterFirstWithHostNet\n'),
    },
    {
      name: 'each host namespace is its own finding',
      filename: 'deploy/node-debugger.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: node-debugger\nspec:\n  hostPID: true\n  hostIPC: true\n  containers:\n    - name: shell\n      image: busybox:1.36\n      command: ["sleep", "infinity"]\n',
      errors: [
        { messageId: 'hostNamespace', line: 6, column: 3, endColumn: 16, message: 'process namespace' },
        { messageId: 'hostNamespace', line: 7, column: 3, endColumn: 16, message: 'shared memory' },
      ],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: node-debugger\nspec:\n  hostPID: false\n  hostIPC: false\n  containers:\n    - name: shell\n      image: busybox:1.36\n      command: ["sleep", "infinity"]\n',
    },
    {
      name: 'Helm: hostNetwork from values.yaml is reported at its key',
      filename: `${CHART}templates/controller.yaml`,
      code: TEMPLATE,
      files: chartFiles('controller:\n  # Bind 80/443 on the node directly.\n  hostNetwork: true\n'),
      errors: [{ messageId: 'valuesHostNamespace', file: `${CHART}values.yaml`, line: 3, column: 3, endColumn: 14, message: "The chart's default `controller.hostNetwork` is true" }],
    },
    {
      name: 'Helm: a literal hostPID behind a guard the values turn on',
      filename: `${CHART}templates/controller.yaml`,
      code: TEMPLATE,
      files: chartFiles('controller:\n  hostNetwork: false\n  hostPID: true\n'),
      errors: [{ messageId: 'hostNamespace', line: 10, column: 7, endColumn: 20, message: '`hostPID: true`' }],
      output: TEMPLATE.replace('      hostPID: true', '      hostPID: false'),
    },
  ],
});
