import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-hardcoded-ip';

new RuleTester({ filename: 'internal/api/client.go' }).run(rule, {
  valid: ['package api\n\nconst addr = "127.0.0.1:8080"\nconst bind = "0.0.0.0:80"\nconst v = "1.2.3"\n'],
  invalid: [
    {
      code: 'package api\n\nconst es = "http://10.0.3.17:9200/logs"\nvar db = "192.168.1.20:5432"\n',
      errors: [
        { messageId: 'ip', line: 3, column: 12, endColumn: 40, message: 'The address 10.0.3.17' },
        { messageId: 'ip', line: 4, message: '192.168.1.20' },
      ],
    },
  ],
});
