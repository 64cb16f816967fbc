import * as path from 'node:path';
import { isScalar } from 'yaml';
import type { ProjectView } from '../../server/src/engine/project';
import type { SourceText, Span } from '../../server/src/engine/source';
import { maskTemplate } from '../../server/src/targets/helm/template';
import { defineRule } from '../define-rule';
import { LONG_RUNNING_KINDS } from '../../server/src/targets/k8s/objects';
import { bool, get, pairOf, spanOf, str } from '../../server/src/targets/yaml/nodes';
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
      '{{kind}} {{name}} is selected by no NetworkPolicy (the workspace deploys none), so any pod in the cluster can reach it and it can reach anything. Add a default-deny NetworkPolicy for its namespace and allow only the traffic it needs.',
    chartPoliciesOff:
      "The chart's NetworkPolicies are off by default (`{{path}}: {{value}}`), so no policy selects {{kind}} {{name}}: any pod in the cluster can reach it and it can reach anything. Turn them on by default here, or add a default-deny NetworkPolicy for its namespace.",
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
      const switchedOff = chartPoliciesSwitch(ctx.project, workload);
      if (switchedOff) {
        ctx.report({ span: switchedOff.span, source: switchedOff.source, messageId: 'chartPoliciesOff', data: { ...data, path: switchedOff.path, value: switchedOff.value } });
      } else if (policies.length === 0) {
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

/**
 * For a workload of a Helm chart: the values key that keeps the chart's own NetworkPolicy
 * templates from rendering (`{{- if .Values.networkPolicies.enabled }}` with `false` in
 * values.yaml), so the finding points at the switch rather than saying there are none.
 */
function chartPoliciesSwitch(project: ProjectView, workload: Placed): { span: Span; source: SourceText; path: string; value: string } | undefined {
  const values = workload.doc.values;
  if (!values?.document) return undefined;
  const chartRoot = path.posix.dirname(values.source.path);
  for (const file of project.files(['helm-template'])) {
    if (!file.production || !file.path.startsWith(`${chartRoot === '.' ? '' : `${chartRoot}/`}templates/`)) continue;
    const text = project.source(file.path)?.text;
    const kindAt = text?.search(/^kind:\s*(NetworkPolicy|CiliumNetworkPolicy)\s*$/m) ?? -1;
    if (!text || kindAt < 0) continue;
    const guard = maskTemplate(text)
      .regions.filter((r) => r.keyword === 'if' && !r.negated && r.span.start <= kindAt && kindAt < r.span.end)
      .map((r) => /^\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)$/.exec(r.condition.trim())?.[1])
      .find((p): p is string => p !== undefined);
    if (!guard) continue;
    const keys = guard.split('.').filter(Boolean);
    const parent = keys.length === 1 ? values.document.contents : get(values.document.contents, ...keys.slice(0, -1));
    const pair = pairOf(parent, keys[keys.length - 1] as string);
    const span = spanOf(pair?.key);
    const value = pair ? str(pair.value) ?? (isScalar(pair.value) ? String(pair.value.value) : undefined) : undefined;
    if (!span || value === undefined || !['false', '', 'null', '~'].includes(value.trim())) continue;
    return { span, source: values.source, path: keys.join('.'), value: value.trim() === '' ? '""' : value.trim() };
  }
  return undefined;
}

function isCalico(placed: Placed): boolean {
  return placed.object.apiVersion.startsWith('projectcalico.org/') && /NetworkPolicy$/.test(placed.object.kind);
}

function hostNetworkPath(workload: Placed): string[] {
  if (workload.object.kind === 'Pod') return ['spec', 'hostNetwork'];
  return ['spec', 'template', 'spec', 'hostNetwork'];
}
