import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-retries';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: ['package main\n\nfunc main() { for i := 0; i < 3; i++ { call() } }\n'],
  invalid: [],
  evidence: [{ code: 'package main\n\nimport "github.com/cenkalti/backoff/v4"\n\nfunc main() { backoff.Retry(op, backoff.NewExponentialBackOff()) }\n', evidence: ['cenkalti/backoff retries'] }],
});
