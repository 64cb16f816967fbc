import * as path from 'node:path';
import { isMap } from 'yaml';
import type { ProjectView } from '../../../server/src/engine/project';
import { entries, get, items, keySpan, spanOf, str } from '../../../server/src/targets/yaml/nodes';
import { annotationsOf, foundObject, lineSpanOf, objectName, objectsOf, productionSources, workloads, yamlFilesMatching, type Found } from './stack';

/**
 * Metrics, alerting and dashboards as the workspace declares them: Prometheus Operator
 * objects, scrape annotations, plain Prometheus and Alertmanager configuration,
 * Grafana dashboards, and the hosted-monitoring resources of Terraform files.
 */

const MONITOR_KINDS = ['ServiceMonitor', 'PodMonitor', 'ScrapeConfig', 'PodMonitoring', 'ClusterPodMonitoring', 'VMServiceScrape', 'VMPodScrape'];

const CACHE = new WeakMap<ProjectView, Map<string, Found[]>>();

function cached(project: ProjectView, key: string, compute: () => Found[]): Found[] {
  let map = CACHE.get(project);
  if (!map) {
    map = new Map();
    CACHE.set(project, map);
  }
  let found = map.get(key);
  if (!found) {
    found = compute();
    map.set(key, found);
  }
  return found;
}

/** Where the workspace has Prometheus-style metrics scraped. */
export function metricsScraping(project: ProjectView): Found[] {
  return cached(project, 'metrics', () => {
    const found: Found[] = [];
    for (const entry of objectsOf(project, MONITOR_KINDS)) found.push(foundObject(entry));
    for (const entry of [...workloads(project), ...objectsOf(project, ['Service'])]) {
      const annotations = annotationsOf(entry, entry.object.kind === 'Service');
      const scrape = annotations?.['prometheus.io/scrape'];
      if (scrape && scrape.value === 'true') {
        found.push({ source: scrape.source, span: scrape.span, label: `\`prometheus.io/scrape\` on ${entry.object.kind} ${objectName(entry)}` });
      }
    }
    for (const { source, root } of yamlFilesMatching(project, /^scrape_configs:/m)) {
      const jobs = items(get(root, 'scrape_configs')).map((j) => str(get(j, 'job_name'))).filter((j): j is string => j !== undefined);
      if (jobs.length > 0) found.push({ source, span: keySpan(root, 'scrape_configs'), label: `Prometheus scrape config (${jobs.join(', ')})` });
    }
    for (const entry of objectsOf(project, ['ConfigMap'])) {
      for (const { key, value, pair } of entries(get(entry.object.node, 'data'))) {
        const text = str(value);
        if (text && /^scrape_configs:/m.test(text)) found.push({ ...foundObject(entry), span: spanOf(pair.key) ?? entry.object.anchor, label: `Prometheus scrape config in ConfigMap ${objectName(entry)} (${key})` });
      }
    }
    return found;
  });
}

/** Alert rules and alert routing. */
export function alerting(project: ProjectView): Found[] {
  return cached(project, 'alerting', () => {
    const found: Found[] = [];
    for (const entry of objectsOf(project, ['PrometheusRule', 'VMRule'])) {
      const alerts = alertNames(get(entry.object.node, 'spec'));
      if (alerts.length > 0) found.push({ ...foundObject(entry), label: `${entry.object.kind} ${objectName(entry)} (${countOf(alerts.length, 'alert')})` });
    }
    for (const entry of objectsOf(project, ['AlertmanagerConfig', 'VMAlertmanagerConfig'])) found.push(foundObject(entry));
    for (const { source, root } of yamlFilesMatching(project, /^groups:/m)) {
      const alerts = alertNames(root);
      if (alerts.length > 0) found.push({ source, span: keySpan(root, 'groups'), label: `Prometheus rule file (${countOf(alerts.length, 'alert')})` });
      else if (grafanaAlertRules(root) > 0) found.push({ source, span: keySpan(root, 'groups'), label: `Grafana alert rules (${countOf(grafanaAlertRules(root), 'rule')})` });
    }
    for (const { source, root } of yamlFilesMatching(project, /^receivers:/m)) {
      if (get(root, 'route') !== undefined) found.push({ source, span: keySpan(root, 'route'), label: 'Alertmanager config' });
    }
    for (const entry of objectsOf(project, ['ConfigMap'])) {
      for (const { key, value } of entries(get(entry.object.node, 'data'))) {
        const text = str(value);
        if (text && /^groups:/m.test(text) && /^\s*-?\s*alert:\s*\S/m.test(text)) found.push({ ...foundObject(entry), label: `Prometheus rules in ConfigMap ${objectName(entry)} (${key})` });
      }
    }
    found.push(...terraformResources(project, /resource\s+"(datadog_monitor|aws_cloudwatch_metric_alarm|google_monitoring_alert_policy|azurerm_monitor_metric_alert|grafana_rule_group|newrelic_alert_policy|newrelic_nrql_alert_condition)"/));
    return found;
  });
}

