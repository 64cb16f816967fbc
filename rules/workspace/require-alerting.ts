import { defineRule } from '../define-rule';
import { alerting, metricsScraping } from './support/observability';
import { describe, foundObject, workloads } from './support/stack';

export default defineRule({
  id: 'workspace/require-alerting',
  target: 'workspace',
  meta: {
    item: 'observability.alerting',
    severity: 'warning',
    description: 'Require alert rules (PrometheusRule, Prometheus rule files, Alertmanager config) when the workspace deploys workloads or scrapes metrics.',
    rationale:
      'Metrics and dashboards only help someone who is already looking. Without alert rules nobody is paged when error rates climb, a disk fills or a pod crash-loops, and users notice the outage first.',
    remediation:
      'Add alert rules for the symptoms users feel (error rate, latency, saturation, availability) as a PrometheusRule or a Prometheus rule file, and route them with Alertmanager (or your hosted monitoring\'s monitors) to someone on call.',
    fixable: false,
  },
  messages: {},
  check(ctx) {
    const project = ctx.project;
    const alerts = alerting(project);
    for (const found of alerts) ctx.evidence({ span: found.span, source: found.source, note: `alerting: ${found.label}` });
    if (alerts.length > 0) return;
    const metrics = metricsScraping(project)[0];
    const none = 'no PrometheusRule, no Prometheus rule file with `alert:` rules and no Alertmanager config, so nobody is paged when the service fails';
    if (metrics) {
      ctx.missing(`Metrics are scraped (${describe(metrics)}) but no alert rules were found: ${none}.`);
      return;
    }
    const workload = workloads(project)[0];
    if (workload) ctx.missing(`Workloads are deployed (${describe(foundObject(workload))}) but no alert rules were found: ${none}.`);
  },
});
