import { defineRule } from '../define-rule';
import { libraryCalls, type LibraryCall } from './support/libraries';
import { isPath, routes } from './support/routes';

const COLLECTORS = ['Counter', 'Gauge', 'Histogram', 'Summary', 'Info', 'Enum'];
const USES: readonly LibraryCall[] = [
  { module: 'prometheus_client', names: ['make_asgi_app', 'make_wsgi_app', 'start_http_server', 'start_wsgi_server', 'generate_latest'], note: 'prometheus_client serves metrics' },
  { module: 'prometheus_client', names: COLLECTORS, note: 'Prometheus collectors' },
  { module: 'prometheus_fastapi_instrumentator', names: ['Instrumentator'], note: 'prometheus-fastapi-instrumentator' },
  { module: 'prometheus_flask_exporter', names: ['PrometheusMetrics', 'GunicornPrometheusMetrics'], note: 'prometheus-flask-exporter' },
  { module: 'starlette_exporter', names: ['PrometheusMiddleware', 'handle_metrics'], note: 'starlette-exporter metrics' },
  { module: 'django_prometheus.exports', names: ['ExportToDjangoView'], note: 'django-prometheus metrics view' },
  { module: 'opentelemetry.sdk.metrics', names: ['MeterProvider'], note: 'OpenTelemetry meter provider' },
  { module: 'opentelemetry.metrics', names: ['set_meter_provider', 'get_meter'], note: 'OpenTelemetry metrics' },
];

export default defineRule({
  id: 'python/require-metrics',
  target: 'python',
  meta: {
    item: 'observability.metrics',
    severity: 'info',
    description: 'Record metrics instrumentation in Python code as evidence (prometheus_client, exporters, a `/metrics` route, OpenTelemetry metrics).',
    rationale: 'Without metrics nobody sees latency, error rates or saturation until users report them, and alerting has nothing to fire on.',
    remediation: 'Expose Prometheus metrics (`app.mount("/metrics", make_asgi_app())`, prometheus-fastapi-instrumentator, django-prometheus) or export OpenTelemetry metrics.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found = [
      ...libraryCalls(doc, USES).map(({ call, note }) => ({ node: call.node, note })),
      ...routes(doc).filter((r) => isPath(r.path, /^metrics$/)).map((r) => ({ node: r.call.node, note: 'metrics route /metrics' })),
    ];
    // `app.mount("/metrics", make_asgi_app())` is both a route and the exporter: one note per call.
    const seen = new Set<number>();
    for (const { node, note } of found.sort((a, b) => a.node.startIndex - b.node.startIndex)) {
      if (seen.has(node.startIndex)) continue;
      seen.add(node.startIndex);
      ctx.evidence({ span: doc.span(node), note });
    }
  },
});