/** Grafana dashboards and their provisioning. */
export function dashboards(project: ProjectView): Found[] {
  return cached(project, 'dashboards', () => {
    const found: Found[] = [];
    for (const source of productionSources(project, ['json'])) {
      if (!source.text.includes('"panels"')) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(source.text);
      } catch {
        continue;
      }
      const dashboard = isObject(parsed) && isObject(parsed.dashboard) ? parsed.dashboard : parsed;
      if (!isObject(dashboard) || !Array.isArray(dashboard.panels)) continue;
      if (typeof dashboard.title !== 'string' && typeof dashboard.schemaVersion !== 'number') continue;
      const title = typeof dashboard.title === 'string' ? dashboard.title : path.posix.basename(source.path);
      found.push({ source, label: `Grafana dashboard "${title}" (${countOf(dashboard.panels.length, 'panel')})` });
    }
    for (const entry of objectsOf(project, ['ConfigMap'])) {
      const labels = get(entry.object.node, 'metadata', 'labels');
      if (isMap(labels) && entries(labels).some((e) => e.key === 'grafana_dashboard')) found.push({ ...foundObject(entry), label: `ConfigMap ${objectName(entry)} labelled grafana_dashboard` });
    }
    for (const entry of objectsOf(project, ['GrafanaDashboard'])) found.push(foundObject(entry));
    for (const { source, root } of yamlFilesMatching(project, /^providers:/m)) {
      if (items(get(root, 'providers')).some((p) => get(p, 'options', 'path') !== undefined)) found.push({ source, span: keySpan(root, 'providers'), label: 'Grafana dashboard provisioning' });
    }
    for (const source of productionSources(project, ['other'])) {
      if (/\.(jsonnet|libsonnet)$/.test(source.path) && /grafonnet|grafana\.libsonnet/.test(source.text) && /dashboard/i.test(source.text)) {
        found.push({ source, span: lineSpanOf(source.text, /grafonnet|grafana\.libsonnet/), label: 'Grafonnet dashboard' });
      }
    }
    found.push(...terraformResources(project, /resource\s+"(grafana_dashboard|datadog_dashboard(_json)?|aws_cloudwatch_dashboard|google_monitoring_dashboard|newrelic_one_dashboard)"/));
    return found;
  });
}

/** The `alert:` names of Prometheus rule groups (`groups: [{rules: [{alert: …}]}]`). */
function alertNames(root: unknown): string[] {
  const names: string[] = [];
  for (const group of items(get(root, 'groups'))) {
    for (const rule of items(get(group, 'rules'))) {
      const alert = str(get(rule, 'alert'));
      if (alert) names.push(alert);
    }
  }
  return names;
}

/** Grafana unified-alerting provisioning: groups with a folder and rules with a condition. */
function grafanaAlertRules(root: unknown): number {
  let count = 0;
  for (const group of items(get(root, 'groups'))) {
    if (get(group, 'folder') === undefined) continue;
    count += items(get(group, 'rules')).filter((r) => get(r, 'condition') !== undefined).length;
  }
  return count;
}

function terraformResources(project: ProjectView, pattern: RegExp): Found[] {
  const found: Found[] = [];
  for (const source of productionSources(project, ['other'])) {
    if (!source.path.endsWith('.tf')) continue;
    const span = lineSpanOf(source.text, pattern);
    const type = pattern.exec(source.text)?.[1];
    if (span && type) found.push({ source, span, label: `Terraform ${type}` });
  }
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
