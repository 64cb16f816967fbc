import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-health-endpoint';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: ['package main\n\nfunc main() { mux.HandleFunc("/orders", h) }\n'],
  invalid: [],
  evidence: [{ code: 'package main\n\nfunc main() {\n\tmux.HandleFunc("GET /healthz", h)\n\tr.GET("/api/readyz", h)\n}\n', evidence: ['health route /healthz', 'health route /api/readyz'] }],
});
