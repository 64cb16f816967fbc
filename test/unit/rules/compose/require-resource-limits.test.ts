import rule from '../../../../rules/compose/require-resource-limits';
import { RuleTester } from '../../rule-tester';

const API = `services:
  api:
    image: ghcr.io/acme/orders-api:1.4.2
    ports:
      - "8080:8080"
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    {
      name: 'deploy.resources.limits with memory and cpus',
      code: `${API}    deploy:\n      resources:\n        limits:\n          cpus: "1.0"\n          memory: 512M\n        reservations:\n          memory: 256M\n`,
    },
    { name: 'the legacy mem_limit', code: `${API}    mem_limit: 512m\n    cpus: 1.5\n` },
    {
      name: 'limits shared through an anchor',
      code: 'x-limits: &limits\n  deploy:\n    resources:\n      limits:\n        memory: 256M\n\nservices:\n  worker:\n    <<: *limits\n    image: ghcr.io/acme/worker:2.1.0\n',
    },
    {
      name: 'one-off tasks are left alone',
      code: 'services:\n  migrate:\n    image: flyway/flyway:10.17\n    command: migrate\n  seed:\n    build: ./db\n    profiles: [tools]\n',
    },
    { name: 'a fragment in an override file', filename: 'docker-compose.override.yml', code: 'services:\n  api:\n    environment:\n      LOG_LEVEL: debug\n' },
    { name: 'a local development stack', filename: 'compose.local.yaml', code: API },
    { name: 'a test stack', filename: 'docker-compose.test.yml', code: API },
    { name: 'example code', filename: 'examples/quickstart/compose.yaml', code: API },
    {
      name: 'a service that builds the development stage of its Dockerfile',
      code: 'services:\n  web:\n    build:\n      context: web\n      target: development\n    ports:\n      - "5173:5173"\n',
    },
    {
      name: 'a service that mounts its source tree over the image for live reload, and the database it works with',
      code: 'services:\n  api:\n    build: ./api\n    command: ["npx", "nodemon", "src/index.js"]\n    volumes:\n      - ./api:/srv/api\n      - /srv/api/node_modules\n  db:\n    image: postgres:16.3\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
    },
  ],
  invalid: [
    {
      name: 'a read-only bind of configuration is not a development setup',
      code: 'services:\n  api:\n    build:\n      context: ./api\n      target: runtime\n    volumes:\n      - ./api/config:/etc/api:ro\n',
      errors: [{ messageId: 'missing', line: 2, message: 'Service "api" sets no resource limits' }],
      output: 'services:\n  api:\n    build:\n      context: ./api\n      target: runtime\n    volumes:\n      - ./api/config:/etc/api:ro\n    deploy:\n      resources:\n        limits:\n          cpus: "1.0"\n          memory: 512M\n',
    },
    {
      name: 'no limits at all: the fix adds a deploy.resources skeleton',
      code: API,
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" sets no resource limits' }],
      output: `${API}    deploy:\n      resources:\n        limits:\n          cpus: "1.0"\n          memory: 512M\n`,
    },
    {
      name: 'deploy with replicas but no resources: the fix adds resources under deploy',
      code: `${API}    deploy:\n      replicas: 2\n`,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: `${API}    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: "1.0"\n          memory: 512M\n`,
    },
    {
      name: 'reservations only: the fix adds limits beside them',
      code: `${API}    deploy:\n      resources:\n        reservations:\n          memory: 256M\n`,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: `${API}    deploy:\n      resources:\n        reservations:\n          memory: 256M\n        limits:\n          cpus: "1.0"\n          memory: 512M\n`,
    },
    {
      name: 'CPU capped, memory not',
      code: `${API}    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n`,
      errors: [{ messageId: 'noMemoryLimit', line: 8, column: 9, endColumn: 15, message: 'Service "api" limits CPU but not memory' }],
    },
    {
      name: 'a flow-style service gets the finding without a fix',
      code: 'services:\n  cache: { image: "redis:7.2.5", command: ["redis-server", "--appendonly", "yes"] }\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endColumn: 8 }],
    },
  ],
  evidence: [
    {
      name: 'a memory limit is evidence',
      code: `${API}    deploy:\n      resources:\n        limits:\n          memory: 512M\n`,
      evidence: ['memory limit 512M on service "api"'],
    },
    {
      name: 'a limit set in the production override of the same folder',
      code: API,
      files: { 'compose.prod.yaml': 'services:\n  api:\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n' },
      evidence: ['memory limit 1G on service "api"'],
    },
  ],
});
