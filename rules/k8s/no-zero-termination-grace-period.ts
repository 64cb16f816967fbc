import { defineRule } from '../define-rule';
import { get, num } from '../../server/src/targets/yaml/nodes';
import { valuesSite } from './support/rendered';
import { workloads } from './support/workloads';

export default defineRule({
  id: 'k8s/no-zero-termination-grace-period',
  target: 'k8s',
  meta: {
    item: 'reliability.graceful-shutdown',
    severity: 'warning',
    description: 'Disallow `terminationGracePeriodSeconds: 0` on pod specs.',
    rationale:
      'With a zero grace period Kubernetes kills the pod outright on every rollout, scale-down and node drain: in-flight requests fail, transactions are cut off, queued messages are lost and clients see errors, however well the application handles SIGTERM.',
    remediation:
      'Remove `terminationGracePeriodSeconds: 0` (the default is 30 seconds) or set it above the longest request or job the pod may be running, and make the application drain on SIGTERM.',
    fixable: true,
  },
  messages: {
    zero: '{{kind}} {{name}} sets `terminationGracePeriodSeconds: 0`, so its pods are killed without a chance to finish in-flight requests on every rollout and drain. Give them time to shut down (30 seconds is the default).',
    valuesZero:
      "The chart's default `{{path}}` is 0, so the pods of {{kind}} {{name}} are killed without a chance to finish in-flight requests on every rollout and drain. Give them time to shut down (30 seconds is the default).",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    for (const workload of list) {
      const field = rendered.field(workload.pod, 'terminationGracePeriodSeconds');
      if (field.state === 'unknown') continue;
      if (num(field.node) === 0) {
        const site = valuesSite(field);
        if (site) {
          ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesZero', data: { ...workload.data, path: site.path } });
        } else if (field.key && field.value) {
          ctx.report({
            span: { start: field.key.span.start, end: field.value.span.end },
            messageId: 'zero',
            data: workload.data,
            fix: { title: 'Set terminationGracePeriodSeconds: 30 (the Kubernetes default)', edits: [{ span: field.value.span, text: '30' }] },
          });
        }
        continue;
      }
      // A preStop hook is a deliberate drain step: the pod leaves the endpoints before SIGTERM.
      for (const container of workload.containers) {
        if (container.container.init) continue;
        const preStop = rendered.path(container.field, 'lifecycle', 'preStop');
        if (preStop.state !== 'known' || preStop.node === undefined || num(get(preStop.node, 'sleep', 'seconds')) === 0) continue;
        const where = preStop.key ?? preStop.value;
        ctx.evidence({ span: where?.span, source: where?.source, note: `preStop hook drains container ${container.label} of ${workload.kind} ${workload.label} before SIGTERM` });
      }
    }
  },
});
