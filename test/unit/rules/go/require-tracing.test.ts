import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-tracing';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: ['package main\n\nfunc main() { serve() }\n'],
  invalid: [],
  evidence: [{ code: 'package main\n\nimport (\n\tsdktrace "go.opentelemetry.io/otel/sdk/trace"\n\t"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"\n)\n\nfunc main() {\n\ttp := sdktrace.NewTracerProvider()\n\th := otelhttp.NewHandler(mux, "api")\n}\n', evidence: ['OpenTelemetry tracer provider', 'otelhttp instrumentation'] }],
});
