import rule from '../../../../rules/compose/require-read-only';
import { RuleTester } from '../../rule-tester';

const API = `services:
  api:
    image: ghcr.io/acme/orders-api:1.4.2
    ports:
      - "8080:8080"
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    { name: 'read-only with a tmpfs for /tmp', code: `${API}    read_only: true\n    tmpfs:\n      - /tmp\n` },
    { name: 'read-only from an anchor', code: 'x-hardened: &hardened\n  read_only: true\n  cap_drop: [ALL]\n\nservices:\n  worker:\n    <<: *hardened\n    image: ghcr.io/acme/worker:2.1.0\n' },
    { name: 'a one-off migration', code: 'services:\n  migrate:\n    image: migrate/migrate:v4.17.1\n    command: ["-path", "/migrations", "-database", "postgres://db/orders", "up"]\n' },
    { name: 'read-only in the production overlay', code: API, files: { 'docker-compose.production.yml': 'services:\n  api:\n    read_only: true\n' } },
    { name: 'a development file', filename: 'compose.debug.yaml', code: API },
  ],
  invalid: [
    {
      name: 'writable root: the suggestion makes it read-only with a tmpfs',
      code: API,
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" runs with a writable root filesystem' }],
      output: `${API}    read_only: true\n    tmpfs:\n      - /tmp\n`,
    },
    {
      name: 'a service that already mounts a tmpfs only gets read_only',
      code: 'services:\n  nginx:\n    image: nginx:1.27-alpine\n    tmpfs:\n      - /var/cache/nginx\n      - /var/run\n',
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: 'services:\n  nginx:\n    image: nginx:1.27-alpine\n    tmpfs:\n      - /var/cache/nginx\n      - /var/run\n    read_only: true\n',
    },
    {
      name: 'read_only: false',
      code: `${API}    read_only: false\n`,
      errors: [{ messageId: 'writable', line: 6, column: 5, endColumn: 21 }],
    },
  ],
  evidence: [{ name: 'read_only is evidence', code: `${API}    read_only: true\n`, evidence: ['read-only root filesystem on service "api"'] }],
});
