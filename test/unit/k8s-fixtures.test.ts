import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../rules';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { scanWorkspace, type ScanResult } from '../../server/src/engine/scan';

/** The cross-object Kubernetes rules and the workspace-wide deployment, observability and backup rules. */
const RULE_IDS = [
  'k8s/no-cluster-admin-binding',
  'k8s/no-dangling-service',
  'k8s/no-rbac-wildcards',
  'k8s/no-secret-literals',
  'k8s/require-ingress-tls',
  'k8s/require-network-policy',
  'k8s/require-pod-disruption-budget',
  'k8s/require-pod-spreading',
  'workspace/require-alerting',
  'workspace/require-backups',
  'workspace/require-dashboards',
  'workspace/require-metrics-scraping',
  'workspace/require-orchestration',
];
const rules = RULE_IDS.map((id) => {
  const rule = RULES[id];
  assert.ok(rule, `${id} is registered`);
  return rule;
});
const ITEMS = [...new Set(rules.map((r) => r.meta.item))].sort();

const fixture = (name: string) => path.join(__dirname, '../fixtures/k8s', name);
const scan = (name: string): Promise<ScanResult> => scanWorkspace(fixture(name), { rules, config: DEFAULT_CONFIG });
const statusOf = (result: ScanResult) => Object.fromEntries(result.checklist.filter((e) => ITEMS.includes(e.item)).map((e) => [e.item, e.status]));

describe('test/fixtures/k8s/well-built', () => {
  it('gets no finding, and every item these rules feed is met on evidence', async () => {
    const result = await scan('well-built');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule}`), []);
    assert.deepEqual(statusOf(result), Object.fromEntries(ITEMS.map((item) => [item, 'met'])));
    const notes = result.evidence.map((e) => `${e.item} ${e.file}: ${e.note}`);
    for (const expected of [
      'deploy.network-policy k8s/platform/network-policies.yaml: NetworkPolicy "default-deny" selects Deployment "orders-api"',
      'deploy.network-policy k8s/platform/network-policies.yaml: NetworkPolicy "default-deny" selects StatefulSet "orders-db"',
      'deploy.high-availability k8s/orders-api/pdb.yaml: PodDisruptionBudget "orders-api" covers Deployment "orders-api"',
      'deploy.high-availability k8s/orders-api/deployment.yaml: topologySpreadConstraints spread the replicas of Deployment "orders-api"',
      'security.secrets k8s/orders-api/externalsecret.yaml: ExternalSecret "orders-db": secret values fetched by External Secrets',
      'security.tls k8s/orders-api/ingress.yaml: Ingress "orders-api" terminates TLS for orders.shop.acme.io',
      'security.authz k8s/orders-api/rbac.yaml: Role "orders-api" names its API groups, resources and verbs',
      'deploy.orchestration k8s/kustomization.yaml: deployed with Kustomize overlay (16 resources)',
      'deploy.orchestration k8s/orders-api/service.yaml: Service "orders-api" routes to Deployment "orders-api"',
      'observability.metrics k8s/monitoring/servicemonitor.yaml: metrics scraped: ServiceMonitor "orders-api"',
      'observability.alerting k8s/monitoring/prometheusrule.yaml: alerting: PrometheusRule "orders-api" (3 alerts)',
      'observability.dashboards monitoring/dashboards/orders-api.json: dashboard: Grafana dashboard "Orders API" (3 panels)',
      'observability.dashboards k8s/monitoring/dashboard-configmap.yaml: dashboard: ConfigMap "orders-api-dashboard" labelled grafana_dashboard',
      'data.backup k8s/postgres/backup-cronjob.yaml: CronJob "orders-db-backup" backs up with pg_dump',
    ]) {
      assert.ok(notes.includes(expected), `missing evidence: ${expected}\n${notes.join('\n')}`);
    }
  });
});

describe('test/fixtures/k8s/bad', () => {
  it('gets the findings a reviewer would raise, each at its line', async () => {
    const result = await scan('bad');
    assert.deepEqual(result.problems, []);
    const findings = result.findings
      .map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}/${f.messageId}`)
      .sort();
    assert.deepEqual(findings, [
      'k8s/deployment.yaml:2:7 k8s/require-network-policy/notSelected',
      'k8s/deployment.yaml:2:7 k8s/require-pod-disruption-budget/replicated',
      'k8s/deployment.yaml:2:7 k8s/require-pod-spreading/notSpread',
      'k8s/ingress.yaml:18:23 k8s/no-dangling-service/missingBackend',
      'k8s/ingress.yaml:2:7 k8s/require-ingress-tls/noTls',
      'k8s/postgres.yaml:2:7 k8s/require-network-policy/notSelected',
      'k8s/rbac.yaml:12:17 k8s/no-rbac-wildcards/wildcardApiGroups',
      'k8s/rbac.yaml:13:17 k8s/no-rbac-wildcards/wildcardResources',
      'k8s/rbac.yaml:23:9 k8s/no-cluster-admin-binding/clusterAdmin',
      'k8s/secret.yaml:10:17 k8s/no-secret-literals/literalValue',
      'k8s/secret.yaml:9:22 k8s/no-secret-literals/literalValue',
      'k8s/service.yaml:7:3 k8s/no-dangling-service/serviceSelectsNothing',
    ]);
    const byRule = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => f.message);
    assert.match(byRule('k8s/no-dangling-service').join('\n'), /selects app=order-api, which no workload's pods carry.*\(Deployment "orders-api" has app=orders-api\)/);
    assert.match(byRule('k8s/no-dangling-service').join('\n'), /routes to Service "orders-api-svc", which does not exist in namespace "shop" of this workspace.*Services here: "orders-api", "orders-db"/);
    assert.match(byRule('k8s/no-secret-literals').join('\n'), /literal credential under `POSTGRES_PASSWORD`/);
    assert.ok(!byRule('k8s/no-secret-literals').some((m) => m.includes('POSTGRES_USER')), 'a user name is not a credential');
  });

  it('has the items without evidence as gaps with their reasons', async () => {
    const result = await scan('bad');
    assert.deepEqual(statusOf(result), {
      'data.backup': 'gap',
      'deploy.high-availability': 'gap',
      'deploy.network-policy': 'gap',
      'deploy.orchestration': 'partial',
      'observability.alerting': 'gap',
      'observability.dashboards': 'gap',
      'observability.metrics': 'met',
      'security.authz': 'gap',
      'security.secrets': 'gap',
      'security.tls': 'gap',
    });
    const reason = (item: string) => result.checklist.find((e) => e.item === item)?.reason ?? '';
    assert.match(reason('data.backup'), /^PostgreSQL \(StatefulSet "orders-db" in k8s\/postgres\.yaml\) holds data but nothing backs it up/);
    assert.match(reason('observability.alerting'), /^Metrics are scraped \(ServiceMonitor "orders-api" in k8s\/servicemonitor\.yaml\) but no alert rules were found/);
    assert.match(reason('observability.dashboards'), /^Metrics are scraped \(ServiceMonitor "orders-api" in k8s\/servicemonitor\.yaml\) but no dashboards are kept/);
  });
});
