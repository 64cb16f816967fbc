import { defineRule } from '../define-rule';
import { bool, num } from '../../server/src/targets/yaml/nodes';
import { valuesSite, type Field, type Known } from './support/rendered';
import { containerData, workloads } from './support/workloads';

export default defineRule({
  id: 'k8s/require-run-as-non-root',
  target: 'k8s',
  meta: {
    item: 'container.non-root',
    severity: 'warning',
    description: 'Require `runAsNonRoot: true` or a non-zero `runAsUser` for every container, on the pod or the container.',
    rationale:
      'Without `runAsNonRoot` the container runs as whatever user its image declares, root for most images, and Kubernetes does not check. Root in a container turns any remote-code bug into control of the container\'s files and secrets and a short step to the node.',
    remediation:
      'Set `runAsNonRoot: true` and an unprivileged `runAsUser` in the pod\'s `securityContext` (or each container\'s; in the chart\'s values.yaml for Helm charts), and build the image with a numeric non-root `USER`.',
    fixable: false,
    related: ['kube-linter:run-as-non-root', 'checkov:CKV_K8S_23', 'checkov:CKV_K8S_40', 'pod-security:restricted'],
  },
  messages: {
    runsAsRoot:
      'Container {{container}} of {{kind}} {{name}} runs as root (`runAsUser: 0`), so any exploit gets root in the container and is a short step from the node. Use an unprivileged uid and set `runAsNonRoot: true`.',
    valuesRunsAsRoot:
      "The chart's default `{{path}}` is 0, so container {{container}} of {{kind}} {{name}} runs as root and any exploit gets root in the container. Use an unprivileged uid and set `runAsNonRoot: true`.",
    missing:
      'Neither container {{container}} of {{kind}} {{name}} nor its pod requires a non-root user, so it runs as whatever user the image says, root for most images. Set `runAsNonRoot: true` (and an unprivileged `runAsUser`) in the securityContext.',
    valuesMissing:
      "The chart's default `{{path}}` sets neither `runAsNonRoot: true` nor a non-zero `runAsUser`, so container {{container}} of {{kind}} {{name}} runs as whatever user its image says, root for most images. Set `runAsNonRoot: true` here.",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    for (const workload of list) {
      const podContext = rendered.field(workload.pod, 'securityContext');
      for (const container of workload.containers) {
        const data = containerData(workload, container);
        const containerContext = rendered.field(container.field, 'securityContext');
        const user = effective(rendered.field(containerContext, 'runAsUser'), rendered.field(podContext, 'runAsUser'));
        const nonRoot = effective(rendered.field(containerContext, 'runAsNonRoot'), rendered.field(podContext, 'runAsNonRoot'));
        const uid = user.state === 'known' ? num(user.node) : undefined;

        if (uid === 0 && user.state === 'known') {
          const site = valuesSite(user);
          if (site) ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesRunsAsRoot', data: { ...data, path: site.path } });
          else if (user.key) ctx.report({ span: user.key.span, messageId: 'runsAsRoot', data });
          continue;
        }
        if (nonRoot.state === 'known' && bool(nonRoot.node) === true) {
          const where = nonRoot.key ?? nonRoot.value;
          ctx.evidence({ span: where?.span, source: where?.source, note: `container ${container.label} of ${workload.kind} ${workload.label} runs with runAsNonRoot: true` });
          continue;
        }
        if (uid !== undefined && uid > 0) {
          const where = (user as Known).key ?? (user as Known).value;
          ctx.evidence({ span: where?.span, source: where?.source, note: `container ${container.label} of ${workload.kind} ${workload.label} runs as uid ${uid}` });
          continue;
        }
        if (user.state === 'unknown' || nonRoot.state === 'unknown' || containerContext.state === 'unknown' || podContext.state === 'unknown') continue;
        // A user that is set but not a number (`{{ .Values.uid }}` left empty aside) cannot be judged.
        if (user.node !== undefined && uid === undefined) continue;

        const site = (nonRoot.node !== undefined ? valuesSite(nonRoot) : undefined) ?? valuesSite(containerContext) ?? valuesSite(podContext);
        if (site) {
          ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesMissing', data: { ...data, path: site.path } });
          continue;
        }
        if (rendered.hidesContent(container.field) || rendered.hidesContent(workload.pod)) continue;
        if (podContext.node !== undefined && rendered.hidesContent(podContext)) continue;
        if (containerContext.node !== undefined && rendered.hidesContent(containerContext)) continue;
        const explicit = nonRoot.node !== undefined ? nonRoot.key : undefined;
        ctx.report({ span: explicit?.span ?? container.container.anchor, messageId: 'missing', data });
      }
    }
  },
});

/** A container setting overrides the pod's. */
function effective(container: Field, pod: Field): Field {
  if (container.state === 'unknown') return container;
  if (container.node !== undefined) return container;
  return pod;
}
