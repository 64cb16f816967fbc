import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-client-timeouts';

new RuleTester({ filename: 'internal/billing/client.go' }).run(rule, {
  valid: [
    'package billing\n\nimport "net/http"\n\nvar c = &http.Client{Timeout: 10}\n\nfunc f() { c.Get("https://x") }\n',
    { name: 'no net/http import', code: 'package billing\n\nfunc f() { http.Get("x") }\n' },
    { name: 'a struct field of another package', code: 'package billing\n\nimport "net/http"\n\nvar _ http.Handler\n\nfunc f() { other.DefaultClient.Do(nil) }\n' },
  ],
  invalid: [
    {
      code: 'package billing\n\nimport h "net/http"\n\nfunc f() {\n\th.Get("https://x")\n\th.PostForm("https://x", nil)\n\th.DefaultClient.Do(req)\n\tc := &h.Client{}\n\t_ = c\n}\n',
      errors: [
        { messageId: 'defaultClient', line: 6, column: 2, endColumn: 20, message: '`http.Get`' },
        { messageId: 'defaultClient', line: 7, message: '`http.PostForm`' },
        { messageId: 'defaultClientCall', line: 8, message: '`http.DefaultClient.Do`' },
        { messageId: 'clientWithoutTimeout', line: 9, column: 8, endColumn: 16 },
      ],
    },
  ],
  evidence: [
    { code: 'package billing\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nvar c = &http.Client{Timeout: 10 * time.Second}\n', evidence: ['http.Client with Timeout: 10 * time.Second'] },
  ],
});
