import { defineRule } from '../define-rule';
import { libraryUses, type LibraryUse } from './support/go';

const USES: readonly LibraryUse[] = [
  { path: 'github.com/prometheus/client_golang/prometheus/promhttp', names: ['Handler', 'HandlerFor', 'InstrumentHandlerDuration', 'InstrumentHandlerCounter'], note: 'promhttp serves Prometheus metrics' },
  { path: 'github.com/prometheus/client_golang/prometheus', names: ['NewCounter', 'NewCounterVec', 'NewGauge', 'NewGaugeVec', 'NewHistogram', 'NewHistogramVec', 'NewSummary', 'NewSummaryVec', 'MustRegister'], note: 'Prometheus collectors' },
  { path: 'github.com/prometheus/client_golang/prometheus/promauto', names: ['NewCounter', 'NewCounterVec', 'NewGauge', 'NewGaugeVec', 'NewHistogram', 'NewHistogramVec', 'NewSummary', 'NewSummaryVec'], note: 'Prometheus collectors' },
  { path: 'go.opentelemetry.io/otel/sdk/metric', names: ['NewMeterProvider'], note: 'OpenTelemetry meter provider' },
  { path: 'go.opentelemetry.io/otel', names: ['Meter', 'SetMeterProvider'], note: 'OpenTelemetry metrics' },
];

export default defineRule({
  id: 'go/require-metrics',
  target: 'go',
  meta: {
    item: 'observability.metrics',
    severity: 'info',
    description: 'Record metrics instrumentation in Go code as evidence (client_golang, promhttp, OpenTelemetry metrics).',
    rationale: 'Without metrics nobody sees latency, error rates or saturation until users report them, and alerting has nothing to fire on.',
    remediation: 'Expose Prometheus metrics with `promhttp.Handler()` and `prometheus/client_golang` collectors, or export OpenTelemetry metrics.',
  },
  messages: {},
  check(ctx) {
    for (const use of libraryUses(ctx.doc, USES)) ctx.evidence({ span: ctx.doc.span(use.node), note: use.note });
  },
});
