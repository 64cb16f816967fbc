import rule from '../../../../rules/k8s/no-secret-literals';
import { RuleTester } from '../../rule-tester';

const SECRET = (body: string) => `apiVersion: v1
kind: Secret
metadata:
  name: orders-db
  namespace: orders
type: Opaque
${body}`;

const CHART = 'charts/orders/';
const SECRET_TEMPLATE = `{{- if not .Values.auth.existingSecret }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "orders.fullname" . }}-db
type: Opaque
data:
  password: {{ .Values.auth.password | b64enc | quote }}
  username: {{ .Values.auth.username | b64enc | quote }}
{{- end }}
`;
const DEPLOYMENT_TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders:1.9.0
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ .Values.auth.existingSecret | default (printf "%s-db" (include "orders.fullname" .)) }}
                  key: password
`;
const chart = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 2.0.0\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'k8s/orders/secret.yaml' }).run(rule, {
  valid: [
    { name: 'placeholders to fill at deploy time', code: SECRET('stringData:\n  password: <set-by-pipeline>\n  api-key: REPLACE_ME\n  smtp-password: ${SMTP_PASSWORD}\n') },
    { name: 'empty values', code: SECRET('data:\n  password: ""\n  token: ""\n') },
    { name: 'connection details that are not credentials', code: SECRET('stringData:\n  host: orders-db.orders.svc\n  port: "5432"\n  username: orders\n  database: orders\n') },
    { name: 'a public CA certificate', code: SECRET('stringData:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUJ\n    -----END CERTIFICATE-----\n') },
    { name: 'a service account token Secret filled by the controller', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci-token\n  annotations:\n    kubernetes.io/service-account.name: ci\ntype: kubernetes.io/service-account-token\n' },
    { name: 'plain settings under names that are not credentials', code: SECRET('stringData:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: checkout-v2,fast-refunds\n  MAX_CONNECTIONS: "20"\n') },
    { name: 'a config file without credentials', code: SECRET('stringData:\n  app.yaml: |\n    server:\n      port: 8080\n    db:\n      password: ${DB_PASSWORD}\n') },
    { name: 'a ConfigMap is not a Secret', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-config\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: checkout-v2\n' },
    { name: 'Helm: the default password is empty (generated or required)', filename: `${CHART}templates/secret.yaml`, code: SECRET_TEMPLATE, files: chart('auth:\n  existingSecret: ""\n  username: orders\n  password: ""\n') },
    { name: 'Helm: an existing Secret turns the template off', filename: `${CHART}templates/secret.yaml`, code: SECRET_TEMPLATE, files: chart('auth:\n  existingSecret: orders-db-credentials\n  password: hunter2\n') },
    { name: 'Helm: a value generated in the template', filename: `${CHART}templates/secret.yaml`, code: SECRET_TEMPLATE.replace('{{ .Values.auth.password | b64enc | quote }}', '{{ randAlphaNum 32 | b64enc | quote }}'), files: chart('auth:\n  username: orders\n') },
    { name: 'test fixtures are not production', filename: 'test/fixtures/secret.yaml', code: SECRET('stringData:\n  password: s3cr3t-Passw0rd\n') },
  ],
  invalid: [
    {
      name: 'stringData with a literal password',
      code: SECRET('stringData:\n  username: orders\n  password: Orders-Prod-2024!\n'),
      errors: [{ messageId: 'literalValue', line: 9, column: 13, endLine: 9, endColumn: 30, message: 'Secret "orders-db" commits a literal credential under `password`' }],
    },
    {
      name: 'base64 data decodes to a default credential (changeme)',
      code: SECRET('data:\n  POSTGRES_PASSWORD: Y2hhbmdlbWU=\n'),
      errors: [{ messageId: 'literalValue', line: 8, column: 22, endColumn: 34, message: 'under `POSTGRES_PASSWORD`' }],
    },
    {
      name: 'a connection string with a password, and a token with a known shape',
      code: SECRET('stringData:\n  DATABASE_URL: postgres://orders:hunter22@orders-db:5432/orders\n  GITHUB_TOKEN: ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R\n'),
      errors: [
        { messageId: 'literalValue', line: 8, message: 'what looks like a URL with a password under `DATABASE_URL`' },
        { messageId: 'literalValue', line: 9, message: 'what looks like a GitHub token' },
      ],
    },
    {
      name: 'a config file with a literal password in it',
      code: SECRET('stringData:\n  application.properties: |\n    spring.datasource.url=jdbc:postgresql://orders-db:5432/orders\n    spring.datasource.password=Orders-Prod-2024\n'),
      errors: [{ messageId: 'literalValue', line: 8, column: 27, message: 'commits a config file with literal credentials under `application.properties`' }],
    },
    {
      name: 'a registry credential',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJnaGNyLmlvIjp7ImF1dGgiOiJZV050WlRwd1lYTnpkMjl5WkE9PSJ9fX0=\n',
      errors: [{ messageId: 'literalValue', line: 7, column: 22, message: 'Secret "regcred" commits a literal credential under `.dockerconfigjson`' }],
    },
    {
      name: 'Helm: the default password in values.yaml is a literal',
      filename: `${CHART}templates/secret.yaml`,
      code: SECRET_TEMPLATE,
      files: chart('auth:\n  existingSecret: ""\n  username: orders\n  password: orders123\n'),
      errors: [{ messageId: 'valuesDefault', file: `${CHART}values.yaml`, line: 4, column: 3, endColumn: 11, message: 'default `auth.password` is a literal credential that Secret `{{ include "orders.fullname" . }}-db` renders' }],
    },
    {
      name: 'Helm: stringData taken whole from values',
      filename: `${CHART}templates/secret.yaml`,
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-env\nstringData:\n  {{- toYaml .Values.secretEnv | nindent 2 }}\n',
      files: chart('secretEnv:\n  STRIPE_SECRET_KEY: sk_live_4eC39HqLyjWDarjtT1zdp7dc\n  LOG_LEVEL: info\n  SESSION_SIGNING: kP9#vQ2!mZ7xR4tW8yB1\n'),
      errors: [
        { messageId: 'valuesDefault', file: `${CHART}values.yaml`, line: 2, column: 3, message: '`secretEnv.STRIPE_SECRET_KEY` is what looks like a Stripe secret key' },
        { messageId: 'valuesDefault', file: `${CHART}values.yaml`, line: 4, column: 3, message: '`secretEnv.SESSION_SIGNING` is a literal credential' },
      ],
    },
  ],
  evidence: [
    {
      name: 'a SealedSecret',
      code: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: orders-db\n  namespace: orders\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq\n',
      evidence: ['SealedSecret "orders-db": secret values encrypted with Sealed Secrets'],
    },
    {
      name: 'an ExternalSecret',
      code: 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: orders-db\nspec:\n  secretStoreRef:\n    name: aws-secrets-manager\n    kind: ClusterSecretStore\n  target:\n    name: orders-db\n  data:\n    - secretKey: password\n      remoteRef:\n        key: prod/orders/db\n        property: password\n',
      evidence: ['ExternalSecret "orders-db": secret values fetched by External Secrets'],
    },
    {
      name: 'Helm: the chart reads an existing Secret by default',
      filename: `${CHART}templates/deployment.yaml`,
      code: DEPLOYMENT_TEMPLATE,
      files: chart('auth:\n  existingSecret: orders-db-credentials\n'),
      evidence: ['credentials from the existing Secret "orders-db-credentials" (`auth.existingSecret`)'],
    },
  ],
});
