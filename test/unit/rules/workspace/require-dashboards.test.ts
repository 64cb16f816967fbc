import rule from '../../../../rules/workspace/require-dashboards';
import { RuleTester } from '../../rule-tester';

const SERVICE_MONITOR = 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: checkout\nspec:\n  selector:\n    matchLabels: {app: checkout}\n  endpoints:\n    - port: http\n';
const DASHBOARD = JSON.stringify(
  {
    title: 'Checkout',
    uid: 'checkout-overview',
    schemaVersion: 39,
    panels: [
      { type: 'timeseries', title: 'Requests', targets: [{ expr: 'sum(rate(http_requests_total{job="checkout"}[5m]))' }] },
      { type: 'timeseries', title: 'p99 latency', targets: [{ expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))' }] },
    ],
  },
  null,
  2,
);

new RuleTester({ filename: 'monitoring/dashboards/checkout.json' }).run(rule, {
  valid: [DASHBOARD],
  invalid: [],
  evidence: [
    { name: 'a Grafana dashboard JSON', code: DASHBOARD, files: { 'k8s/servicemonitor.yaml': SERVICE_MONITOR }, evidence: ['dashboard: Grafana dashboard "Checkout" (2 panels)'] },
    { name: 'an exported dashboard wrapped for the API', code: JSON.stringify({ dashboard: JSON.parse(DASHBOARD), overwrite: true }), evidence: ['dashboard: Grafana dashboard "Checkout" (2 panels)'] },
    {
      name: 'a ConfigMap for the Grafana sidecar',
      filename: 'k8s/dashboards.yaml',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: checkout-dashboard\n  labels:\n    grafana_dashboard: "1"\ndata:\n  checkout.json: |\n    {"title": "Checkout", "panels": []}\n`,
      files: { 'k8s/servicemonitor.yaml': SERVICE_MONITOR },
      evidence: ['dashboard: ConfigMap "checkout-dashboard" labelled grafana_dashboard'],
    },
  ],
  missing: [
    { name: 'metrics but no dashboards', filename: 'k8s/servicemonitor.yaml', code: SERVICE_MONITOR, missing: 'Metrics are scraped (ServiceMonitor "checkout" in k8s/servicemonitor.yaml) but no dashboards are kept' },
    { name: 'JSON that is not a dashboard does not count', code: '{"panels": "see wiki", "name": "x"}', files: { 'k8s/servicemonitor.yaml': SERVICE_MONITOR }, missing: 'no Grafana dashboard JSON' },
    { name: 'broken JSON is skipped', code: '{"title": "Checkout", "panels": [', files: { 'k8s/servicemonitor.yaml': SERVICE_MONITOR }, missing: 'no dashboards are kept' },
    { name: 'a dashboard under test/ does not count', filename: 'test/fixtures/dashboard.json', code: DASHBOARD, files: { 'k8s/servicemonitor.yaml': SERVICE_MONITOR }, missing: 'no dashboards are kept' },
  ],
});
