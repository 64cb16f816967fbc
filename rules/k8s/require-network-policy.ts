import { defineRule } from '../define-rule';
import { LONG_RUNNING_KINDS } from '../../server/src/targets/k8s/objects';
import { bool, get } from '../../server/src/targets/yaml/nodes';
import { displayName, isRunnableWorkload, podLabelsOf, sameNamespace, selectorAt, selects, selectsWorkload, workspaceOf, type Match, type Placed } from './support/cross-object';

/** Policy kinds whose selector is a Kubernetes label selector, and where it is. */
const POLICY_SELECTORS: Readonly<Record<string, { field: string; clusterWide: boolean }>> = {
  NetworkPolicy: { field: 'podSelector', clusterWide: false },
  CiliumNetworkPolicy: { field: 'endpointSelector', clusterWide: false },
  CiliumClusterwideNetworkPolicy: { field: 'endpointSelector', clusterWide: true },
};

export default defineRule({
  id: 'k8s/require-network-policy',
  target: 'k8s',
  meta: {
    item: 'deploy.network-policy',
    severity: 'warning',
    description: 'Require every long-running workload to be selected by a NetworkPolicy.',
    rationale:
      'Pods no NetworkPolicy selects accept traffic from every pod in the cluster and may connect anywhere: one compromised pod reaches the databases, the cloud metadata endpoint and every other service.',
    remediation:
      'Add a default-deny NetworkPolicy for the namespace (`podSelector: {}`) and policies that allow the traffic each workload needs, selecting its pod labels.',
    fixable: false,
    related: ['kube-score:pod-networkpolicy'],
  },
  messages: {
    noPolicies:
      '{{kind}} {{name}} is selected by no NetworkPolicy (the workspace has none), so any pod in the cluster can reach it and it can reach anything. Add a default-deny NetworkPolicy for its namespace and allow only the traffic it needs.',
    notSelected:
      'No NetworkPolicy selects the pods of {{kind}} {{name}} (labels {{labels}}), so any pod in the cluster can reach it and it can reach anything. Add a policy whose podSelector matches these labels, or a default-deny policy for the namespace.',
  },
  check(ctx) {
    const ws = workspaceOf(ctx);
    const policies = ws.objects.filter((p) => POLICY_SELECTORS[p.object.kind] !== undefined || isCalico(p));
    const unreadPolicies = Object.keys(POLICY_SELECTORS).some((kind) => ws.mayHaveUnread(kind));
    for (const workload of ws.objects) {
      if (!workload.own || !LONG_RUNNING_KINDS.has(workload.object.kind) || !isRunnableWorkload(workload)) continue;
      // NetworkPolicies do not apply to pods on the host's network.
      if (bool(get(workload.object.node, ...hostNetworkPath(workload))) === true) continue;
      let verdict: Match = unreadPolicies ? 'maybe' : 'no';
      for (const policy of policies) {
        const match = policySelects(policy, workload);
        if (match === 'yes') {
          ctx.evidence({
            span: policy.object.anchor,
            source: policy.source,
            note: `${policy.object.kind} ${displayName(policy)} selects ${workload.object.kind} ${displayName(workload)}`,
          });
          verdict = 'yes';
          break;
        }
        if (match === 'maybe') verdict = 'maybe';
      }
      if (verdict !== 'no') continue;
      const data = { kind: workload.object.kind, name: displayName(workload) };
      if (policies.length === 0) {
        ctx.report({ span: workload.object.anchor, source: workload.source, messageId: 'noPolicies', data });
      } else {
        const pods = podLabelsOf(workload);
        const labels = Object.entries(pods.labels).map(([k, v]) => `${k}=${v}`);
        for (const key of pods.possibleKeys ?? []) if (!(key in pods.labels)) labels.push(`${key}=…`);
        ctx.report({ span: workload.object.anchor, source: workload.source, messageId: 'notSelected', data: { ...data, labels: labels.length > 0 ? labels.join(', ') : 'none' } });
      }
    }
  },
});

function policySelects(policy: Placed, workload: Placed): Match {
  // Calico selectors are expressions of their own: they may select anything.
  if (isCalico(policy)) return 'maybe';
  const shape = POLICY_SELECTORS[policy.object.kind];
  if (!shape) return 'no';
  if (!shape.clusterWide && !sameNamespace(policy, workload)) return 'no';
  const spec = get(policy.object.node, 'spec');
  const selector = selectorAt(policy, spec, shape.field);
  // `podSelector` is required; an absent one selects every pod of the namespace, like `{}`.
  if (!selector) return selects({ requirements: [], exact: true, signature: '', chart: undefined }, podLabelsOf(workload));
  return selectsWorkload(selector, workload);
}

function isCalico(placed: Placed): boolean {
  return placed.object.apiVersion.startsWith('projectcalico.org/') && /NetworkPolicy$/.test(placed.object.kind);
}

function hostNetworkPath(workload: Placed): string[] {
  if (workload.object.kind === 'Pod') return ['spec', 'hostNetwork'];
  return ['spec', 'template', 'spec', 'hostNetwork'];
}
