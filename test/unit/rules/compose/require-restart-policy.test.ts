import rule from '../../../../rules/compose/require-restart-policy';
import { RuleTester } from '../../rule-tester';

const WORKER = `services:
  worker:
    image: ghcr.io/acme/orders-worker:1.4.2
    command: ["node", "dist/worker.js"]
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    { name: 'unless-stopped', code: `${WORKER}    restart: unless-stopped\n` },
    { name: 'on-failure with a retry cap', code: `${WORKER}    restart: on-failure:5\n` },
    { name: 'a Swarm restart policy', code: `${WORKER}    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n` },
    {
      name: 'a migration others wait for, with restart: "no"',
      code: `services:
  migrate:
    image: ghcr.io/acme/orders-api:1.4.2
    command: ["npm", "run", "migrate"]
    restart: "no"
  api:
    image: ghcr.io/acme/orders-api:1.4.2
    restart: unless-stopped
    depends_on:
      migrate:
        condition: service_completed_successfully
`,
    },
    { name: 'a migration script run by node', code: 'services:\n  migrate:\n    image: ghcr.io/acme/orders-api:1.4.2\n    command: ["node", "dist/migrate.js"]\n' },
    { name: 'a service extending one from another file may get its policy there', code: 'services:\n  worker:\n    extends:\n      file: common.yml\n      service: node-service\n    command: ["node", "dist/worker.js"]\n' },
    { name: 'a service scaled to zero is switched off', code: `${WORKER}    scale: 0\n` },
    { name: 'a migration tool image', code: 'services:\n  flyway:\n    image: flyway/flyway:10.17\n    command: -url=jdbc:postgresql://db/orders migrate\n' },
    { name: 'a bucket-creation job named as one', code: 'services:\n  createbuckets:\n    image: minio/mc:RELEASE.2024-06-12T14-34-03Z\n    entrypoint: ["/bin/sh", "-c", "mc alias set local http://minio:9000 $$USER $$PASS && mc mb -p local/uploads"]\n' },
    { name: 'a tool behind a tools profile', code: 'services:\n  psql:\n    image: postgres:16.4\n    profiles: ["tools"]\n    entrypoint: ["psql", "-h", "db"]\n' },
    { name: 'a restart policy from an anchor', code: 'x-service: &service\n  restart: always\n\nservices:\n  api:\n    <<: *service\n    image: ghcr.io/acme/orders-api:1.4.2\n' },
    { name: 'a restart policy from the production overlay', code: WORKER, files: { 'docker-compose.prod.yml': 'services:\n  worker:\n    restart: always\n' } },
    { name: 'a development file', filename: 'docker-compose.dev.yml', code: WORKER },
  ],
  invalid: [
    {
      name: 'no restart policy: the fix adds unless-stopped',
      code: WORKER,
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 9, message: 'Service "worker" has no restart policy' }],
      output: `${WORKER}    restart: unless-stopped\n`,
    },
    {
      name: 'a dev overlay does not count for the deployed file',
      code: WORKER,
      files: { 'docker-compose.dev.yml': 'services:\n  worker:\n    restart: always\n' },
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: `${WORKER}    restart: unless-stopped\n`,
    },
    {
      name: 'a server with restart: "no"',
      code: `${WORKER}    restart: "no"\n`,
      errors: [{ messageId: 'disabled', line: 5, column: 14, endColumn: 18, message: 'Service "worker" is a long-running service with `restart: no`' }],
      output: `${WORKER}    restart: unless-stopped\n`,
    },
    {
      name: 'a migrate-then-serve command is a server',
      code: 'services:\n  web:\n    image: ghcr.io/acme/shop:3.2.0\n    command: sh -c "python manage.py migrate && gunicorn shop.wsgi -b 0.0.0.0:8000"\n',
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: 'services:\n  web:\n    image: ghcr.io/acme/shop:3.2.0\n    command: sh -c "python manage.py migrate && gunicorn shop.wsgi -b 0.0.0.0:8000"\n    restart: unless-stopped\n',
    },
    {
      name: 'a Swarm restart policy that never restarts',
      code: `${WORKER}    deploy:\n      restart_policy:\n        condition: none\n`,
      errors: [{ messageId: 'swarmDisabled', line: 7, column: 20, endColumn: 24 }],
    },
  ],
});
