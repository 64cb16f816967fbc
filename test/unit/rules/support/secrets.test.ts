import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialIn, isPlaceholderOrReference, isSecretName, looksLikeCredential, nameSegments, secretWordOf } from '../../../../rules/support/secrets';

describe('rules/support/secrets', () => {
  describe('nameSegments', () => {
    it('splits on underscores, dashes, dots and camelCase', () => {
      assert.deepEqual(nameSegments('DB_PASSWORD'), ['db', 'password']);
      assert.deepEqual(nameSegments('client-secret'), ['client', 'secret']);
      assert.deepEqual(nameSegments('stripeApiKey'), ['stripe', 'api', 'key']);
      assert.deepEqual(nameSegments('spring.datasource.password'), ['spring', 'datasource', 'password']);
    });
  });

  describe('isSecretName', () => {
    const secret = [
      'PASSWORD',
      'POSTGRES_PASSWORD',
      'DB_PASS',
      'MYSQL_ROOT_PASSWORD',
      'REDIS_PASSWD',
      'JWT_SECRET',
      'KEYCLOAK_CLIENT_SECRET',
      'client-secret',
      'GITHUB_TOKEN',
      'authToken',
      'API_KEY',
      'STRIPE_API_KEY',
      'x-api-key',
      'AWS_SECRET_ACCESS_KEY',
      'SECRET_KEY',
      'PRIVATE_KEY',
      'SIGNING_KEY',
      'ENCRYPTION_KEY',
      'GOOGLE_CREDENTIALS',
      'NPM_AUTH',
      'smtpPassphrase',
    ];
    for (const name of secret) it(`${name} holds a secret`, () => assert.equal(isSecretName(name), true));

    const notSecret = [
      'DATABASE_HOST',
      'DATABASE_USER',
      'PASSWORD_FILE',
      'DB_PASSWORD_PATH',
      'SECRET_NAME',
      'TOKEN_URL',
      'OAUTH_TOKEN_URL',
      'TOKEN_TTL',
      'API_KEY_ENABLED',
      'API_KEY_HEADER',
      'AWS_ACCESS_KEY_ID',
      'SECRET_KEY_REF',
      'JWT_PUBLIC_KEY',
      'STRIPE_PUBLISHABLE_KEY',
      'PASSWORD_MIN_LENGTH',
      'AUTH_SERVER',
      'AUTH',
      'KEY',
      'MAX_TOKENS',
      'NODE_ENV',
      'SSH_KEY_PATH',
    ];
    for (const name of notSecret) it(`${name} does not`, () => assert.equal(isSecretName(name), false));

    it('names the credential word', () => {
      assert.equal(secretWordOf('DB_PASSWORD'), 'password');
      assert.equal(secretWordOf('STRIPE_API_KEY'), 'key');
      assert.equal(secretWordOf('BASIC_AUTH'), 'auth');
      assert.equal(secretWordOf('LOG_LEVEL'), undefined);
    });
  });

  describe('looksLikeCredential', () => {
    const cases: Array<[string, string]> = [
      ['AKIAIOSFODNN7EXAMPLE', 'an AWS access key id'],
      ['ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'a GitHub token'],
      ['github_pat_11ABCDEFG0123456789abcdefghijklmnop', 'a GitHub token'],
      ['glpat-xxxxxxxxxxxxxxxxxxxx', 'a GitLab token'],
      ['xoxb-1234567890-abcdefghijkl', 'a Slack token'],
      ['xoxp-1234567890-abcdefghijkl', 'a Slack token'],
      ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'a Stripe secret key'],
      ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA…\n-----END RSA PRIVATE KEY-----', 'a private key'],
      ['-----BEGIN OPENSSH PRIVATE KEY-----', 'a private key'],
      ['postgres://orders:s3cr3t@orders-db:5432/orders', 'a URL with a password'],
      ['amqp://guest:guest@rabbitmq:5672/', 'a URL with a password'],
    ];
    for (const [value, format] of cases) it(`${value.slice(0, 24)}… is ${format}`, () => assert.equal(looksLikeCredential(value), format));

    const plain = [
      '',
      'orders-db.data.svc.cluster.local',
      'https://auth.acme.example/oauth2/token',
      'postgres://orders@orders-db:5432/orders',
      'postgres://orders:$(DATABASE_PASSWORD)@orders-db:5432/orders',
      'postgres://orders:${DB_PASSWORD}@orders-db:5432/orders',
      'redis://:<password>@cache:6379',
      '-----BEGIN PUBLIC KEY-----',
      'AKIA-not-a-key',
    ];
    for (const value of plain) it(`"${value.slice(0, 30)}" is not`, () => assert.equal(looksLikeCredential(value), undefined));
  });

  describe('isPlaceholderOrReference', () => {
    const yes = ['', '   ', '$(DB_PASSWORD)', '${DB_PASSWORD}', '${DB_PASSWORD:-}', '$DB_PASSWORD', '{{ .Values.password }}', '<your-password>', 'REPLACE_ME', 'changeThis', 'xxxx', '****', 'vault:secret/data/orders#password', 'ref+vault://secret/orders#/password', 'op://prod/orders-db/password', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db', 'projects/acme/secrets/orders-db/versions/latest', '/var/run/secrets/db/password', './secrets/db.txt'];
    for (const value of yes) it(`"${value}" holds no credential of its own`, () => assert.equal(isPlaceholderOrReference(value), true));

    const no = ['hunter2', 'changeme', 'postgres', 'admin', 'Orders-Prod-2024!', 'ZXhhbXBsZS1rZXk='];
    for (const value of no) it(`"${value}" does`, () => assert.equal(isPlaceholderOrReference(value), false));
  });

  describe('credentialIn', () => {
    it('a secret name with a real value', () => assert.equal(credentialIn('DB_PASSWORD', 'changeme'), 'a literal credential'));
    it('default credentials count', () => assert.equal(credentialIn('ADMIN_PASSWORD', 'admin'), 'a literal credential'));
    it('a short numeric password counts', () => assert.equal(credentialIn('REDIS_PASSWORD', '1234'), 'a literal credential'));
    it('a known format under any name', () => assert.equal(credentialIn('SLACK_HOOK', 'xoxb-1234567890-abcdefghijkl'), 'what looks like a Slack token'));
    it('flags and settings are not credentials', () => {
      assert.equal(credentialIn('API_KEY', 'true'), undefined);
      assert.equal(credentialIn('TOKEN_BYTES', '32'), undefined);
      assert.equal(credentialIn('SESSION_TOKEN', '64'), undefined);
    });
    it('references and empty values are not', () => {
      assert.equal(credentialIn('DB_PASSWORD', ''), undefined);
      assert.equal(credentialIn('DB_PASSWORD', '$(POSTGRES_PASSWORD)'), undefined);
      assert.equal(credentialIn('DB_PASSWORD_FILE', '/run/secrets/db'), undefined);
    });
    it('a secret-named URL without credentials is not', () => assert.equal(credentialIn('AUTH_TOKEN', 'https://auth.acme.example/token'), undefined));
  });
});
