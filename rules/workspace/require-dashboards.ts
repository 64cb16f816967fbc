import { defineRule } from '../define-rule';
import { dashboards, metricsScraping } from './support/observability';
import { describe } from './support/stack';

export default defineRule({
  id: 'workspace/require-dashboards',
  target: 'workspace',
  meta: {
    item: 'observability.dashboards',
    severity: 'info',
    description: 'Require dashboards in the repository (Grafana JSON, dashboard ConfigMaps) when metrics are scraped.',
    rationale:
      'During an incident nobody has time to write PromQL. Dashboards kept with the code show the service\'s health at a glance, survive a Grafana rebuild and change in review with the metrics they plot.',
    remediation:
      'Export the service\'s Grafana dashboard as JSON into the repository and provision it: a ConfigMap labelled `grafana_dashboard` for the Grafana sidecar, a GrafanaDashboard object, or a provisioning file.',
    fixable: false,
  },
  messages: {},
  check(ctx) {
    const project = ctx.project;
    const found = dashboards(project);
    for (const dashboard of found) ctx.evidence({ span: dashboard.span, source: dashboard.source, note: `dashboard: ${dashboard.label}` });
    if (found.length > 0) return;
    const metrics = metricsScraping(project)[0];
    if (metrics) {
      ctx.missing(`Metrics are scraped (${describe(metrics)}) but no dashboards are kept in the workspace: no Grafana dashboard JSON, no ConfigMap labelled grafana_dashboard, no GrafanaDashboard.`);
    }
  },
});
