import rule from '../../../../rules/compose/no-secrets-in-environment';
import { RuleTester } from '../../rule-tester';

const GOOD = `services:
  api:
    image: ghcr.io/acme/orders-api:1.4.2
    env_file: .env
    environment:
      NODE_ENV: production
      DATABASE_URL: postgres://orders@db:5432/orders
      DB_PASSWORD: \${DB_PASSWORD:?set DB_PASSWORD}
      JWT_SECRET_FILE: /run/secrets/jwt_secret
    secrets:
      - jwt_secret
  db:
    image: postgres:16.4
    environment:
      - POSTGRES_USER=orders
      - POSTGRES_PASSWORD_FILE=/run/secrets/db_password
secrets:
  jwt_secret:
    file: ./secrets/jwt_secret.txt
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    GOOD,
    { name: 'passed through from the shell, list form', code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    environment:\n      - STRIPE_API_KEY\n' },
    { name: 'passed through from the shell, map form', code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    environment:\n      SESSION_SECRET:\n' },
    { name: 'settings about secrets, not secrets', code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    environment:\n      TOKEN_TTL: 3600\n      PASSWORD_MIN_LENGTH: 12\n      AUTH_ENABLED: "true"\n      VAULT_ADDR: https://vault.internal:8200\n' },
    { name: 'a local development stack with a throwaway password', filename: 'docker-compose.dev.yml', code: 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: postgres\n' },
    { name: 'test code', filename: 'test/integration/compose.yaml', code: 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: postgres\n' },
  ],
  invalid: [
    {
      name: 'a literal password in the map form',
      code: 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_USER: orders\n      POSTGRES_PASSWORD: s3cret-Orders-2024\n',
      errors: [{ messageId: 'literal', line: 6, column: 26, endLine: 6, endColumn: 44, message: 'Service "db" sets POSTGRES_PASSWORD to a literal credential' }],
    },
    {
      name: 'the list form, quoted and plain',
      code: 'services:\n  mysql:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ROOT_PASSWORD=root\n      - "MYSQL_PASSWORD=orders-app-pw"\n',
      errors: [
        { messageId: 'literal', line: 5, column: 29, endColumn: 33, message: 'MYSQL_ROOT_PASSWORD' },
        { messageId: 'literal', line: 6, column: 25, endColumn: 38, message: 'MYSQL_PASSWORD' },
      ],
    },
    {
      name: 'a credential recognised by its shape, even in a development file',
      filename: 'docker-compose.dev.yml',
      code: 'services:\n  ci-bot:\n    image: ghcr.io/acme/ci-bot:0.3.0\n    environment:\n      GITHUB: ghp_1234567890abcdefghijklmnopqrstuvwxyzAB\n',
      errors: [{ messageId: 'literal', line: 5, column: 15, message: 'what looks like a GitHub token' }],
    },
    {
      name: 'a URL with a password',
      code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    environment:\n      DATABASE_URL: postgres://orders:hunter2@db:5432/orders\n',
      errors: [{ messageId: 'literal', line: 5, column: 21, message: 'a URL with a password' }],
    },
    {
      name: 'a literal fallback behind interpolation',
      code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    environment:\n      JWT_SECRET: ${JWT_SECRET:-dev-secret-change-me}\n',
      errors: [{ messageId: 'defaultValue', line: 5, column: 19, message: 'falls back to a literal JWT_SECRET when ${JWT_SECRET} is unset' }],
    },
    {
      name: 'a secret shared through an anchor is reported once, at the anchor',
      code: 'x-env: &env\n  SESSION_SECRET: 9f86d081884c7d659a2feaa0c55ad015\n\nservices:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    environment:\n      <<: *env\n      PORT: "8080"\n  worker:\n    image: ghcr.io/acme/orders-worker:1.4.2\n    environment: *env\n',
      errors: [{ messageId: 'literal', line: 2, column: 19, message: 'Service "api" sets SESSION_SECRET' }],
    },
  ],
  evidence: [
    {
      name: 'interpolation, env_file and secrets are evidence',
      code: GOOD,
      evidence: [
        'service "api" takes DB_PASSWORD from ${DB_PASSWORD:?set DB_PASSWORD}',
        'service "api" loads its environment from .env',
        'service "api" reads Compose secrets (jwt_secret)',
      ],
    },
  ],
});
