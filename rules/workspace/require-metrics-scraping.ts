import { defineRule } from '../define-rule';
import { metricsScraping } from './support/observability';

export default defineRule({
  id: 'workspace/require-metrics-scraping',
  target: 'workspace',
  meta: {
    item: 'observability.metrics',
    severity: 'info',
    description: 'Record where the deployment has its metrics scraped: ServiceMonitors, PodMonitors, scrape annotations, Prometheus scrape configs.',
    rationale:
      'Metrics a service exposes are only useful once something collects them; a ServiceMonitor or a scrape config is the proof that dashboards and alerts have data to work with.',
    remediation:
      'Expose `/metrics` and have it scraped: a ServiceMonitor or PodMonitor with the Prometheus Operator, `prometheus.io/scrape: "true"` pod annotations where Prometheus discovers pods by annotation, or a `scrape_configs` job.',
    fixable: false,
  },
  messages: {},
  check(ctx) {
    for (const found of metricsScraping(ctx.project)) ctx.evidence({ span: found.span, source: found.source, note: `metrics scraped: ${found.label}` });
  },
});
