import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../../rules/workspace/require-alerting';
import { lintWorkspace } from '../../lint-workspace';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
spec:
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
    spec:
      containers:
        - name: ledger
          image: ghcr.io/acme/ledger:0.9.1
`;
const SERVICE_MONITOR = 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: ledger\nspec:\n  selector:\n    matchLabels: {app: ledger}\n  endpoints:\n    - port: http\n      path: /metrics\n';
const PROMETHEUS_RULE = (rules: string) => `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ledger
spec:
  groups:
    - name: ledger.rules
      rules:
${rules}`;
const ALERTS = `        - alert: LedgerHighErrorRate
          expr: sum(rate(http_requests_total{job="ledger",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="ledger"}[5m])) > 0.05
          for: 10m
          labels: {severity: page}
        - alert: LedgerDown
          expr: up{job="ledger"} == 0
          for: 5m
`;
const RECORDING = '        - record: ledger:requests:rate5m\n          expr: sum(rate(http_requests_total{job="ledger"}[5m]))\n';

new RuleTester({ filename: 'k8s/ledger/monitoring.yaml' }).run(rule, {
  valid: [PROMETHEUS_RULE(ALERTS)],
  invalid: [],
  evidence: [
    { name: 'a PrometheusRule with alerts', code: PROMETHEUS_RULE(ALERTS), files: { 'k8s/ledger/deployment.yaml': DEPLOYMENT }, evidence: ['alerting: PrometheusRule "ledger" (2 alerts)'] },
    {
      name: 'a Prometheus rule file and an Alertmanager config',
      filename: 'monitoring/prometheus/alerts.yml',
      code: 'groups:\n  - name: ledger\n    rules:\n      - alert: LedgerDown\n        expr: up{job="ledger"} == 0\n        for: 5m\n',
      files: { 'monitoring/alertmanager/alertmanager.yml': 'route:\n  receiver: oncall\n  group_by: [alertname]\nreceivers:\n  - name: oncall\n    pagerduty_configs:\n      - routing_key_file: /etc/alertmanager/pd-key\n', 'k8s/ledger/deployment.yaml': DEPLOYMENT },
      evidence: ['alerting: Prometheus rule file (1 alert)', 'alerting: Alertmanager config'],
    },
    {
      name: 'rules mounted into Prometheus from a ConfigMap',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prometheus-rules\ndata:\n  ledger.rules.yml: |\n    groups:\n      - name: ledger\n        rules:\n          - alert: LedgerDown\n            expr: up{job="ledger"} == 0\n',
      evidence: ['alerting: Prometheus rules in ConfigMap "prometheus-rules" (ledger.rules.yml)'],
    },
    {
      name: 'a Datadog monitor in Terraform',
      filename: 'infra/monitors.tf',
      code: 'resource "datadog_monitor" "ledger_errors" {\n  name  = "Ledger error rate"\n  type  = "query alert"\n}\n',
      files: { 'k8s/ledger/deployment.yaml': DEPLOYMENT },
      evidence: ['alerting: Terraform datadog_monitor'],
    },
  ],
  missing: [
    { name: 'metrics scraped, no alerts', code: SERVICE_MONITOR, files: { 'k8s/ledger/deployment.yaml': DEPLOYMENT }, missing: 'Metrics are scraped (ServiceMonitor "ledger" in k8s/ledger/monitoring.yaml) but no alert rules were found' },
    { name: 'recording rules are not alerts', code: PROMETHEUS_RULE(RECORDING), files: { 'k8s/ledger/deployment.yaml': DEPLOYMENT }, missing: 'Workloads are deployed (Deployment "ledger" in k8s/ledger/deployment.yaml)' },
    { name: 'workloads and nothing else', filename: 'k8s/ledger/deployment.yaml', code: DEPLOYMENT, missing: 'nobody is paged when the service fails' },
  ],
});

it('workspace/require-alerting stays silent without workloads or metrics', () => {
  const result = lintWorkspace(rule, { Dockerfile: 'FROM golang:1.22\n', 'cmd/ledger/main.go': 'package main\n' });
  assert.deepEqual([...result.missing.values()], []);
});
