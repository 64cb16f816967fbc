import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import { bool, get } from '../../server/src/targets/yaml/nodes';
import { containerInsertion } from './support/edits';
import { valuesSite } from './support/rendered';
import { containerData, workloads } from './support/workloads';

export default defineRule({
  id: 'k8s/require-read-only-root-filesystem',
  target: 'k8s',
  meta: {
    item: 'container.read-only-fs',
    // Defence in depth: it limits what an intruder can do after getting in rather than
    // keeping them out, and many images need work (an emptyDir for /tmp) before they run
    // read-only, so it is reported as hygiene and the checklist item still shows the gap.
    severity: 'info',
    description: 'Require `readOnlyRootFilesystem: true` on every container.',
    rationale:
      'A writable root filesystem lets an intruder download tools, plant a web shell or alter the application in place, and lets a buggy app fill the node\'s disk through its writable layer. Read-only makes every write explicit: only mounted volumes can change.',
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` on each container (in the chart\'s values.yaml for Helm charts) and mount an `emptyDir` at the paths the app must write to, such as /tmp and cache directories.',
    fixable: true,
    related: ['kube-linter:no-read-only-root-fs', 'checkov:CKV_K8S_22'],
  },
  messages: {
    writable:
      'Container {{container}} of {{kind}} {{name}} can write to its root filesystem, so an intruder can drop tools and tamper with the application\'s files. Set `readOnlyRootFilesystem: true` and mount an `emptyDir` where the app must write (/tmp, caches).',
    valuesWritable:
      "The chart's default `{{path}}` does not make the root filesystem read-only, so an intruder in container {{container}} of {{kind}} {{name}} can drop tools and tamper with its files. Set `readOnlyRootFilesystem: true` here and mount an `emptyDir` where the app must write.",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    for (const workload of list) {
      for (const container of workload.containers) {
        // Init containers run once, before the app, and usually exist to write files.
        if (container.container.init) continue;
        const data = containerData(workload, container);
        const context = rendered.field(container.field, 'securityContext');
        const readOnly = rendered.field(context, 'readOnlyRootFilesystem');
        if (context.state === 'unknown' || readOnly.state === 'unknown') continue;
        if (bool(readOnly.node) === true) {
          const where = readOnly.key ?? readOnly.value;
          ctx.evidence({ span: where?.span, source: where?.source, note: `read-only root filesystem on container ${container.label} of ${workload.kind} ${workload.label}` });
          continue;
        }
        const site = (readOnly.node !== undefined ? valuesSite(readOnly) : undefined) ?? valuesSite(context);
        if (site) {
          ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesWritable', data: { ...data, path: site.path } });
          continue;
        }
        if (readOnly.node !== undefined) {
          // Explicitly false (or a value that is not a boolean).
          if (!readOnly.key || !readOnly.value || bool(readOnly.node) !== false) continue;
          ctx.report({
            span: { start: readOnly.key.span.start, end: readOnly.value.span.end },
            messageId: 'writable',
            data,
            fix: { title: 'Set readOnlyRootFilesystem: true (mount an emptyDir where the app writes)', edits: [{ span: readOnly.value.span, text: 'true' }], suggestion: true },
          });
          continue;
        }
        if (context.node === undefined) {
          if (rendered.hidesContent(container.field)) continue;
          const insertion = get(container.container.node, 'securityContext') === undefined ? containerInsertion(ctx.source, container.container.node, ['securityContext:', '  readOnlyRootFilesystem: true']) : undefined;
          ctx.report({
            span: container.container.anchor,
            messageId: 'writable',
            data,
            fix: insertion ? { title: 'Add readOnlyRootFilesystem: true (mount an emptyDir where the app writes)', edits: [insertion], suggestion: true } : undefined,
          });
          continue;
        }
        if (!isMap(context.node) || !context.key || rendered.hidesContent(context)) continue;
        const insertion = containerInsertion(ctx.source, context.node, ['readOnlyRootFilesystem: true']);
        ctx.report({
          span: context.key.span,
          messageId: 'writable',
          data,
          fix: insertion ? { title: 'Add readOnlyRootFilesystem: true (mount an emptyDir where the app writes)', edits: [insertion], suggestion: true } : undefined,
        });
      }
    }
  },
});
