import rule from '../../../../rules/js/no-hardcoded-ip';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    "app.listen(3000, '0.0.0.0');\nconst local = 'http://127.0.0.1:8080';\nconst v6 = '::1';",
    "const metadata = 'http://169.254.169.254/latest/meta-data/';\nconst docs = '192.0.2.10';",
    "const trusted = ['10.0.0.0/8', '172.16.0.0/12'];\nconst mask = '255.255.255.0';",
    "const agentVersion = '1.2.3.4';\nconst host = process.env.DB_HOST ?? 'db';",
  ],
  invalid: [
    {
      name: 'private and public hosts, with ports and in URLs',
      code: "const db = new Pool({ host: '10.0.3.17' });\nconst es = 'http://192.168.1.20:9200/logs';\nconst dns = `8.8.8.8`;",
      errors: [
        { messageId: 'hardcodedIp', line: 1, column: 29, endColumn: 40, message: 'The address 10.0.3.17 is hardcoded' },
        { messageId: 'hardcodedIp', line: 2, message: '192.168.1.20' },
        { messageId: 'hardcodedIp', line: 3, message: '8.8.8.8' },
      ],
    },
    {
      name: 'IPv6',
      code: "const upstream = '[2600:1f18:4a3:6901::12]:443';",
      errors: [{ messageId: 'hardcodedIp', message: '2600:1f18:4a3:6901::12' }],
    },
  ],
});
