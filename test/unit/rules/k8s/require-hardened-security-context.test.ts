import rule from '../../../../rules/k8s/require-hardened-security-context';
import { RuleTester } from '../../rule-tester';

const HARDENED = `          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
`;

const ORDERS_API = (securityContext: string) => `apiVersion: apps/v1
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
          ports:
            - containerPort: 8080
${securityContext}`;

const NGINX = (securityContext: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
spec:
  replicas: 2
  selector:
    matchLabels:
      app: storefront
  template:
    metadata:
      labels:
        app: storefront
    spec:
      containers:
        - name: nginx
          image: nginx:1.27.0-alpine
${securityContext}          ports:
            - containerPort: 80
`;

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
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "1.4.2"\n', [`${CHART}values.yaml`]: values });
const HARDENED_VALUES = 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]\n  readOnlyRootFilesystem: true\n';

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    { name: 'a hardened container', code: ORDERS_API(HARDENED) },
    {
      name: 'drop ALL and add back only NET_BIND_SERVICE',
      filename: 'deploy/storefront.yaml',
      code: NGINX('          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: ["ALL"]\n              add: ["NET_BIND_SERVICE"]\n'),
    },
    { name: 'test manifests are not production', filename: 'test/manifests/orders-api.yaml', code: ORDERS_API('') },
    { name: 'Helm: hardened values', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles(HARDENED_VALUES) },
    {
      name: 'Helm: a securityContext built by an include cannot be read statically',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('toYaml .Values.securityContext', 'include "orders.securityContext" .'),
      files: chartFiles('securityContext: {}\n'),
    },
    {
      name: 'Helm: container settings merged in from values may hold a securityContext',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}\n', '          {{- with .Values.containerSettings }}\n          {{- toYaml . | nindent 10 }}\n          {{- end }}\n'),
      files: chartFiles(`containerSettings:\n  ${HARDENED_VALUES.replace(/\n(?!$)/g, '\n  ')}`),
    },
  ],
  invalid: [
    {
      name: 'no securityContext: the suggestion adds a hardened block',
      code: ORDERS_API(''),
      errors: [{ messageId: 'missing', line: 19, column: 17, endLine: 19, endColumn: 20, message: 'Container "api" of Deployment "orders-api" has no securityContext' }],
      output: ORDERS_API(
        '          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop:\n                - ALL\n            readOnlyRootFilesystem: true\n            runAsNonRoot: true\n',
      ),
    },
    {
      name: 'privilege escalation left on',
      filename: 'deploy/storefront.yaml',
      code: NGINX('          securityContext:\n            capabilities:\n              drop: ["ALL"]\n'),
      errors: [{ messageId: 'incomplete', line: 18, column: 11, endColumn: 26, message: 'does not set `allowPrivilegeEscalation: false`, so an attacker who gets in can gain privileges through setuid binaries' }],
    },
    {
      name: 'capabilities not dropped',
      code: ORDERS_API('          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: ["NET_RAW"]\n'),
      errors: [{ messageId: 'incomplete', line: 23, column: 11, message: 'does not drop `ALL` capabilities' }],
    },
    {
      name: 'allowPrivilegeEscalation: true and no drop',
      code: ORDERS_API('          securityContext:\n            allowPrivilegeEscalation: true\n            readOnlyRootFilesystem: true\n'),
      errors: [{ messageId: 'incomplete', line: 23, column: 11, message: 'allows privilege escalation and keeps the default capabilities' }],
    },
    {
      name: 'dangerous capabilities added back',
      filename: 'deploy/vpn-gateway.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vpn-gateway\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: wireguard\n          image: linuxserver/wireguard:1.0.20210914\n          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: [ALL]\n              add: [NET_ADMIN, CAP_SYS_ADMIN, NET_BIND_SERVICE]\n',
      errors: [
        { messageId: 'dangerousCapability', line: 16, column: 21, endColumn: 30, message: 'Container "wireguard" of Deployment "vpn-gateway" adds the NET_ADMIN capability' },
        { messageId: 'dangerousCapability', line: 16, column: 32, endColumn: 45, message: 'SYS_ADMIN' },
      ],
    },
    {
      name: 'Helm: empty values are reported at the securityContext key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  tag: ""\n\nsecurityContext: {}\n  # capabilities:\n  #   drop:\n  #   - ALL\n'),
      errors: [{ messageId: 'valuesIncomplete', file: `${CHART}values.yaml`, line: 5, column: 1, endColumn: 16, message: "The chart's default `securityContext` allows privilege escalation and keeps the default capabilities" }],
    },
    {
      name: 'Helm: a securityContext left out by its `with` guard',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}\n', '          {{- with .Values.securityContext }}\n          securityContext:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n'),
      files: chartFiles('securityContext: {}\n'),
      errors: [{ messageId: 'valuesIncomplete', file: `${CHART}values.yaml`, line: 1, column: 1 }],
    },
  ],
  evidence: [
    { name: 'a hardened container is evidence', code: ORDERS_API(HARDENED), evidence: ['hardened securityContext on container "api" of Deployment "orders-api"'] },
    {
      name: 'Helm: hardened values are evidence in values.yaml',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles(HARDENED_VALUES),
      evidence: ['hardened securityContext on container `{{ .Chart.Name }}` of Deployment `{{ include "orders.fullname" . }}`'],
    },
  ],
});
