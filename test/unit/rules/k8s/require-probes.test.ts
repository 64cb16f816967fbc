import rule from '../../../../rules/k8s/require-probes';
import { RuleTester } from '../../rule-tester';

const PROBES = `          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: 5
`;

const ORDERS_API = (probes: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  labels:
    app.kubernetes.io/name: orders-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: orders-api
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
          ports:
            - name: http
              containerPort: 8080
${probes}`;

const LOADGEN = (probes: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: loadgen
spec:
  selector:
    matchLabels:
      app: loadgen
  template:
    metadata:
      labels:
        app: loadgen
    spec:
      containers:
        - name: locust
          image: ghcr.io/acme/loadgen:2.1.0
          args: ["--headless", "-u", "10"]
${probes}`;

const REDIS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-cache
spec:
  serviceName: orders-cache
  replicas: 1
  selector:
    matchLabels:
      app: orders-cache
  template:
    metadata:
      labels:
        app: orders-cache
    spec:
      containers:
        - name: redis
          image: redis:7.2.5-alpine
          args: ["--appendonly", "yes"]
          ports:
            - containerPort: 6379
`;

const MIGRATIONS = `apiVersion: batch/v1
kind: Job
metadata:
  name: orders-migrate
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: ghcr.io/acme/orders-api:1.4.2
          command: ["node", "dist/migrate.js"]
`;

const CHART = 'charts/orders/';
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
  labels:
    {{- include "orders.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
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
              containerPort: {{ .Values.service.port }}
          livenessProbe:
            {{- toYaml .Values.livenessProbe | nindent 12 }}
          readinessProbe:
            {{- toYaml .Values.readinessProbe | nindent 12 }}
`;
const GUARDED_TEMPLATE = TEMPLATE.replace(
  '          livenessProbe:\n            {{- toYaml .Values.livenessProbe | nindent 12 }}\n          readinessProbe:\n            {{- toYaml .Values.readinessProbe | nindent 12 }}\n',
  '          {{- with .Values.livenessProbe }}\n          livenessProbe:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n          {{- with .Values.readinessProbe }}\n          readinessProbe:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n',
);
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "1.4.2"\n', [`${CHART}values.yaml`]: values });
const GOOD_VALUES = `replicaCount: 3
image:
  repository: ghcr.io/acme/orders-api
  tag: ""
service:
  port: 8080
livenessProbe:
  httpGet:
    path: /healthz
    port: http
readinessProbe:
  httpGet:
    path: /readyz
    port: http
`;

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    { name: 'a well-built Deployment with both probes', code: ORDERS_API(PROBES) },
    { name: 'Jobs run to completion and need no probes', filename: 'deploy/orders-migrate.yaml', code: MIGRATIONS },
    {
      name: 'CronJobs neither',
      filename: 'deploy/orders-backup.yaml',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: orders-db-backup\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: pg-dump\n              image: postgres:16.3\n              command: ["sh", "-c", "pg_dump -Fc orders > /backup/orders.dump"]\n',
    },
    {
      name: 'init containers run once and need no probes',
      code: ORDERS_API(PROBES).replace('      containers:\n', '      initContainers:\n        - name: wait-for-db\n          image: busybox:1.36\n          command: ["sh", "-c", "until nc -z orders-db 5432; do sleep 2; done"]\n      containers:\n'),
    },
    {
      name: 'a Kustomize patch is a fragment of another object, not a workload',
      filename: 'deploy/overlays/prod/api-resources.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            limits:\n              memory: 1Gi\n',
      files: { 'deploy/overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: api-resources.yaml\n' },
    },
    { name: 'a Service is not a workload', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: orders-api\nspec:\n  selector:\n    app.kubernetes.io/name: orders-api\n  ports:\n    - port: 80\n      targetPort: http\n' },
    { name: 'test manifests are not production', filename: 'test/e2e/orders-api.yaml', code: ORDERS_API('') },
    {
      name: 'a load generator serves no traffic: its liveness probe is enough',
      filename: 'deploy/loadgen.yaml',
      code: LOADGEN('          livenessProbe:\n            exec:\n              command: ["pgrep", "locust"]\n'),
    },
    { name: 'Helm: the default values define both probes', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles(GOOD_VALUES) },
    { name: 'Helm: probes rendered through `with` blocks', filename: `${CHART}templates/deployment.yaml`, code: GUARDED_TEMPLATE, files: chartFiles(GOOD_VALUES) },
    {
      name: 'Helm: probes built by an include cannot be read statically',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('toYaml .Values.livenessProbe', 'include "orders.livenessProbe" .').replace('toYaml .Values.readinessProbe', 'include "orders.readinessProbe" .'),
      files: chartFiles('service:\n  port: 8080\n'),
    },
    {
      name: 'Helm: extra container settings from values may hold the probes',
      filename: `${CHART}templates/deployment.yaml`,
      code: GUARDED_TEMPLATE.replace(/ {10}\{\{- with \.Values\.livenessProbe[\s\S]*$/, '          {{- with .Values.containerExtras }}\n          {{- toYaml . | nindent 10 }}\n          {{- end }}\n'),
      files: chartFiles('containerExtras:\n  livenessProbe:\n    tcpSocket:\n      port: http\n'),
    },
    {
      name: 'Helm: a sidecar behind a guard that is false by default',
      filename: `${CHART}templates/deployment.yaml`,
      code: `${TEMPLATE}        {{- if .Values.metrics.enabled }}\n        - name: exporter\n          image: prom/statsd-exporter:v0.26.1\n        {{- end }}\n`,
      files: chartFiles(`${GOOD_VALUES}metrics:\n  enabled: false\n`),
    },
  ],
  invalid: [
    {
      name: 'no probes: the suggestion adds HTTP probes on the first port',
      code: ORDERS_API(''),
      errors: [{ messageId: 'missingBoth', line: 18, column: 17, endLine: 18, endColumn: 20, message: 'Container "api" of Deployment "orders-api" has no liveness or readiness probe' }],
      output: ORDERS_API(
        '          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n',
      ),
    },
    {
      name: 'a liveness probe alone',
      code: ORDERS_API(PROBES.slice(0, PROBES.indexOf('          readinessProbe'))),
      errors: [{ messageId: 'missingOne', line: 18, column: 17, message: 'has no readiness probe, so the Service sends it traffic before it can serve' }],
      output: ORDERS_API(`${PROBES.slice(0, PROBES.indexOf('          readinessProbe'))}          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n`),
      evidence: [],
    },
    {
      name: 'a data store gets TCP probes',
      filename: 'deploy/orders-cache.yaml',
      code: REDIS,
      errors: [{ messageId: 'missingBoth', line: 17, column: 17, endColumn: 22, message: 'StatefulSet "orders-cache"' }],
      output: `${REDIS}          livenessProbe:\n            tcpSocket:\n              port: 6379\n          readinessProbe:\n            tcpSocket:\n              port: 6379\n`,
    },
    {
      name: 'a load generator without probes still needs a liveness probe, not a readiness probe',
      filename: 'deploy/loadgen.yaml',
      code: LOADGEN(''),
      errors: [{ messageId: 'missingOne', line: 15, column: 17, message: 'Container "locust" of Deployment "loadgen" has no liveness probe, so a hung or deadlocked process is never restarted' }],
    },
    {
      name: 'a container without ports gets no suggestion, a sidecar is checked too',
      code: ORDERS_API(PROBES) + '        - name: log-shipper\n          image: fluent/fluent-bit:3.0.7\n',
      errors: [{ messageId: 'missingBoth', line: 33, column: 17, message: 'Container "log-shipper"' }],
    },
    {
      name: 'Helm: empty probes in values.yaml are reported at their keys',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('replicaCount: 3\nservice:\n  port: 8080\nlivenessProbe: {}\nreadinessProbe: {}\n'),
      errors: [
        { messageId: 'valuesMissing', file: `${CHART}values.yaml`, line: 4, column: 1, endColumn: 14, message: "The chart's default `livenessProbe` sets no probe, so container `{{ .Chart.Name }}` of Deployment `{{ include \"orders.fullname\" . }}` has no liveness probe" },
        { messageId: 'valuesMissing', file: `${CHART}values.yaml`, line: 5, column: 1, endColumn: 15, message: 'has no readiness probe' },
      ],
    },
    {
      name: 'Helm: a probe left out by its `with` guard is reported at the values key',
      filename: `${CHART}templates/deployment.yaml`,
      code: GUARDED_TEMPLATE,
      files: chartFiles('service:\n  port: 8080\nlivenessProbe:\n  httpGet:\n    path: /healthz\n    port: http\nreadinessProbe: {}\n'),
      errors: [{ messageId: 'valuesMissing', file: `${CHART}values.yaml`, line: 7, column: 1, endColumn: 15, message: '`readinessProbe`' }],
    },
  ],
  evidence: [
    { name: 'both probes are evidence', code: ORDERS_API(PROBES), evidence: ['liveness and readiness probes on container "api" of Deployment "orders-api"'] },
    {
      name: 'Helm: evidence points at values.yaml',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles(GOOD_VALUES),
      evidence: ['liveness and readiness probes on container `{{ .Chart.Name }}` of Deployment `{{ include "orders.fullname" . }}`'],
    },
  ],
});
