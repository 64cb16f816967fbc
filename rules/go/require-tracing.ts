import { defineRule } from '../define-rule';
import { libraryUses, type LibraryUse } from './support/go';

const USES: readonly LibraryUse[] = [
  { path: 'go.opentelemetry.io/otel/sdk/trace', names: ['NewTracerProvider'], note: 'OpenTelemetry tracer provider' },
  { path: 'go.opentelemetry.io/otel', names: ['SetTracerProvider', 'Tracer'], note: 'OpenTelemetry tracing' },
  { path: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', names: ['NewHandler', 'NewTransport', 'NewMiddleware'], note: 'otelhttp instrumentation' },
  { path: 'go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin', names: ['Middleware'], note: 'otelgin instrumentation' },
  { path: 'go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho', names: ['Middleware'], note: 'otelecho instrumentation' },
];

export default defineRule({
  id: 'go/require-tracing',
  target: 'go',
  meta: {
    item: 'observability.tracing',
    severity: 'info',
    description: 'Record distributed tracing set-up in Go code as evidence (OpenTelemetry tracer provider, otelhttp, otelgin).',
    rationale: 'Without traces a slow or failing request cannot be followed across services, so incidents are debugged by guessing from logs.',
    remediation: 'Set up an OpenTelemetry tracer provider with an exporter and wrap handlers and clients with otelhttp (or the framework instrumentation).',
  },
  messages: {},
  check(ctx) {
    for (const use of libraryUses(ctx.doc, USES)) ctx.evidence({ span: ctx.doc.span(use.node), note: use.note });
  },
});
