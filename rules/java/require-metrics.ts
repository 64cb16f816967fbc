import { defineRule } from '../define-rule';
import { annotations, declarationsOfType, recordInOrder, staticCalls } from './support/evidence';
import { methodCalls } from './support/syntax';

const METERS = new Set(['Counter', 'Timer', 'Gauge', 'DistributionSummary', 'LongTaskTimer', 'FunctionCounter']);
const OTEL_METRIC_EXPORTERS = new Set(['OtlpGrpcMetricExporter', 'OtlpHttpMetricExporter', 'PrometheusHttpServer', 'GoogleCloudMetricExporter']);
const OPENCENSUS_STATS_EXPORTERS = new Set(['StackdriverStatsExporter', 'PrometheusStatsCollector']);

export default defineRule({
  id: 'java/require-metrics',
  target: 'java',
  meta: {
    item: 'observability.metrics',
    severity: 'info',
    description: 'Record metrics instrumentation in Java code as evidence (Micrometer `MeterRegistry`, meter builders, `@Timed`, OpenTelemetry meters and metric exporters, OpenCensus stats).',
    rationale: 'Without metrics nobody sees latency, error rates or saturation until users report them, and alerting has nothing to fire on.',
    remediation: 'Add Micrometer with a Prometheus registry (`micrometer-registry-prometheus` and Actuator) and record request and business metrics with `MeterRegistry` or `@Timed`.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found = [
      ...declarationsOfType(doc, new Set(['MeterRegistry', 'PrometheusMeterRegistry'])).map(({ node, type }) => ({ node, note: `Micrometer ${type}` })),
      ...staticCalls(doc, METERS, new Set(['builder'])).map(({ node, type }) => ({ node, note: `Micrometer ${type}.builder` })),
      ...staticCalls(doc, new Set(['Metrics']), new Set(['counter', 'timer', 'gauge', 'summary'])).map(({ node }) => ({ node, note: 'Micrometer global registry' })),
      ...annotations(doc, new Set(['Timed', 'Counted'])).map(({ node, name }) => ({ node, note: `Micrometer @${name}` })),
      ...staticCalls(doc, new Set(['GlobalOpenTelemetry', 'OpenTelemetry']), new Set(['getMeter', 'meterBuilder'])).map(({ node }) => ({ node, note: 'OpenTelemetry meter' })),
      ...staticCalls(doc, new Set(['SdkMeterProvider']), new Set(['builder'])).map(({ node }) => ({ node, note: 'OpenTelemetry meter provider' })),
      ...staticCalls(doc, OTEL_METRIC_EXPORTERS, new Set(['builder', 'getDefault', 'create', 'createWithDefaultConfiguration', 'createWithConfiguration'])).map(({ node, type }) => ({ node, note: `OpenTelemetry metric exporter (${type})` })),
      // OpenCensus: gRPC views and views registered with the view manager, sent on by a stats exporter.
      ...staticCalls(doc, new Set(['RpcViews']), new Set(['registerAllGrpcViews', 'registerAllViews', 'registerServerGrpcViews', 'registerClientGrpcViews', 'registerAllGrpcBasicViews'])).map(({ node }) => ({ node, note: 'OpenCensus gRPC metric views' })),
      ...methodCalls(doc, new Set(['registerView']))
        .filter(({ object }) => object !== null && /ViewManager\b|getViewManager\(\)$/.test(doc.text(object)))
        .map(({ node }) => ({ node, note: 'OpenCensus metric view' })),
      ...staticCalls(doc, OPENCENSUS_STATS_EXPORTERS, new Set(['createAndRegister'])).map(({ node, type }) => ({ node, note: `OpenCensus stats exporter (${type})` })),
    ];
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
