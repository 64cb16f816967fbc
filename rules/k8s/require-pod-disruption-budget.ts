import { defineRule } from '../define-rule';
import { get } from '../../server/src/targets/yaml/nodes';
import { displayName, isRunnableWorkload, replicasOf, sameNamespace, selectorAt, selectsWorkload, workspaceOf, type Match } from './support/cross-object';

const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

export default defineRule({
  id: 'k8s/require-pod-disruption-budget',
  target: 'k8s',
  meta: {
    item: 'deploy.high-availability',
    severity: 'warning',
    description: 'Require a PodDisruptionBudget for every Deployment and StatefulSet that runs several replicas or is autoscaled.',
    rationale:
      'Node drains, cluster upgrades and the autoscaler evict pods through the eviction API, which only holds back when a PodDisruptionBudget says how many may go at once. Without one a drain can take every replica down together.',
    remediation:
      'Add a PodDisruptionBudget (policy/v1) whose `selector` matches the workload\'s pod labels, with `maxUnavailable: 1` (or a `minAvailable` below the replica count).',
    fixable: false,
    related: ['kube-score:deployment-has-poddisruptionbudget', 'kube-score:statefulset-has-poddisruptionbudget'],
  },
  messages: {
    replicated:
      '{{kind}} {{name}} runs {{replicas}} replicas but no PodDisruptionBudget covers its pods, so a node drain or cluster upgrade may evict them all at once. Add a PodDisruptionBudget selecting its pod labels with `maxUnavailable: 1`.',
    autoscaled:
      '{{kind}} {{name}} is scaled by HorizontalPodAutoscaler {{hpa}} but no PodDisruptionBudget covers its pods, so a node drain or cluster upgrade may evict them all at once. Add a PodDisruptionBudget selecting its pod labels with `maxUnavailable: 1`.',
  },
  check(ctx) {
    const ws = workspaceOf(ctx);
    const budgets = ws.objects.filter((p) => p.object.kind === 'PodDisruptionBudget');
    for (const workload of ws.objects) {
      if (!workload.own || !REPLICATED_KINDS.has(workload.object.kind) || !isRunnableWorkload(workload)) continue;
      const replicas = replicasOf(workload, ws);
      // An autoscaler that may go down to one replica is k8s/require-replicas' finding, not a missing budget.
      const autoscaled = replicas.autoscaler !== undefined && !(replicas.autoscalerMin?.count !== undefined && replicas.autoscalerMin.count <= 1);
      const replicated = (replicas.count !== undefined && replicas.count >= 2) || autoscaled;
      if (!replicated) continue;
      let verdict: Match = ws.mayHaveUnread('PodDisruptionBudget') ? 'maybe' : 'no';
      for (const budget of budgets) {
        if (!sameNamespace(budget, workload)) continue;
        const selector = selectorAt(budget, get(budget.object.node, 'spec'), 'selector');
        if (!selector) continue;
        const match = selectsWorkload(selector, workload);
        if (match === 'yes') {
          ctx.evidence({
            span: budget.object.anchor,
            source: budget.source,
            note: `PodDisruptionBudget ${displayName(budget)} covers ${workload.object.kind} ${displayName(workload)}`,
          });
          verdict = 'yes';
          break;
        }
        if (match === 'maybe') verdict = 'maybe';
      }
      if (verdict !== 'no') continue;
      const data = { kind: workload.object.kind, name: displayName(workload) };
      if (replicas.count !== undefined && replicas.count >= 2) {
        ctx.report({ span: workload.object.anchor, source: workload.source, messageId: 'replicated', data: { ...data, replicas: replicas.count } });
      } else if (replicas.autoscaler && autoscaled) {
        ctx.report({ span: workload.object.anchor, source: workload.source, messageId: 'autoscaled', data: { ...data, hpa: displayName(replicas.autoscaler) } });
      }
    }
  },
});
