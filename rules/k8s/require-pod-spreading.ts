import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import type { Resolved } from '../../server/src/targets/k8s/document';
import { podSpecOf } from '../../server/src/targets/k8s/objects';
import { entries, get, items, str } from '../../server/src/targets/yaml/nodes';
import { displayName, fieldAsRendered, guardingValuesKey, isRunnableWorkload, nameOf, type Placed, replicasOf, selectorAt, workspaceOf } from './support/cross-object';
import { containerInsertion } from './support/edits';

const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

type Spread = 'set' | 'unset' | 'unknown';

export default defineRule({
  id: 'k8s/require-pod-spreading',
  target: 'k8s',
  meta: {
    item: 'deploy.high-availability',
    severity: 'info',
    description: 'Require pod anti-affinity or topology spread constraints on workloads that run several replicas.',
    rationale:
      'The scheduler is free to put every replica on the same node (or zone) when nothing asks it to spread them; losing that node then takes the whole service down, whatever the replica count says.',
    remediation:
      'Add `topologySpreadConstraints` on `kubernetes.io/hostname` (and `topology.kubernetes.io/zone`) selecting the pod labels, or a preferred `podAntiAffinity` on the hostname.',
    fixable: true,
    related: ['kube-linter:no-anti-affinity', 'kube-score:deployment-has-host-podantiaffinity', 'kube-score:statefulset-has-host-podantiaffinity'],
  },
  messages: {
    notSpread:
      '{{kind}} {{name}} runs {{replicas}} replicas with neither podAntiAffinity nor topologySpreadConstraints, so the scheduler may place them all on one node and one node failure takes the service down. Spread them across nodes with `topologySpreadConstraints` on `kubernetes.io/hostname`.',
    valuesNotSpread:
      'The chart\'s default `{{path}}` sets no podAntiAffinity and the chart sets no topologySpreadConstraints, so the {{replicas}} replicas of {{kind}} {{name}} may all land on one node and one node failure takes the service down. Set a preferred podAntiAffinity on `kubernetes.io/hostname` here.',
  },
  check(ctx) {
    const ws = workspaceOf(ctx);
    for (const workload of ws.objects) {
      if (!workload.own || !REPLICATED_KINDS.has(workload.object.kind) || !isRunnableWorkload(workload)) continue;
      const replicas = replicasOf(workload, ws);
      const count = replicas.count !== undefined && replicas.count >= 2 ? String(replicas.count) : replicas.autoscaler ? 'autoscaled' : undefined;
      if (count === undefined) continue;
      const podSpec = podSpecOf(workload.object);
      const doc = workload.doc;
      const affinity = fieldAsRendered(doc, podSpec, 'affinity');
      const spread = fieldAsRendered(doc, podSpec, 'topologySpreadConstraints');
      const byAffinity = antiAffinity(affinity);
      const bySpread = spreadConstraints(spread);
      const name = nameOf(workload);
      const patchPath = ['spec', 'template', 'spec'];
      const patched = ['affinity', 'topologySpreadConstraints'].some((field) => ws.patched(workload.object.kind, name, [...patchPath, field]).length > 0);
      const data = { kind: workload.object.kind, name: displayName(workload), replicas: count };
      if (byAffinity === 'set' || bySpread === 'set') {
        const what = bySpread === 'set' ? 'topologySpreadConstraints spread' : 'podAntiAffinity spreads';
        const at = bySpread === 'set' ? spread : affinity;
        ctx.evidence({ ...where(at, workload), note: `${what} the replicas of ${workload.object.kind} ${displayName(workload)}` });
        continue;
      }
      if (byAffinity === 'unknown' || bySpread === 'unknown' || patched) continue;
      const valuesKey =
        affinity.kind === 'values'
          ? { span: affinity.anchor, source: affinity.source, path: affinity.path.join('.') }
          : guardingValuesKey(doc, podSpec, 'affinity');
      if (valuesKey) {
        ctx.report({ span: valuesKey.span, source: valuesKey.source, messageId: 'valuesNotSpread', data: { ...data, path: valuesKey.path } });
        continue;
      }
      ctx.report({
        span: workload.object.anchor,
        source: workload.source,
        messageId: 'notSpread',
        data,
        fix: spreadFix(workload, podSpec),
      });
    }
  },
});

function antiAffinity(resolved: Resolved): Spread {
  if (resolved.kind === 'unknown') return 'unknown';
  const anti = get(resolved.node, 'podAntiAffinity');
  if (anti === undefined) return 'unset';
  if (!isMap(anti)) return resolved.kind === 'literal' && str(anti) === undefined ? 'unset' : 'unknown';
  return entries(anti).some((e) => items(e.value).length > 0) ? 'set' : 'unset';
}

function spreadConstraints(resolved: Resolved): Spread {
  if (resolved.kind === 'unknown') return 'unknown';
  return items(resolved.node).length > 0 ? 'set' : 'unset';
}

function where(resolved: Resolved, workload: Placed): { span: { start: number; end: number }; source: typeof workload.source } {
  if (resolved.kind === 'values') return { span: resolved.anchor, source: resolved.source };
  return { span: workload.object.anchor, source: workload.source };
}

/** Adds a hostname spread constraint on the workload's own selector labels; a suggestion to tune. */
function spreadFix(workload: Placed, podSpec: unknown) {
  if (workload.doc.isHelmTemplate || !isMap(podSpec) || get(podSpec, 'topologySpreadConstraints') !== undefined) return undefined;
  const selector = selectorAt(workload, get(workload.object.node, 'spec'), 'selector');
  if (!selector?.exact || selector.requirements.length === 0 || selector.requirements.some((r) => r.operator !== 'In' || r.values.length !== 1)) return undefined;
  const labels = selector.requirements.map((r) => `        ${r.key}: ${quoteIfNeeded(r.values[0] as string)}`);
  const lines = [
    'topologySpreadConstraints:',
    '  - maxSkew: 1',
    '    topologyKey: kubernetes.io/hostname',
    '    whenUnsatisfiable: ScheduleAnyway',
    '    labelSelector:',
    '      matchLabels:',
    ...labels,
  ];
  const edit = containerInsertion(workload.source, podSpec, lines);
  return edit ? { title: 'Spread the replicas across nodes with topologySpreadConstraints', edits: [edit], suggestion: true } : undefined;
}

function quoteIfNeeded(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~|\d+(\.\d+)?)$/i.test(value) ? value : JSON.stringify(value);
}
