import { defineRule } from '../define-rule';
import { bool } from '../../server/src/targets/yaml/nodes';
import { valuesSite } from './support/rendered';
import { containerData, workloads } from './support/workloads';

export default defineRule({
  id: 'k8s/no-privileged-container',
  target: 'k8s',
  meta: {
    item: 'deploy.security-context',
    severity: 'error',
    description: 'Disallow `securityContext.privileged: true` on containers.',
    rationale:
      'A privileged container gets every Linux capability and every device of the node, with no seccomp or AppArmor confinement: whoever compromises it can mount the host disk, load kernel modules and take over the node and every pod on it.',
    remediation:
      'Remove `privileged: true` (in the chart\'s values.yaml for Helm charts) and add only the capabilities the container really needs under `capabilities.add`.',
    fixable: true,
    related: ['kube-linter:privileged-container', 'checkov:CKV_K8S_16', 'pod-security:baseline'],
  },
  messages: {
    privileged:
      'Container {{container}} of {{kind}} {{name}} runs privileged, with every capability and all host devices, so whoever compromises it controls the node. Remove `privileged: true` and add only the capabilities it needs.',
    valuesPrivileged:
      "The chart's default `{{path}}` is true, so container {{container}} of {{kind}} {{name}} runs privileged and whoever compromises it controls the node. Set it to false and add only the capabilities the container needs.",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    for (const workload of list) {
      for (const container of workload.containers) {
        const privileged = rendered.path(container.field, 'securityContext', 'privileged');
        if (privileged.state === 'unknown' || bool(privileged.node) !== true) continue;
        const data = containerData(workload, container);
        const site = valuesSite(privileged);
        if (site) {
          ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesPrivileged', data: { ...data, path: site.path } });
          continue;
        }
        const key = privileged.key;
        const value = privileged.value;
        if (!key || !value) continue;
        ctx.report({
          span: { start: key.span.start, end: value.span.end },
          messageId: 'privileged',
          data,
          fix: { title: 'Set privileged: false (the container loses access to host devices)', edits: [{ span: value.span, text: 'false' }], suggestion: true },
        });
      }
    }
  },
});
