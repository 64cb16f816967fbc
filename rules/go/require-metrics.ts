import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { libraryUses, packageLiterals, type LibraryUse } from './support/go';

const USES: readonly LibraryUse[] = [
  { path: 'github.com/prometheus/client_golang/prometheus/promhttp', names: ['Handler', 'HandlerFor', 'InstrumentHandlerDuration', 'InstrumentHandlerCounter'], note: 'promhttp serves Prometheus metrics' },
  { path: 'github.com/prometheus/client_golang/prometheus', names: ['NewCounter', 'NewCounterVec', 'NewGauge', 'NewGaugeVec', 'NewHistogram', 'NewHistogramVec', 'NewSummary', 'NewSummaryVec', 'MustRegister'], note: 'Prometheus collectors' },
  { path: 'github.com/prometheus/client_golang/prometheus/promauto', names: ['NewCounter', 'NewCounterVec', 'NewGauge', 'NewGaugeVec', 'NewHistogram', 'NewHistogramVec', 'NewSummary', 'NewSummaryVec'], note: 'Prometheus collectors' },
  { path: 'go.opentelemetry.io/otel/sdk/metric', names: ['NewMeterProvider'], note: 'OpenTelemetry meter provider' },
  { path: 'go.opentelemetry.io/otel', names: ['Meter', 'SetMeterProvider'], note: 'OpenTelemetry metrics' },
  { path: 'go.opentelemetry.io/otel/exporters/prometheus', names: ['New'], note: 'OpenTelemetry Prometheus exporter' },
  { path: 'go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc', names: ['New'], note: 'OpenTelemetry OTLP metric exporter' },
  { path: 'go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp', names: ['New'], note: 'OpenTelemetry OTLP metric exporter' },
  { path: 'github.com/GoogleCloudPlatform/opentelemetry-operations-go/exporter/metric', names: ['New'], note: 'OpenTelemetry Cloud Monitoring exporter' },
  // OpenCensus: measures recorded into views, which an exporter (Stackdriver, Prometheus) sends on.
  { path: 'go.opencensus.io/stats/view', names: ['Register'], note: 'OpenCensus metric views' },
  { path: 'go.opencensus.io/stats/view', names: ['RegisterExporter'], note: 'OpenCensus stats exporter' },
  { path: 'go.opencensus.io/stats', names: ['Record', 'RecordWithTags', 'RecordWithOptions'], note: 'OpenCensus measurements' },
  { path: 'contrib.go.opencensus.io/exporter/prometheus', names: ['NewExporter'], note: 'OpenCensus Prometheus exporter' },
];

/** Server stats handlers of OpenCensus: every RPC or request they see is measured. */
const STATS_HANDLERS: ReadonlyArray<{ path: string; type: string; note: string }> = [
  { path: 'go.opencensus.io/plugin/ocgrpc', type: 'ServerHandler', note: 'OpenCensus gRPC server metrics' },
  { path: 'go.opencensus.io/plugin/ochttp', type: 'Handler', note: 'OpenCensus HTTP server metrics' },
];

export default defineRule({
  id: 'go/require-metrics',
  target: 'go',
  meta: {
    item: 'observability.metrics',
    severity: 'info',
    description: 'Record metrics instrumentation in Go code as evidence (client_golang, promhttp, OpenTelemetry metrics and exporters, OpenCensus stats).',
    rationale: 'Without metrics nobody sees latency, error rates or saturation until users report them, and alerting has nothing to fire on.',
    remediation: 'Expose Prometheus metrics with `promhttp.Handler()` and `prometheus/client_golang` collectors, or export OpenTelemetry metrics.',
  },
  messages: {},
  check(ctx) {
    const doc = ctx.doc;
    const found: Array<{ node: Node; note: string }> = libraryUses(doc, USES);
    for (const handler of STATS_HANDLERS) for (const literal of packageLiterals(doc, handler.path, handler.type)) found.push({ node: literal, note: handler.note });
    for (const { node, note } of found.sort((a, b) => a.node.startIndex - b.node.startIndex)) ctx.evidence({ span: doc.span(node), note });
  },
});
