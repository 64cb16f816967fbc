import rule from '../../../../rules/compose/require-healthcheck';
import { RuleTester } from '../../rule-tester';

const API_DOCKERFILE_WITH_HEALTHCHECK = `FROM node:20.11-slim
WORKDIR /app
COPY . .
HEALTHCHECK --interval=30s CMD node healthcheck.js
USER node
CMD ["node", "server.js"]
`;
const API_DOCKERFILE = `FROM node:20.11-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20.11-slim
COPY --from=build /app/dist /app
USER node
CMD ["node", "/app/server.js"]
`;

const DB = `  db:
    image: postgres:16.4
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U orders"]
      interval: 10s
      retries: 5
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    { name: 'a healthcheck on the database', code: `services:\n${DB}` },
    {
      name: 'the built image declares a HEALTHCHECK in its Dockerfile',
      code: `services:\n  api:\n    build: ./services/api\n    depends_on:\n      db:\n        condition: service_healthy\n${DB}`,
      files: { 'services/api/Dockerfile': API_DOCKERFILE_WITH_HEALTHCHECK },
    },
    {
      name: 'build with a named Dockerfile and target stage that has the HEALTHCHECK',
      code: 'services:\n  api:\n    build:\n      context: services/api\n      dockerfile: Dockerfile.prod\n      target: runtime\n',
      files: { 'services/api/Dockerfile.prod': 'FROM node:20 AS runtime\nHEALTHCHECK CMD curl -f http://localhost:8080/healthz\nCMD ["node", "server.js"]\n\nFROM runtime AS debug\nRUN npm i -g nodemon\n' },
    },
    { name: 'a Dockerfile that is not in the workspace cannot be judged', code: 'services:\n  api:\n    build: ../shared/api\n' },
    { name: 'disable: true is a deliberate opt-out', code: 'services:\n  worker:\n    image: ghcr.io/acme/worker:2.1.0\n    healthcheck:\n      disable: true\n' },
    { name: 'test: ["NONE"] is an opt-out too', code: 'services:\n  worker:\n    image: ghcr.io/acme/worker:2.1.0\n    healthcheck:\n      test: ["NONE"]\n' },
    {
      name: 'a migration job runs once and exits',
      code: `services:\n  migrate:\n    image: ghcr.io/acme/orders-api:1.4.2\n    command: ["npm", "run", "db:migrate"]\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    healthcheck:\n      test: ["CMD", "node", "healthcheck.js"]\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n`,
    },
    { name: 'an override fragment only adds to a service defined elsewhere', filename: 'docker-compose.override.yml', code: 'services:\n  api:\n    ports:\n      - "9229:9229"\n' },
    { name: 'a development file', filename: 'docker-compose.dev.yml', code: 'services:\n  mailhog:\n    image: mailhog/mailhog:v1.0.1\n' },
    { name: 'test code', filename: 'tests/integration/compose.yaml', code: 'services:\n  db:\n    image: postgres:16.4\n' },
  ],
  invalid: [
    {
      name: 'a pulled image with no healthcheck',
      code: `services:\n  redis:\n    image: redis:7.2.5\n    command: ["redis-server", "--appendonly", "yes"]\n${DB}`,
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 8, message: 'Service "redis" declares no healthcheck' }],
    },
    {
      name: 'neither the service nor its Dockerfile declares one',
      filename: 'deploy/compose.yaml',
      code: 'services:\n  api:\n    build:\n      context: ../services/api\n    ports:\n      - "8080:8080"\n',
      files: { 'services/api/Dockerfile': API_DOCKERFILE },
      errors: [{ messageId: 'missingBuilt', line: 2, column: 3, message: 'neither does its Dockerfile services/api/Dockerfile' }],
    },
  ],
  evidence: [
    { name: 'a healthcheck is evidence', code: `services:\n${DB}`, evidence: ['healthcheck on service "db"'] },
    {
      name: 'a healthcheck set by the production override of the same service',
      code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n',
      files: { 'docker-compose.prod.yml': 'services:\n  api:\n    healthcheck:\n      test: ["CMD", "node", "healthcheck.js"]\n' },
      evidence: ['healthcheck on service "api"'],
    },
  ],
});
