import { defineRule, type RuleContext } from '../define-rule';
import type { Span } from '../../server/src/engine/source';
import { WORKLOAD_KINDS } from '../../server/src/targets/k8s/objects';
import { get, items, keySpan, spanOf } from '../../server/src/targets/yaml/nodes';
import { displayName, isRunnableWorkload, nameOf, podLabelsOf, renderedString, sameNamespace, selectorAt, selectsWorkload, workspaceOf, type Match, type Placed, type Workspace } from './support/cross-object';

/**
 * API groups whose objects neither run pods nor create Services. Objects of any other
 * group (an operator's custom resources: a Prometheus, a CloudNativePG Cluster, a
 * Strimzi Kafka) may create pods and Services this workspace never spells out.
 */
const INERT_GROUPS = new Set([
  '', 'apps', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'autoscaling', 'storage.k8s.io', 'scheduling.k8s.io',
  'coordination.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'certificates.k8s.io', 'discovery.k8s.io', 'node.k8s.io',
  'extensions', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io', 'cert-manager.io', 'external-secrets.io', 'bitnami.com', 'cilium.io',
  'projectcalico.org', 'gateway.networking.k8s.io', 'networking.istio.io', 'security.istio.io', 'traefik.io', 'traefik.containo.us',
  'autoscaling.k8s.io', 'keda.sh', 'velero.io', 'secrets-store.csi.x-k8s.io', 'kustomize.config.k8s.io', 'argoproj.io',
]);
/** Kinds of monitoring.coreos.com that only configure (the Prometheus and Alertmanager kinds run pods). */
const INERT_MONITORING_KINDS = new Set(['ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'AlertmanagerConfig', 'ScrapeConfig']);

export default defineRule({
  id: 'k8s/no-dangling-service',
  target: 'k8s',
  meta: {
    item: 'deploy.orchestration',
    severity: 'warning',
    description: 'Disallow Services whose selector matches no workload, and Ingress backends naming a Service that does not exist.',
    rationale:
      'A Service that selects no pod has no endpoints and an Ingress backend naming a missing Service answers 503: the deploy succeeds and the traffic goes nowhere. It is almost always a typo in a label or a name, or a rename that missed one place.',
    remediation:
      'Make the Service selector equal to labels of the workload\'s pod template, and the Ingress backend `service.name` equal to the Service\'s `metadata.name`, in the same namespace.',
    fixable: false,
    related: ['kube-score:service-targets-pod', 'kube-score:ingress-targets-service'],
  },
  messages: {
    serviceSelectsNothing:
      'Service {{name}} selects {{selector}}, which no workload\'s pods carry, so it has no endpoints and every request to it fails. Match the selector to the pod template labels of the workload it fronts{{hint}}.',
    missingBackend:
      'Ingress {{name}} routes to Service "{{service}}", which does not exist in {{where}}, so these requests get a 503. Point the backend at an existing Service ({{known}}).',
  },
  check(ctx) {
    const ws = workspaceOf(ctx);
    const operatorObjects = ws.objects.some((p) => !isInert(p));
    for (const placed of ws.objects) {
      if (!placed.own) continue;
      if (placed.object.kind === 'Service' && placed.object.apiVersion === 'v1') checkService(ctx, ws, placed, operatorObjects);
      else if (placed.object.kind === 'Ingress' && /^(networking\.k8s\.io|extensions)\//.test(placed.object.apiVersion)) checkIngress(ctx, ws, placed, operatorObjects);
    }
  },
});

type Ctx = RuleContext<'k8s', 'serviceSelectsNothing' | 'missingBackend'>;

function checkService(ctx: Ctx, ws: Workspace, service: Placed, operatorObjects: boolean): void {
  const spec = get(service.object.node, 'spec');
  const type = renderedString(service.doc, get(spec, 'type'));
  if (type === 'ExternalName') return;
  const selector = selectorAt(service, spec, 'selector', true);
  // Without a selector the endpoints are managed by hand or by a controller.
  if (!selector || (selector.exact && selector.requirements.length === 0)) return;
  const workloads = ws.objects.filter((p) => WORKLOAD_KINDS.has(p.object.kind) && isRunnableWorkload(p) && sameNamespace(p, service));
  let verdict: Match = 'no';
  for (const workload of workloads) {
    const match = selectsWorkload(selector, workload);
    if (match === 'yes') {
      ctx.evidence({ span: service.object.anchor, source: service.source, note: `Service ${displayName(service)} routes to ${workload.object.kind} ${displayName(workload)}` });
      return;
    }
    if (match === 'maybe') verdict = 'maybe';
  }
  if (verdict === 'maybe' || !selector.exact) return;
  // Pods may come from elsewhere: no workload here at all, unread ones, an operator's or a subchart's.
  if (workloads.length === 0 || operatorObjects || [...WORKLOAD_KINDS].some((k) => ws.mayHaveUnread(k)) || hasChartDependencies(ctx, service)) return;
  const pairs = selector.requirements.map((r) => `${r.key}=${r.values[0] ?? ''}`);
  const near = workloads.find((w) => selector.requirements.some((r) => nearMiss(r.key, r.values[0], w)));
  const hint = near ? ` (${near.object.kind} ${displayName(near)} has ${nearLabel(near, selector.requirements.map((r) => r.key))})` : '';
  const span: Span = keySpan(spec, 'selector') ?? service.object.anchor;
  ctx.report({ span, source: service.source, messageId: 'serviceSelectsNothing', data: { name: displayName(service), selector: pairs.join(', '), hint } });
}

function checkIngress(ctx: Ctx, ws: Workspace, ingress: Placed, operatorObjects: boolean): void {
  const services = ws.objects.filter((p) => p.object.kind === 'Service' && sameNamespace(p, ingress));
  // An Ingress shipped without the Services it fronts is routing to something deployed elsewhere.
  if (services.length === 0 || operatorObjects || ws.mayHaveUnread('Service') || hasChartDependencies(ctx, ingress)) return;
  const names = services.map(nameOf);
  if (names.some((n) => n === undefined)) return;
  const spec = get(ingress.object.node, 'spec');
  const backends = [get(spec, 'defaultBackend'), get(spec, 'backend')];
  for (const rule of items(get(spec, 'rules'))) for (const path of items(get(rule, 'http', 'paths'))) backends.push(get(path, 'backend'));
  for (const backend of backends) {
    if (backend === undefined) continue;
    const nameNode = get(backend, 'service', 'name') ?? get(backend, 'serviceName');
    if (nameNode === undefined) continue;
    const name = renderedString(ingress.doc, nameNode);
    if (name === undefined || names.includes(name)) continue;
    const span = spanOf(nameNode);
    if (!span) continue;
    const namespace = renderedString(ingress.doc, get(ingress.object.node, 'metadata', 'namespace'));
    ctx.report({
      span,
      source: ingress.source,
      messageId: 'missingBackend',
      data: {
        name: displayName(ingress),
        service: name,
        where: namespace ? `namespace "${namespace}" of this workspace` : 'this workspace',
        known: `Services here: ${[...new Set(names as string[])].sort().map((n) => `"${n}"`).join(', ')}`,
      },
    });
  }
}

function isInert(placed: Placed): boolean {
  const version = placed.object.apiVersion;
  const group = version.includes('/') ? version.slice(0, version.lastIndexOf('/')) : '';
  if (group === 'monitoring.coreos.com') return INERT_MONITORING_KINDS.has(placed.object.kind);
  return INERT_GROUPS.has(group) || /\.k8s\.io$/.test(group);
}

/** A chart with dependencies renders their workloads and Services too, which this workspace may not hold. */
function hasChartDependencies(ctx: Ctx, placed: Placed): boolean {
  const values = placed.doc.values?.source.path;
  if (!values) return false;
  const chart = ctx.project.source(values.replace(/values\.yaml$/, 'Chart.yaml'));
  return chart !== undefined && /^dependencies:\s*\n\s*-/m.test(chart.text);
}

/** The workload has the selector's key with another value: the likely typo. */
function nearMiss(key: string, value: string | undefined, workload: Placed): boolean {
  const labels = podLabelsOf(workload).labels;
  return Object.prototype.hasOwnProperty.call(labels, key) && labels[key] !== value;
}

function nearLabel(workload: Placed, keys: readonly string[]): string {
  const labels = podLabelsOf(workload).labels;
  return keys
    .filter((k) => Object.prototype.hasOwnProperty.call(labels, k))
    .map((k) => `${k}=${labels[k]}`)
    .join(', ');
}
