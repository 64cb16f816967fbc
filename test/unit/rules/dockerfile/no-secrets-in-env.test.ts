import rule from '../../../../rules/dockerfile/no-secrets-in-env';
import { RuleTester } from '../../rule-tester';

const NODE_API = `FROM node:20.11-slim
ENV NODE_ENV=production \\
    PORT=8080 \\
    DATABASE_URL=postgres://api@db:5432/orders \\
    DATABASE_PASSWORD_FILE=/run/secrets/db_password
ARG NPM_TOKEN
WORKDIR /app
COPY package*.json .npmrc ./
RUN --mount=type=secret,id=npmrc,target=/app/.npmrc npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
`;

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    { name: 'well-built Node service', code: NODE_API },
    {
      name: 'references, placeholders and settings about secrets',
      code: [
        'FROM python:3.12-slim',
        'ARG DB_PASSWORD',
        'ENV DB_PASSWORD=${DB_PASSWORD} API_TOKEN=$API_TOKEN',
        'ENV JWT_SECRET_FILE=/run/secrets/jwt TOKEN_TTL=3600 PASSWORD_MIN_LENGTH=12 SECRET_NAME=prod/api',
        'ENV AUTH_SERVER=https://auth.example.com AUTH_ENABLED=true OAUTH_TOKEN_URL=https://login.example.com/token',
        'ENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1',
        'ENV API_KEY="<your-api-key>" SLACK_TOKEN=REPLACE_ME STRIPE_SECRET=xxxx ADMIN_PASSWORD=*** SENTRY_TOKEN=dummy',
        'ENV TLS_PRIVATE_KEY=/etc/tls/private/tls.key AWS_ACCESS_KEY_ID=',
        'ENV NEXT_PUBLIC_MAPS_API_KEY=AIzaPublicBrowserKey GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
        'ENV MAX_TOKENS=4096 TOKEN_BYTES=32 JWT_ACCESS_TOKEN_EXPIRES_IN=15m SESSION_SECRET_ROTATION=30d SECRET_KEY_BASE_DUMMY=1',
        'ENV TOKENIZERS_PARALLELISM=false POSTGRES_HOST_AUTH_METHOD=trust SECRETS_BACKEND=vault',
        'CMD ["python", "-m", "app"]',
      ].join('\n'),
    },
    { name: 'build secret mounted, not stored', code: 'FROM golang:1.22 AS build\nRUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download\n' },
    { name: 'ARG without a default', code: 'FROM node:20.11-slim\nARG GITHUB_TOKEN\nRUN --mount=type=secret,id=gh GITHUB_TOKEN=$(cat /run/secrets/gh) npm ci\n' },
  ],
  invalid: [
    {
      name: 'literal password in ENV',
      code: 'FROM node:20\nENV NODE_ENV=production\nENV DATABASE_PASSWORD=s3cr3t-pr0d-pa55\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'secretName', line: 3, column: 23, endLine: 3, endColumn: 39, message: 'ENV DATABASE_PASSWORD holds a literal credential' }],
    },
    {
      name: 'default credentials are credentials',
      code: 'FROM postgres:16.3\nENV POSTGRES_USER=app POSTGRES_PASSWORD=changeme\nENV KEYCLOAK_ADMIN=admin KEYCLOAK_ADMIN_PASSWORD="admin"\n',
      errors: [
        { messageId: 'secretName', line: 2, column: 41, endColumn: 49, message: 'POSTGRES_PASSWORD' },
        { messageId: 'secretName', line: 3, column: 50, endColumn: 57, message: 'KEYCLOAK_ADMIN_PASSWORD' },
      ],
    },
    {
      name: 'ARG defaults in a build stage, camelCase and legacy ENV syntax',
      code: 'FROM maven:3.9-eclipse-temurin-21 AS build\nARG NEXUS_PASS=hunter2\nARG sonarToken=squ_4f0e1b2c3d4e5f60718293a4b5c6d7e8f9012345\nENV SECRET_KEY_BASE 9f8e7d6c5b4a39281706f5e4d3c2b1a0\nRUN mvn -B deploy\n',
      errors: [
        { messageId: 'secretName', line: 2, column: 16, endColumn: 23, message: 'ARG NEXUS_PASS' },
        { messageId: 'secretName', line: 3, column: 16, message: 'ARG sonarToken' },
        { messageId: 'secretName', line: 4, column: 21, message: 'ENV SECRET_KEY_BASE' },
      ],
    },
    {
      name: 'a password word glued to a prefix',
      code: 'FROM postgres:16.3-alpine\nENV PGPASSWORD=orders-prod-2024\nCMD ["psql", "-h", "db", "-U", "orders"]\n',
      errors: [{ messageId: 'secretName', line: 2, column: 16, endColumn: 32, message: 'PGPASSWORD' }],
    },
    {
      name: 'known credential formats under any name',
      code: [
        'FROM python:3.12-slim',
        'ENV AWS_ACCESS_KEY_ID=AKIAQ3EGW2DYZ7NHXJ4K',
        'ARG GH_CLONE=ghp_Xk2mN9pQ4rT7vW1yZ3bC5dF8gH0jL6sA2eR4',
        'ENV SLACK_HOOK_CONFIG=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
        'ENV SIGNING="-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA"',
      ].join('\n'),
      errors: [
        { messageId: 'credentialValue', line: 2, column: 23, endColumn: 43, message: 'an AWS access key id' },
        { messageId: 'credentialValue', line: 3, column: 14, message: 'a GitHub token' },
        { messageId: 'credentialValue', line: 4, message: 'a Slack token' },
        { messageId: 'credentialValue', line: 5, message: 'a private key' },
      ],
    },
    {
      name: 'password in a connection URL',
      code: 'FROM node:20.11-slim\nENV DATABASE_URL=postgres://orders:Tr0ub4dor3@db.internal:5432/orders\nENV REDIS_URL=redis://:sup3rs3cret@redis:6379/0\n',
      errors: [
        { messageId: 'urlCredentials', line: 2, column: 18, endColumn: 70, message: 'ENV DATABASE_URL' },
        { messageId: 'urlCredentials', line: 3, column: 15 },
      ],
    },
  ],
  evidence: [{ name: 'build secret mount', code: NODE_API, evidence: ['build secret mounted with RUN --mount=type=secret'] }],
});
