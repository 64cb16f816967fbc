import { defineRule } from '../define-rule';
import { annotations, declarationsOfType, recordInOrder, staticCalls } from './support/evidence';

const METERS = new Set(['Counter', 'Timer', 'Gauge', 'DistributionSummary', 'LongTaskTimer', 'FunctionCounter']);

export default defineRule({
  id: 'java/require-metrics',
  target: 'java',
  meta: {
    item: 'observability.metrics',
    severity: 'info',
    description: 'Record metrics instrumentation in Java code as evidence (Micrometer `MeterRegistry`, meter builders, `@Timed`, OpenTelemetry meters).',
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
    ];
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
