import rule from '../../../../rules/k8s/no-cluster-admin-binding';
import { RuleTester } from '../../rule-tester';

const BINDING = (kind: string, role: string, roleKind = 'ClusterRole', subjects = '  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ci-deployer
${kind === 'RoleBinding' ? '  namespace: shop\n' : ''}roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${role}
subjects:
${subjects}`;

const CHART = 'charts/argo-deployer/';

new RuleTester({ filename: 'platform/rbac/ci-deployer.yaml' }).run(rule, {
  valid: [
    { name: 'a RoleBinding to a scoped Role', code: BINDING('RoleBinding', 'shop-deployer', 'Role') },
    { name: 'a RoleBinding to the admin ClusterRole stays in its namespace', code: BINDING('RoleBinding', 'admin') },
    { name: 'a ClusterRoleBinding to view', code: BINDING('ClusterRoleBinding', 'view') },
    { name: 'a binding without subjects binds nobody', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: unused\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\n' },
    {
      name: 'Helm: the role name cannot be read statically',
      filename: `${CHART}templates/binding.yaml`,
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: {{ include "deployer.fullname" . }}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {{ include "deployer.role" . }}\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: {{ .Release.Namespace }}\n',
      files: { [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: argo-deployer\nversion: 1.0.0\n', [`${CHART}values.yaml`]: 'clusterRole: cluster-admin\n' },
    },
  ],
  invalid: [
    {
      name: 'cluster-admin for a CI service account',
      code: BINDING('ClusterRoleBinding', 'cluster-admin'),
      errors: [{ messageId: 'clusterAdmin', line: 8, column: 9, endLine: 8, endColumn: 22, message: 'ClusterRoleBinding "ci-deployer" binds cluster-admin to ServiceAccount "deployer", so one leaked token of theirs can read every Secret and take over the cluster.' }],
    },
    {
      name: 'cluster-admin through a namespaced RoleBinding, for a group',
      code: BINDING('RoleBinding', 'cluster-admin', 'ClusterRole', '  - kind: Group\n    name: shop-developers\n    apiGroup: rbac.authorization.k8s.io\n'),
      errors: [{ messageId: 'clusterAdmin', line: 9, column: 9, message: 'binds cluster-admin to Group "shop-developers" in namespace "shop", so one leaked token of theirs can read every Secret and take over everything in the namespace' }],
    },
    {
      name: 'admin in every namespace',
      code: BINDING('ClusterRoleBinding', 'admin', 'ClusterRole', '  - kind: User\n    name: jane@acme.io\n    apiGroup: rbac.authorization.k8s.io\n  - kind: ServiceAccount\n    name: argocd-application-controller\n    namespace: argocd\n'),
      errors: [{ messageId: 'admin', line: 8, column: 9, message: 'binds the `admin` ClusterRole to User "jane@acme.io", ServiceAccount "argocd-application-controller" in every namespace' }],
    },
    {
      name: 'Helm: the role comes from values.yaml',
      filename: `${CHART}templates/binding.yaml`,
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: argo-deployer\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {{ .Values.clusterRole }}\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: argo\n',
      files: { [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: argo-deployer\nversion: 1.0.0\n', [`${CHART}values.yaml`]: 'serviceAccount:\n  create: true\nclusterRole: cluster-admin\n' },
      errors: [{ messageId: 'clusterAdmin', file: `${CHART}values.yaml`, line: 3, column: 1, endColumn: 12 }],
    },
  ],
  evidence: [
    { name: 'a namespaced binding to a scoped role', code: BINDING('RoleBinding', 'shop-deployer', 'Role'), evidence: ['RoleBinding "ci-deployer" grants Role "shop-deployer" in one namespace'] },
  ],
});
