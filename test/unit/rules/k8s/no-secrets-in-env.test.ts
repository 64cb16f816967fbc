import rule from '../../../../rules/k8s/no-secrets-in-env';
import { RuleTester } from '../../rule-tester';

const ORDERS_API = (env: string) => `apiVersion: apps/v1
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
          env:
            - name: NODE_ENV
              value: production
${env}`;

const SAFE_ENV = `            - name: DATABASE_HOST
              value: orders-db.data.svc.cluster.local
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-db
                  key: password
            - name: DATABASE_URL
              value: postgres://orders:$(DATABASE_PASSWORD)@orders-db:5432/orders
            - name: JWT_PUBLIC_KEY_FILE
              value: /var/run/secrets/jwt/public.pem
            - name: SESSION_SECRET_NAME
              value: orders-session
            - name: TOKEN_TTL
              value: "3600"
            - name: STRIPE_API_KEY
              value: ""
            - name: AUTH_ENABLED
              value: "true"
            - name: OAUTH_TOKEN_URL
              value: https://auth.acme.example/oauth2/token
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
          env:
            - name: DATABASE_PASSWORD
              value: {{ .Values.database.password | quote }}
            - name: LOG_FORMAT
              value: json
            {{- with .Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
`;
const RANGE_TEMPLATE = TEMPLATE.replace(/ {10}env:\n[\s\S]*$/, '          env:\n            {{- range $name, $value := .Values.env }}\n            - name: {{ $name }}\n              value: {{ $value | quote }}\n            {{- end }}\n');
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "1.4.2"\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    { name: 'references, names, paths, empty values and flags', code: ORDERS_API(SAFE_ENV) },
    {
      name: 'a Secret loaded whole with envFrom',
      code: ORDERS_API('          envFrom:\n            - secretRef:\n                name: orders-api-env\n            - configMapRef:\n                name: orders-api-config\n'),
    },
    { name: 'test manifests are not production', filename: 'test/fixtures/orders-api.yaml', code: ORDERS_API('            - name: DATABASE_PASSWORD\n              value: hunter2\n') },
    { name: 'Helm: an empty password in values', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles('database:\n  password: ""\n  existingSecret: orders-db\nextraEnv: []\n') },
    {
      name: 'Helm: a range over a values map without credentials',
      filename: `${CHART}templates/deployment.yaml`,
      code: RANGE_TEMPLATE,
      files: chartFiles('env:\n  LOG_LEVEL: info\n  DATABASE_URL: postgres://orders@orders-db:5432/orders\n  DATABASE_PASSWORD_FILE: /var/run/secrets/db/password\n'),
    },
    {
      name: 'Helm: extra env entries under a guard that is false by default',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('            {{- with .Values.extraEnv }}\n            {{- toYaml . | nindent 12 }}\n            {{- end }}\n', '            {{- if .Values.debug.enabled }}\n            - name: DEBUG_TOKEN\n              value: dev-token-1234\n            {{- end }}\n'),
      files: chartFiles('database:\n  password: ""\ndebug:\n  enabled: false\n'),
    },
  ],
  invalid: [
    {
      name: 'a literal password: the suggestion reads it from a Secret',
      code: ORDERS_API('            - name: DATABASE_PASSWORD\n              value: "Orders-Prod-2024!"\n'),
      errors: [{ messageId: 'literal', line: 22, column: 22, endLine: 22, endColumn: 41, message: 'Env var DATABASE_PASSWORD of container "api" of Deployment "orders-api" holds a literal credential' }],
      output: ORDERS_API('            - name: DATABASE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: orders-api-secrets\n                  key: database-password\n'),
    },
    {
      name: 'known credential formats, whatever the name',
      code: ORDERS_API('            - name: AWS_ACCESS_KEY_ID\n              value: AKIAIOSFODNN7EXAMPLE\n            - name: REDIS_URL\n              value: redis://default:s3cr3t-cache@orders-cache:6379/0\n            - name: SLACK_HOOK\n              value: xoxb-1234567890-abcdefghijkl\n'),
      errors: [
        { messageId: 'literal', line: 22, column: 22, endColumn: 42, message: 'holds what looks like an AWS access key id' },
        { messageId: 'literal', line: 24, column: 22, message: 'holds what looks like a URL with a password' },
        { messageId: 'literal', line: 26, column: 22, message: 'holds what looks like a Slack token' },
      ],
      output: ORDERS_API(
        '            - name: AWS_ACCESS_KEY_ID\n              valueFrom:\n                secretKeyRef:\n                  name: orders-api-secrets\n                  key: aws-access-key-id\n            - name: REDIS_URL\n              valueFrom:\n                secretKeyRef:\n                  name: orders-api-secrets\n                  key: redis-url\n            - name: SLACK_HOOK\n              valueFrom:\n                secretKeyRef:\n                  name: orders-api-secrets\n                  key: slack-hook\n',
      ),
    },
    {
      name: 'a flow-style entry gets no suggestion',
      filename: 'deploy/orders-db.yaml',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: orders-db\nspec:\n  serviceName: orders-db\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.3\n          env:\n            - { name: POSTGRES_PASSWORD, value: postgres }\n',
      errors: [{ messageId: 'literal', line: 13, column: 49, endColumn: 57, message: 'Env var POSTGRES_PASSWORD of container "postgres" of StatefulSet "orders-db"' }],
    },
    {
      name: 'Helm: a password in values.yaml is reported at its key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('database:\n  host: orders-db\n  password: orders123\nextraEnv: []\n'),
      errors: [{ messageId: 'valuesLiteral', file: `${CHART}values.yaml`, line: 3, column: 3, endColumn: 11, message: "The chart's default `database.password` holds a literal credential that becomes env var DATABASE_PASSWORD" }],
    },
    {
      name: 'Helm: env entries given whole in values',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace(/ {10}env:\n[\s\S]*$/, '          env:\n            {{- toYaml .Values.env | nindent 12 }}\n'),
      files: chartFiles('env:\n  - name: LOG_LEVEL\n    value: info\n  - name: GITHUB_TOKEN\n    value: ghp_16C7e42F292c6912E7710c838347Ae178B4a\n'),
      errors: [{ messageId: 'valuesLiteral', file: `${CHART}values.yaml`, line: 5, column: 5, endColumn: 10, message: '`env[1].value` holds what looks like a GitHub token' }],
    },
    {
      name: 'Helm: each entry of a `range` over a values map is judged at its key',
      filename: `${CHART}templates/deployment.yaml`,
      code: RANGE_TEMPLATE,
      files: chartFiles('env:\n  LOG_LEVEL: info\n  DATABASE_URL: postgres://orders:orders-pass-2024@orders-db:5432/orders\n  SMTP_PASSWORD: mailer-2024\n'),
      errors: [
        { messageId: 'valuesLiteral', file: `${CHART}values.yaml`, line: 3, column: 3, endColumn: 15, message: "The chart's default `env.DATABASE_URL` holds what looks like a URL with a password that becomes env var DATABASE_URL" },
        { messageId: 'valuesLiteral', file: `${CHART}values.yaml`, line: 4, column: 3, endColumn: 16, message: '`env.SMTP_PASSWORD` holds a literal credential' },
      ],
    },
    {
      name: 'Helm: a `range` over a values list of name/value entries',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace(/ {10}env:\n[\s\S]*$/, '          env:\n            {{- range .Values.env }}\n            - name: {{ .name }}\n              value: {{ .value | quote }}\n            {{- end }}\n'),
      files: chartFiles('env:\n  - name: LOG_LEVEL\n    value: info\n  - name: STRIPE_API_KEY\n    value: sk_live_4eC39HqLyjWDarjtT1zdp7dc\n'),
      errors: [{ messageId: 'valuesLiteral', file: `${CHART}values.yaml`, line: 5, column: 5, endColumn: 10, message: '`env[1].value` holds what looks like a Stripe secret key' }],
    },
  ],
  evidence: [
    {
      name: 'secretKeyRef and envFrom are evidence',
      code: ORDERS_API('            - name: DATABASE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: orders-db\n                  key: password\n          envFrom:\n            - secretRef:\n                name: orders-api-env\n'),
      evidence: [
        'env var DATABASE_PASSWORD of container "api" of Deployment "orders-api" comes from Secret "orders-db" key "password"',
        'container "api" of Deployment "orders-api" loads env vars from Secret "orders-api-env"',
      ],
    },
  ],
});
