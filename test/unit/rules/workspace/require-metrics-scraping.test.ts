import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../../rules/workspace/require-metrics-scraping';
import { lintWorkspace } from '../../lint-workspace';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: inventory
spec:
  selector:
    matchLabels: {app: inventory}
  template:
    metadata:
      labels: {app: inventory}
${annotations}    spec:
      containers:
        - name: inventory
          image: ghcr.io/acme/inventory:4.1.0
          ports:
            - name: metrics
              containerPort: 9090
`;

const CHART = 'charts/inventory/';
const CHART_DEPLOYMENT = DEPLOYMENT('      {{- with .Values.podAnnotations }}\n      annotations:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n').replace('name: inventory\nspec', 'name: {{ include "inventory.fullname" . }}\nspec');

new RuleTester({ filename: 'k8s/inventory.yaml' }).run(rule, {
  valid: [DEPLOYMENT('')],
  invalid: [],
  evidence: [
    {
      name: 'a ServiceMonitor',
      code: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: inventory\nspec:\n  selector:\n    matchLabels: {app: inventory}\n  endpoints:\n    - port: metrics\n',
      evidence: ['metrics scraped: ServiceMonitor "inventory"'],
    },
    { name: 'scrape annotations on the pods', code: DEPLOYMENT('      annotations:\n        prometheus.io/scrape: "true"\n        prometheus.io/port: "9090"\n'), evidence: ['metrics scraped: `prometheus.io/scrape` on Deployment "inventory"'] },
    {
      name: 'Helm: scrape annotations in the default podAnnotations',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: { [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: inventory\nversion: 4.1.0\n', [`${CHART}values.yaml`]: 'podAnnotations:\n  prometheus.io/scrape: "true"\n  prometheus.io/port: "9090"\n' },
      evidence: ['metrics scraped: `prometheus.io/scrape` on Deployment `{{ include "inventory.fullname" . }}`'],
    },
    {
      name: 'a Prometheus scrape config',
      filename: 'ops/prometheus/prometheus.yml',
      code: 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: inventory\n    static_configs:\n      - targets: ["inventory:9090"]\n',
      evidence: ['metrics scraped: Prometheus scrape config (inventory)'],
    },
  ],
});

it('workspace/require-metrics-scraping never reports a gap on its own', () => {
  const result = lintWorkspace(rule, { 'k8s/inventory.yaml': DEPLOYMENT(''), Dockerfile: 'FROM golang:1.22\n' });
  assert.deepEqual([...result.missing.values()], []);
  assert.deepEqual(result.evidence, []);
  assert.deepEqual(
    lintWorkspace(rule, { 'k8s/inventory.yaml': DEPLOYMENT('      annotations:\n        prometheus.io/scrape: "false"\n') }).evidence,
    [],
  );
});
