import rule from '../../../../rules/k8s/no-rbac-wildcards';
import { RuleTester } from '../../rule-tester';

const ROLE = (rules: string, kind = 'Role') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: orders-operator
  namespace: orders
rules:
${rules}`;

const CHART = 'charts/orders-operator/';
const chart = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders-operator\nversion: 0.3.0\n', [`${CHART}values.yaml`]: values });
const CLUSTER_ROLE_TEMPLATE = `{{- if .Values.rbac.create }}
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: {{ include "orders-operator.fullname" . }}
rules:
  {{- toYaml .Values.rbac.rules | nindent 2 }}
{{- end }}
`;

new RuleTester({ filename: 'deploy/rbac.yaml' }).run(rule, {
  valid: [
    { name: 'named groups, resources and verbs', code: ROLE('  - apiGroups: [""]\n    resources: [configmaps, secrets]\n    resourceNames: [orders-config, orders-db]\n    verbs: [get, watch]\n  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [get, list, watch, patch]\n') },
    { name: 'an aggregated ClusterRole has no rules of its own', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: orders-view\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels:\n        rbac.acme.io/aggregate-to-orders: "true"\nrules: []\n' },
    { name: 'a wildcard in something that is not RBAC', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cors\ndata:\n  verbs: "*"\n' },
    { name: 'Helm: the values list named rules', filename: `${CHART}templates/clusterrole.yaml`, code: CLUSTER_ROLE_TEMPLATE, files: chart('rbac:\n  create: true\n  rules:\n    - apiGroups: [orders.acme.io]\n      resources: [orders, orders/status]\n      verbs: [get, list, watch, update]\n') },
    { name: 'Helm: RBAC off by default', filename: `${CHART}templates/clusterrole.yaml`, code: CLUSTER_ROLE_TEMPLATE, files: chart('rbac:\n  create: false\n  rules:\n    - apiGroups: ["*"]\n      resources: ["*"]\n      verbs: ["*"]\n') },
    { name: 'test manifests are not production', filename: 'tests/e2e/rbac.yaml', code: ROLE('  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n') },
  ],
  invalid: [
    {
      name: 'every verb on pods',
      code: ROLE('  - apiGroups: [""]\n    resources: [pods]\n    verbs: ["*"]\n'),
      errors: [{ messageId: 'wildcardVerbs', line: 9, column: 13, endLine: 9, endColumn: 16, message: 'Role "orders-operator" allows every verb (`*`) on `pods`' }],
    },
    {
      name: 'the full wildcard rule of a ClusterRole reports each field',
      code: ROLE('  - apiGroups:\n      - "*"\n    resources:\n      - "*"\n    verbs:\n      - "*"\n', 'ClusterRole'),
      errors: [
        { messageId: 'wildcardApiGroups', line: 8, column: 9, endColumn: 12, message: 'ClusterRole "orders-operator" grants every verb on every resource in every API group' },
        { messageId: 'wildcardResources', line: 10, column: 9, message: 'grants every verb on every resource (`*`) of every API group' },
        { messageId: 'wildcardVerbs', line: 12, column: 9 },
      ],
    },
    {
      name: 'every resource of the apps group, read-only',
      code: ROLE('  - apiGroups: [apps]\n    resources: ["*"]\n    verbs: [get, list, watch]\n'),
      errors: [{ messageId: 'wildcardResources', line: 8, column: 17, message: 'grants `get`, `list`, `watch` on every resource (`*`) of `apps`' }],
    },
    {
      name: 'Helm: the wildcard is in values.yaml',
      filename: `${CHART}templates/clusterrole.yaml`,
      code: CLUSTER_ROLE_TEMPLATE,
      files: chart('rbac:\n  create: true\n  rules:\n    - apiGroups: [orders.acme.io]\n      resources: [orders]\n      verbs: ["*"]\n'),
      errors: [{ messageId: 'wildcardVerbs', file: `${CHART}values.yaml`, line: 6, column: 15, endColumn: 18 }],
    },
  ],
  evidence: [
    {
      name: 'a scoped role',
      code: ROLE('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, watch]\n'),
      evidence: ['Role "orders-operator" names its API groups, resources and verbs'],
    },
  ],
});
