import { defineRule } from '../define-rule';
import { get, items, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { displayName, namespaceOf, renderedString, type Placed } from './support/cross-object';

/** Built-in ClusterRoles that hand over a whole cluster or every namespace. */
const ADMIN_ROLES = new Set(['cluster-admin', 'admin']);

export default defineRule({
  id: 'k8s/no-cluster-admin-binding',
  target: 'k8s',
  meta: {
    item: 'security.authz',
    severity: 'error',
    description: 'Disallow binding `cluster-admin` (or `admin` cluster-wide) to service accounts, users or groups.',
    rationale:
      'cluster-admin is every permission on every resource: whoever holds a bound token reads every Secret, runs privileged pods on any node and rewrites RBAC itself. `admin` bound by a ClusterRoleBinding is the same inside every namespace. One compromised pod or leaked CI token then owns the cluster.',
    remediation:
      'Bind a Role (or a ClusterRole through a namespaced RoleBinding) that lists only the resources and verbs the subject needs. Operators that need cluster-wide access should ship their own scoped ClusterRole.',
    fixable: false,
    related: ['kube-linter:cluster-admin-role-binding'],
  },
  messages: {
    clusterAdmin:
      '{{kind}} {{name}} binds cluster-admin to {{subjects}}{{scope}}, so one leaked token of theirs can read every Secret and take over {{what}}. Bind a Role that lists only the resources and verbs they need.',
    admin:
      'ClusterRoleBinding {{name}} binds the `admin` ClusterRole to {{subjects}} in every namespace, so one leaked token of theirs can read every Secret and rewrite every workload and RoleBinding. Bind a Role in the namespaces they work in, listing only what they need.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const object of doc.renderedObjects()) {
      if (object.kind !== 'ClusterRoleBinding' && object.kind !== 'RoleBinding') continue;
      if (!object.apiVersion.startsWith('rbac.authorization.k8s.io/')) continue;
      const placed: Placed = { file: ctx.source.path, source: ctx.source, object, doc, own: true };
      const roleRef = get(object.node, 'roleRef');
      const refKind = renderedString(doc, get(roleRef, 'kind'));
      const nameNode = get(roleRef, 'name');
      const role = renderedString(doc, nameNode);
      if (refKind === undefined || role === undefined) continue;
      const subjects = items(get(object.node, 'subjects'))
        .map((s) => {
          const kind = renderedString(doc, get(s, 'kind'));
          const name = renderedString(doc, get(s, 'name'));
          return kind ? `${kind} "${name ?? str(get(s, 'name')) ?? '(unnamed)'}"` : undefined;
        })
        .filter((s): s is string => s !== undefined);
      if (subjects.length === 0) continue;
      const resolved = doc.resolve(nameNode);
      const at = resolved.kind === 'values' ? { span: resolved.anchor, source: resolved.source } : { span: spanOf(nameNode) ?? object.anchor, source: ctx.source };
      const data = { kind: object.kind, name: displayName(placed), subjects: subjects.join(', ') };
      if (refKind === 'ClusterRole' && role === 'cluster-admin') {
        const namespaced = object.kind === 'RoleBinding';
        const namespace = namespaceOf(placed);
        ctx.report({
          ...at,
          messageId: 'clusterAdmin',
          data: {
            ...data,
            scope: namespaced ? (namespace ? ` in namespace "${namespace}"` : ' in its namespace') : '',
            what: namespaced ? 'everything in the namespace, RBAC included' : 'the cluster',
          },
        });
        continue;
      }
      if (refKind === 'ClusterRole' && role === 'admin' && object.kind === 'ClusterRoleBinding') {
        ctx.report({ ...at, messageId: 'admin', data });
        continue;
      }
      if (object.kind === 'RoleBinding' && !ADMIN_ROLES.has(role)) {
        ctx.evidence({ span: object.anchor, note: `RoleBinding ${displayName(placed)} grants ${refKind} "${role}" in one namespace` });
      }
    }
  },
});
