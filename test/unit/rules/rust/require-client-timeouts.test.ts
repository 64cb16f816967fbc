import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/require-client-timeouts';

new RuleTester({ filename: 'src/clients.rs' }).run(rule, {
  valid: [
    { name: 'not reqwest', code: 'use hyper::Client;\nfn c() -> Client<HttpConnector> { Client::new() }\n' },
    { name: 'builder kept in a variable', code: 'use reqwest::Client;\nfn c(b: bool) -> reqwest::Result<Client> {\n    let mut builder = Client::builder();\n    if b { builder = builder.https_only(true); }\n    builder.timeout(Duration::from_secs(3)).build()\n}\n' },
    { name: 'tests', code: 'use reqwest::Client;\n#[cfg(test)]\nmod tests {\n    #[tokio::test]\n    async fn t() { let c = reqwest::Client::new(); }\n}\n' },
  ],
  invalid: [
    {
      name: 'reqwest::Client::new()',
      code: 'pub fn client() -> reqwest::Client {\n    reqwest::Client::new()\n}\n',
      errors: [{ messageId: 'clientNew', line: 2, column: 5, endColumn: 27, message: '`reqwest::Client::new()`' }],
      output:
        'pub fn client() -> reqwest::Client {\n    reqwest::Client::builder().timeout(std::time::Duration::from_secs(10)).build().expect("failed to build the HTTP client")\n}\n',
    },
    {
      name: 'imported Client::new() and reqwest::get',
      code: 'use reqwest::Client;\nasync fn f() -> reqwest::Result<String> {\n    let c = Client::new();\n    reqwest::get("https://api.example.com").await?.text().await\n}\n',
      errors: [
        { messageId: 'clientNew', line: 3, column: 13 },
        { messageId: 'shortcut', line: 4, column: 5, endColumn: 17 },
      ],
      output:
        'use reqwest::Client;\nasync fn f() -> reqwest::Result<String> {\n    let c = Client::builder().timeout(std::time::Duration::from_secs(10)).build().expect("failed to build the HTTP client");\n    reqwest::get("https://api.example.com").await?.text().await\n}\n',
    },
    {
      name: 'a builder with only a connect timeout',
      code: 'fn c() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().connect_timeout(Duration::from_secs(2)).user_agent("svc").build()\n}\n',
      errors: [{ messageId: 'builderNoTimeout', line: 2, column: 5, message: 'connect_timeout' }],
    },
    {
      name: 'evidence and a finding in one file',
      code: 'fn good() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().timeout(Duration::from_secs(5)).build()\n}\nfn bad() -> reqwest::blocking::Client { reqwest::blocking::get("http://x").ok(); unfinished() }\n',
      errors: [{ messageId: 'shortcut', line: 4, column: 41 }],
      evidence: ['reqwest client with `.timeout(…)`'],
    },
  ],
  evidence: [
    {
      name: 'builder with a timeout, through ?',
      code: 'use reqwest::Client;\nfn c() -> anyhow::Result<Client> {\n    Ok(Client::builder()\n        .timeout(Duration::from_secs(5))\n        .build()?)\n}\n',
      evidence: ['reqwest client with `.timeout(…)`'],
    },
  ],
});
