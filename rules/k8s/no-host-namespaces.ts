import { defineRule } from '../define-rule';
import { bool } from '../../server/src/targets/yaml/nodes';
import { valuesSite } from './support/rendered';
import { workloads } from './support/workloads';

const NAMESPACES = {
  hostNetwork: {
    namespace: 'network namespace',
    consequence: "its pods can bind the node's ports, reach services listening on the node's localhost and see its traffic, and NetworkPolicies no longer confine them",
  },
  hostPID: {
    namespace: 'process namespace',
    consequence: 'its containers see every process on the node, with their command lines and, as root, their environment and memory',
  },
  hostIPC: {
    namespace: 'IPC namespace',
    consequence: 'its containers can read and write the shared memory of every process on the node',
  },
} as const;

type NamespaceKey = keyof typeof NAMESPACES;

export default defineRule({
  id: 'k8s/no-host-namespaces',
  target: 'k8s',
  meta: {
    item: 'deploy.security-context',
    severity: 'error',
    description: 'Disallow `hostNetwork`, `hostPID` and `hostIPC` on pod specs.',
    rationale:
      "Sharing the node's network, process or IPC namespace removes the isolation between the pod and the node: a compromised container can sniff and spoof the node's traffic, inspect and signal its processes, or read their shared memory, which is a short step to taking the node over.",
    remediation:
      'Remove `hostNetwork`, `hostPID` and `hostIPC` (in the chart\'s values.yaml for Helm charts). Expose ports through a Service instead of the host network; keep host namespaces for node agents that cannot work without them, and suppress the finding there with a reason.',
    fixable: true,
    related: ['kube-linter:host-network', 'kube-linter:host-pid', 'kube-linter:host-ipc', 'checkov:CKV_K8S_17', 'checkov:CKV_K8S_18', 'checkov:CKV_K8S_19', 'pod-security:baseline'],
  },
  messages: {
    hostNamespace: "{{kind}} {{name}} shares the node's {{namespace}} (`{{key}}: true`), so {{consequence}}. Remove it unless this is a node agent that needs it.",
    valuesHostNamespace:
      "The chart's default `{{path}}` is true, so {{kind}} {{name}} shares the node's {{namespace}} and {{consequence}}. Set it to false unless this is a node agent that needs it.",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    for (const workload of list) {
      for (const key of Object.keys(NAMESPACES) as NamespaceKey[]) {
        const field = rendered.field(workload.pod, key);
        if (field.state === 'unknown' || bool(field.node) !== true) continue;
        const data = { ...workload.data, key, ...NAMESPACES[key] };
        const site = valuesSite(field);
        if (site) {
          ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesHostNamespace', data: { ...data, path: site.path } });
          continue;
        }
        if (!field.key || !field.value) continue;
        ctx.report({
          span: { start: field.key.span.start, end: field.value.span.end },
          messageId: 'hostNamespace',
          data,
          fix: { title: `Set ${key}: false (the pod loses access to the node's ${NAMESPACES[key].namespace})`, edits: [{ span: field.value.span, text: 'false' }], suggestion: true },
        });
      }
    }
  },
});
