import rule from '../../../../rules/compose/require-pinned-image';
import { RuleTester } from '../../rule-tester';

const STACK = (db: string, cache: string) => `services:
  api:
    build: ./services/api
    image: ghcr.io/acme/orders-api
    ports:
      - "8080:8080"
  db:
    image: ${db}
    volumes:
      - pgdata:/var/lib/postgresql/data
  redis:
    image: ${cache}

volumes:
  pgdata:
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    { name: 'version tags everywhere', code: STACK('postgres:16.4-alpine', 'redis:7.2.5') },
    { name: 'a digest pins the image', code: STACK('postgres:16@sha256:4aea012537edfad80f98d870a36e6b90b4c09b27be7f4b4759d72db863baeebb', 'valkey/valkey:8.0') },
    { name: 'an image variable without a default is set at deploy time', code: STACK('${POSTGRES_IMAGE}', 'redis:7.2.5') },
    {
      name: 'with build:, image: only names the built image',
      code: 'services:\n  worker:\n    build:\n      context: ./services/worker\n    image: acme/worker\n',
    },
    { name: 'a development compose file is not what ships', filename: 'docker-compose.dev.yml', code: STACK('postgres', 'redis:latest') },
    { name: 'test code is not production', filename: 'test/e2e/compose.yaml', code: STACK('postgres', 'redis') },
    { name: 'services under a debug profile are not deployed', code: 'services:\n  adminer:\n    image: adminer\n    profiles: [debug]\n' },
  ],
  invalid: [
    {
      name: 'an untagged database image',
      code: STACK('postgres', 'redis:7.2.5'),
      errors: [{ messageId: 'untagged', line: 8, column: 12, endLine: 8, endColumn: 20, message: 'Service "db" runs image "postgres" with no tag' }],
    },
    {
      name: 'latest, also through a variable default',
      code: STACK('postgres:${PG_TAG:-latest}', 'docker.io/library/redis:latest'),
      errors: [
        { messageId: 'latest', line: 8, column: 12, endColumn: 38, message: 'Service "db" runs "postgres:latest"' },
        { messageId: 'latest', line: 12, column: 12, endColumn: 42, message: '"docker.io/library/redis:latest"' },
      ],
    },
    {
      name: 'an image inherited through a merge key points at the anchor',
      code: 'x-base: &base\n  image: acme/worker:latest\n  restart: unless-stopped\n\nservices:\n  worker:\n    <<: *base\n    command: ["worker"]\n',
      errors: [{ messageId: 'latest', line: 2, column: 10, message: 'Service "worker"' }],
    },
  ],
  evidence: [
    {
      name: 'tags and digests are evidence',
      code: STACK('postgres:16.4-alpine', 'redis@sha256:4aea012537edfad80f98d870a36e6b90b4c09b27be7f4b4759d72db863baeebb'),
      evidence: ['service "db" runs postgres:16.4-alpine', 'service "redis" pins redis by digest'],
    },
  ],
});
