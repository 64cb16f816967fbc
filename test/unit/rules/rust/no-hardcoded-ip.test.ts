import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/no-hardcoded-ip';

new RuleTester({ filename: 'src/config.rs' }).run(rule, {
  valid: [
    'let addr = "0.0.0.0:8080";\nlet local = Ipv4Addr::new(127, 0, 0, 1);\nlet any = SocketAddr::from(([0, 0, 0, 0], 3000));\n',
    { name: 'versions and CIDRs', code: 'const V: &str = "1.2.3";\nconst NET: &str = "10.0.0.0/8";\n' },
    { name: 'tests', code: '#[cfg(test)]\nmod tests {\n    const DB: &str = "10.0.3.17:5432";\n}\n' },
  ],
  invalid: [
    {
      code: 'const DB: &str = "postgres://10.0.3.17:5432/orders";\nfn peer() -> Ipv4Addr { Ipv4Addr::new(192, 168, 1, 20) }\n',
      errors: [
        { messageId: 'ip', line: 1, column: 18, message: '10.0.3.17' },
        { messageId: 'ip', line: 2, column: 25, message: '192.168.1.20' },
      ],
    },
  ],
});
