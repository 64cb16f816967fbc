import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/prefer-rate-limiting';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: ['package main\n\nfunc main() { serve() }\n'],
  invalid: [],
  evidence: [{ code: 'package main\n\nimport "golang.org/x/time/rate"\n\nvar l = rate.NewLimiter(10, 20)\n', evidence: ['golang.org/x/time/rate limiter'] }, { name: 'httprate', code: 'package main\n\nimport "github.com/go-chi/httprate"\n\nvar m = httprate.LimitByIP(100, 60)\n', evidence: ['httprate rate limiting'] }],
});
