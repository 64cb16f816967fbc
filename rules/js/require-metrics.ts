import { defineRule } from '../define-rule';
import type { EsNode } from '../../server/src/targets/source/estree-document';
import { bindingsOf, callsAndNews, callsExport } from './support/estree';
import { lastSegment, recordInOrder, routePaths } from './support/evidence';

const PROM_COLLECTORS = ['Counter', 'Gauge', 'Histogram', 'Summary'];

export default defineRule({
  id: 'js/require-metrics',
  target: 'js',
  meta: {
    item: 'observability.metrics',
    severity: 'info',
    description: 'Record metrics instrumentation in TypeScript and JavaScript as evidence (prom-client, a `/metrics` route, OpenTelemetry metrics).',
    rationale: 'Without metrics nobody sees latency, error rates or saturation until users report them, and alerting has nothing to fire on.',
    remediation: 'Collect metrics with prom-client (`collectDefaultMetrics()`, counters and histograms) and serve them on `/metrics`, or export OpenTelemetry metrics.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found: Array<{ node: EsNode; note: string }> = [];
    const prom = bindingsOf(doc, 'prom-client');
    const sdkMetrics = bindingsOf(doc, '@opentelemetry/sdk-metrics');
    const promExporter = bindingsOf(doc, '@opentelemetry/exporter-prometheus');
    const bundle = bindingsOf(doc, 'express-prom-bundle');
    for (const { node: call, path } of callsAndNews(doc)) {
      if (callsExport(path, prom, 'collectDefaultMetrics')) found.push({ node: call, note: 'prom-client default metrics' });
      else if (call.type === 'NewExpression' && PROM_COLLECTORS.some((c) => callsExport(path, prom, c))) found.push({ node: call, note: 'prom-client collectors' });
      else if ((prom.whole.size > 0 || prom.named.has('register')) && /(^|\.)register\.metrics$/.test(path ?? '')) found.push({ node: call, note: 'prom-client registry served' });
      else if (['MeterProvider', 'PeriodicExportingMetricReader'].some((c) => callsExport(path, sdkMetrics, c))) found.push({ node: call, note: 'OpenTelemetry metrics SDK' });
      else if (callsExport(path, promExporter, 'PrometheusExporter')) found.push({ node: call, note: 'OpenTelemetry Prometheus exporter' });
      else if (call.callee.type === 'Identifier' && bundle.whole.has(call.callee.name)) found.push({ node: call, note: 'express-prom-bundle metrics' });
    }
    for (const { node, path } of routePaths(doc)) if (lastSegment(path) === 'metrics') found.push({ node, note: `metrics route ${path}` });
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
