import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-hardcoded-credentials';

new RuleTester({ filename: 'internal/config/config.go' }).run(rule, {
  valid: [
    'package config\n\nimport "os"\n\nvar password = os.Getenv("DB_PASSWORD")\n',
    { name: 'names that describe a secret', code: 'package config\n\nconst passwordFile = "/run/secrets/db"\nconst tokenHeader = "Authorization"\n' },
    { name: 'placeholders and empty values', code: 'package config\n\nvar c = Config{Password: "", APIKey: "<api-key>"}\n' },
    { name: 'a URL without credentials', code: 'package config\n\nconst dsn = "postgres://db:5432/app"\n' },
    { name: 'a fallback for a setting that is not a secret', code: 'package config\n\nimport (\n\t"cmp"\n\t"os"\n)\n\nvar port = cmp.Or(os.Getenv("PORT"), "8080")\n' },
  ],
  invalid: [
    {
      code: 'package config\n\nconst apiKey = "s3cr3t-value-123"\n\nvar c = Config{Password: "hunter2"}\n',
      errors: [
        { messageId: 'literal', line: 3, column: 16, endColumn: 34, message: '`apiKey` holds a literal credential' },
        { messageId: 'literal', line: 5, column: 26, endColumn: 35, message: '`Password`' },
      ],
    },
    {
      name: 'assignments and map keys',
      code: 'package config\n\nfunc f() {\n\ttoken := "abcd1234efgh"\n\tcfg.Secret = "topsecret"\n\tm := map[string]string{"db_password": "pw123456"}\n}\n',
      errors: [
        { messageId: 'literal', line: 4, message: '`token`' },
        { messageId: 'literal', line: 5, message: '`Secret`' },
        { messageId: 'literal', line: 6, message: '`db_password`' },
      ],
    },
    {
      name: 'a URL with a password anywhere',
      code: 'package config\n\nfunc f() { sql.Open("postgres", "postgres://app:hunter2@db:5432/app") }\n',
      errors: [{ messageId: 'inString', line: 3, column: 33, message: 'a URL with a password' }],
    },
    {
      name: 'env fallbacks',
      code: 'package config\n\nimport (\n\t"cmp"\n\t"os"\n)\n\nvar pw = cmp.Or(os.Getenv("DB_PASSWORD"), "postgres")\nvar tok = getenvDefault("API_TOKEN", "dev-token-123")\n',
      errors: [
        { messageId: 'envFallback', line: 8, column: 43, message: 'When DB_PASSWORD is unset' },
        { messageId: 'envFallback', line: 9, message: 'When API_TOKEN is unset' },
      ],
    },
  ],
});
