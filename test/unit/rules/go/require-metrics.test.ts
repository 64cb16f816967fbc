import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-metrics';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: ['package main\n\nfunc main() { serve() }\n', { name: 'an import alone is not evidence', code: 'package main\n\nimport "github.com/prometheus/client_golang/prometheus"\n\nvar _ prometheus.Labels\n' }],
  invalid: [],
  evidence: [{ code: 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/prometheus/client_golang/prometheus/promhttp"\n)\n\nfunc main() { http.Handle("/metrics", promhttp.Handler()) }\n', evidence: ['promhttp serves Prometheus metrics'] }],
});
