import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/no-tls-verify-disabled';

new RuleTester({ filename: 'src/clients.rs' }).run(rule, {
  valid: [
    'fn c() -> reqwest::Result<reqwest::Client> { reqwest::Client::builder().danger_accept_invalid_certs(false).build() }\n',
    { name: 'a verifier that checks something', code: 'impl ServerCertVerifier for Pinned {\n    fn verify_server_cert(&self, end: &CertificateDer<\'_>) -> Result<ServerCertVerified, Error> {\n        if end.as_ref() == self.pin { Ok(ServerCertVerified::assertion()) } else { Err(Error::General("pin".into())) }\n    }\n}\n' },
    { name: 'tests', code: '#[cfg(test)]\nmod tests {\n    fn c() { reqwest::Client::builder().danger_accept_invalid_certs(true); }\n}\n' },
  ],
  invalid: [
    {
      name: 'reqwest danger flags',
      code: 'fn c() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder()\n        .danger_accept_invalid_certs(true)\n        .danger_accept_invalid_hostnames(true)\n        .build()\n}\n',
      errors: [
        { messageId: 'dangerFlag', line: 3, column: 10, endColumn: 43 },
        { messageId: 'dangerFlag', line: 4, column: 10, message: 'danger_accept_invalid_hostnames' },
      ],
      output: 'fn c() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder()\n        .danger_accept_invalid_certs(false)\n        .danger_accept_invalid_hostnames(false)\n        .build()\n}\n',
    },
    {
      name: 'a rustls verifier that accepts everything',
      code: 'struct NoVerify;\nimpl rustls::client::danger::ServerCertVerifier for NoVerify {\n    fn verify_server_cert(&self, _e: &CertificateDer<\'_>, _n: UnixTime) -> Result<ServerCertVerified, Error> {\n        Ok(ServerCertVerified::assertion())\n    }\n}\n',
      errors: [{ messageId: 'acceptAll', line: 3, column: 8, message: '`ServerCertVerifier::verify_server_cert`' }],
    },
  ],
});
