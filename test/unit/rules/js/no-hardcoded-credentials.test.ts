import rule from '../../../../rules/js/no-hardcoded-credentials';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    {
      name: 'credentials read from the environment',
      code: [
        "import { Pool } from 'pg';",
        'const password = process.env.DB_PASSWORD;',
        'const pool = new Pool({ host: process.env.DB_HOST, user: "api", password, database: "orders" });',
        'const jwtSecret = process.env.JWT_SECRET ?? "";',
        'const { API_TOKEN } = process.env;',
      ].join('\n'),
    },
    {
      name: 'labels, messages, placeholders and settings about secrets',
      code: [
        "const PASSWORD_FIELD = 'password';",
        "const errors = { password: 'Password is required', token: 'auth.token.expired' };",
        "const input = { type: 'password', name: 'password' };",
        "const TOKEN_TTL = '15m';",
        "const apiKeyHeader = 'x-api-key';",
        "const config = { apiKey: '<your-api-key>', secret: 'REPLACE_ME', clientSecret: '${CLIENT_SECRET}' };",
        "const databaseUrl = 'postgres://api@db:5432/orders';",
        "type Creds = { password: 'a' | 'b' };",
        "const token = '';",
      ].join('\n'),
    },
    { name: 'a URL with a placeholder password', code: "const url = 'postgres://app:<password>@db/app';" },
  ],
  invalid: [
    {
      name: 'a literal password in a connection options object',
      code: "import { Pool } from 'pg';\nconst pool = new Pool({ user: 'api', password: 's3cr3t-pr0d' });\n",
      errors: [{ messageId: 'secretName', line: 2, column: 48, endColumn: 61, message: 'password is set to a literal credential' }],
    },
    {
      name: 'variables, class fields, member assignments and parameter defaults',
      code: [
        "const JWT_SECRET = 'kL9#pQ2!zX';",
        'class Mailer {',
        "  private smtpPassword = 'hunter2';",
        "  constructor() { this.apiKey = 'f3a9c1d2e4b5'; }",
        '}',
        "function connect(user: string, pass = 'changeme') {}",
      ].join('\n'),
      errors: [
        { messageId: 'secretName', line: 1, column: 20, message: 'JWT_SECRET' },
        { messageId: 'secretName', line: 3, column: 26, message: 'smtpPassword' },
        { messageId: 'secretName', line: 4, column: 33, message: 'apiKey' },
        { messageId: 'secretName', line: 6, column: 39, message: 'pass' },
      ],
    },
    {
      name: 'credentials in a connection URL',
      code: "const client = new MongoClient('mongodb://admin:admin123@mongo:27017/app');",
      errors: [{ messageId: 'urlCredentials', line: 1, column: 32, endColumn: 74 }],
    },
    {
      name: 'a known token format in any string',
      code: 'const octokit = new Octokit({ auth: `ghp_0123456789abcdefghijABCDEFGHIJ012345` });',
      errors: [{ messageId: 'credentialValue', column: 37, message: 'a GitHub token' }],
    },
    {
      name: 'literal fallbacks for secret environment variables',
      code: [
        "const secret = process.env.JWT_SECRET || 'dev-secret';",
        "const password = process.env['DB_PASSWORD'] ?? 'postgres';",
        "const port = process.env.PORT || '3000';",
      ].join('\n'),
      errors: [
        { messageId: 'envFallback', line: 1, column: 42, endColumn: 54, message: '`process.env.JWT_SECRET` falls back' },
        { messageId: 'envFallback', line: 2, column: 48, message: 'process.env.DB_PASSWORD' },
      ],
    },
    {
      name: 'a destructuring default from process.env',
      code: "const { REDIS_PASSWORD = 'redispass' } = process.env;",
      errors: [{ messageId: 'secretName', column: 26, message: 'REDIS_PASSWORD' }],
    },
  ],
});
