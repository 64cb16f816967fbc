import { defineRule } from '../define-rule';
import type { SourceText } from '../../server/src/engine/source';
import type { K8sDocument, Resolved } from '../../server/src/targets/k8s/document';
import { get, items, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { displayName, fieldAsRendered } from './support/cross-object';

const FIELDS = ['apiGroups', 'resources', 'verbs'] as const;
type Field = (typeof FIELDS)[number];
const MESSAGE: Readonly<Record<Field, 'wildcardApiGroups' | 'wildcardResources' | 'wildcardVerbs'>> = {
  apiGroups: 'wildcardApiGroups',
  resources: 'wildcardResources',
  verbs: 'wildcardVerbs',
};

export default defineRule({
  id: 'k8s/no-rbac-wildcards',
  target: 'k8s',
  meta: {
    item: 'security.authz',
    severity: 'error',
    description: 'Disallow `*` in the verbs, resources or API groups of Role and ClusterRole rules.',
    rationale:
      'A wildcard grants everything that exists now and everything added later (new resources, subresources such as `pods/exec`, CRDs that hold credentials), so whoever holds the role, or steals its token, can do far more than the workload needs, up to escalating to cluster-admin.',
    remediation: 'List the API groups, resources and verbs the workload actually uses (`get`, `list`, `watch` on `configmaps`, …). `kubectl auth can-i --list --as=system:serviceaccount:<ns>:<sa>` shows what a role grants.',
    fixable: false,
    related: ['kube-linter:wildcard-in-rules', 'checkov:CKV_K8S_49'],
  },
  messages: {
    wildcardVerbs:
      '{{kind}} {{name}} allows every verb (`*`) on {{resources}}, including delete, escalate and impersonate where they apply, so a stolen token of this role can do anything to them. List only the verbs the workload uses, such as `get`, `list`, `watch`.',
    wildcardResources:
      '{{kind}} {{name}} grants {{verbs}} on every resource (`*`) of {{groups}}, including Secrets and resources added later, so a stolen token reaches far more than the workload needs. List the resources it uses.',
    wildcardApiGroups:
      '{{kind}} {{name}} grants {{verbs}} on {{resources}} in every API group (`*`), including custom resources that may hold credentials, so the role grows with every CRD installed. List the API groups it uses (`""` for the core group).',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const object of doc.renderedObjects()) {
      if (object.kind !== 'Role' && object.kind !== 'ClusterRole') continue;
      if (!object.apiVersion.startsWith('rbac.authorization.k8s.io/')) continue;
      const name = displayName({ file: ctx.source.path, source: ctx.source, object, doc, own: true });
      const rules = fieldAsRendered(doc, object.node, 'rules');
      if (rules.kind === 'unknown') continue;
      const ruleSource = rules.kind === 'values' ? rules.source : undefined;
      let wildcards = 0;
      let readable = items(rules.node).length > 0;
      for (const rule of items(rules.node)) {
        const lists: Partial<Record<Field, ReadList>> = {};
        for (const field of FIELDS) lists[field] = readList(doc, rule, field, ruleSource);
        if (FIELDS.some((f) => lists[f]?.unknown)) readable = false;
        const describe = (field: Field, fallback: string): string => {
          const list = lists[field];
          if (!list || list.unknown || list.values.length === 0) return fallback;
          if (list.values.includes('*')) return fallback;
          return list.values.map((v) => (field === 'apiGroups' && v === '' ? 'the core group' : `\`${v}\``)).join(', ');
        };
        for (const field of FIELDS) {
          const list = lists[field];
          if (!list) continue;
          for (const star of list.stars) {
            wildcards++;
            ctx.report({
              span: star.span,
              source: star.source,
              messageId: MESSAGE[field],
              data: {
                kind: object.kind,
                name,
                verbs: describe('verbs', 'every verb'),
                resources: describe('resources', 'every resource'),
                groups: describe('apiGroups', 'every API group'),
              },
            });
          }
        }
      }
      if (readable && wildcards === 0) ctx.evidence({ span: object.anchor, note: `${object.kind} ${name} names its API groups, resources and verbs` });
    }
  },
});

interface ReadList {
  values: string[];
  stars: Array<{ span: { start: number; end: number }; source: SourceText | undefined }>;
  unknown: boolean;
}

/** A rule's list field as it renders, with where each `*` is (in the chart's values when it comes from there). */
function readList(doc: K8sDocument, rule: unknown, field: Field, ruleSource: SourceText | undefined): ReadList {
  const out: ReadList = { values: [], stars: [], unknown: false };
  // A rule that itself came from values is plain YAML there: no templates to resolve.
  const resolved: Resolved = ruleSource ? { kind: 'literal', node: get(rule, field) } : fieldAsRendered(doc, rule, field);
  if (resolved.kind === 'unknown') return { ...out, unknown: true };
  const source = resolved.kind === 'values' ? resolved.source : ruleSource;
  for (const item of items(resolved.node)) {
    const value = resolved.kind === 'values' || ruleSource ? { kind: 'literal' as const, node: item } : doc.resolve(item);
    if (value.kind === 'unknown') {
      out.unknown = true;
      continue;
    }
    const text = str(value.node);
    if (text === undefined) continue;
    out.values.push(text);
    if (text !== '*') continue;
    if (value.kind === 'values') out.stars.push({ span: value.anchor, source: value.source });
    else {
      const span = spanOf(item);
      if (span) out.stars.push({ span, source });
    }
  }
  return out;
}
