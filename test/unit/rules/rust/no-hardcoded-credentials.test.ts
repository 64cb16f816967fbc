import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/no-hardcoded-credentials';

new RuleTester({ filename: 'src/config.rs' }).run(rule, {
  valid: [
    { name: 'read from the environment', code: 'fn cfg() -> Config {\n    let password = std::env::var("DB_PASSWORD").expect("DB_PASSWORD");\n    Config { password, api_key: env::var("API_KEY").ok() }\n}\n' },
    { name: 'names of variables, not values', code: 'const PASSWORD_ENV: &str = "DB_PASSWORD";\nconst API_KEY: &str = "API_KEY";\nlet token_header = "Authorization";\n' },
    { name: 'placeholders and empty values', code: 'let password = "";\nlet secret = "<changeme>";\nlet token = "${TOKEN}";\n' },
    { name: 'a URL without credentials', code: 'let auth = "https://auth.example.com";\nlet url = "postgres://db:5432/app";\n' },
    { name: 'tests', code: '#[cfg(test)]\nmod tests {\n    const PASSWORD: &str = "hunter2";\n}\n' },
  ],
  invalid: [
    {
      name: 'let, const, static and struct fields',
      code: [
        'const API_KEY: &str = "sk_test_51HqL3x9";',
        'static ADMIN_PASSWORD: &str = r"Sup3rS3cret!";',
        'fn cfg() -> Settings {',
        '    let jwt_secret = String::from("my-signing-secret");',
        '    Settings { db_password: "hunter2".into(), user: "app".to_string() }',
        '}',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'namedSecret', line: 1, column: 23, endColumn: 41, message: '`API_KEY` holds a literal credential' },
        { messageId: 'namedSecret', line: 2, column: 31, message: '`ADMIN_PASSWORD`' },
        { messageId: 'namedSecret', line: 4, column: 35, message: '`jwt_secret`' },
        { messageId: 'namedSecret', line: 5, column: 29, message: '`db_password`' },
      ],
    },
    {
      name: 'credentials in a URL and known token shapes',
      code: 'fn pool() { connect("postgres://app:s3cr3t@db.internal:5432/orders"); }\nfn gh() { let t = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"; }\n',
      errors: [
        { messageId: 'credentialValue', line: 1, column: 21, message: 'a URL with a password' },
        { messageId: 'namedSecret', line: 2, column: 19, message: 'GitHub token' },
      ],
    },
    {
      name: 'assignment to a field',
      code: 'fn f(c: &mut Config) { c.password = "hunter2".to_owned(); }\n',
      errors: [{ messageId: 'namedSecret', line: 1, column: 37 }],
    },
  ],
});
