import type { User } from 'dockerfile-ast';
import type { ProjectView } from '../../server/src/engine/project';
import { defineRule } from '../define-rule';
import { deployedContainersOf } from '../k8s/support/deployed-images';
import { developmentOnlyImage } from './support/builders';

const ROOT_USERS = new Set(['root', '0', '0:0', 'root:root', 'root:0', '0:root']);

/**
 * Where Kubernetes forces a non-root user on the image (`k8s/cart.yaml:21`), when every
 * workload of the workspace that runs it does. The image stays root under `docker run`
 * and Compose, so the finding stands; the message only says where it is already covered.
 */
function enforcedNonRootAt(project: ProjectView, dockerfile: string): string | undefined {
  const deployed = deployedContainersOf(project, dockerfile);
  const first = deployed[0];
  if (!first?.nonRoot || !deployed.every((d) => d.nonRoot)) return undefined;
  return `${first.source.path}:${first.source.positionAt(first.nonRoot.start).line + 1}`;
}

export default defineRule({
  id: 'dockerfile/require-non-root-user',
  target: 'dockerfile',
  meta: {
    item: 'container.non-root',
    severity: 'warning',
    description: 'Require the final stage to switch to a non-root user.',
    rationale: 'A process running as root inside the container turns any remote-code bug into root on the container and a short step to the host.',
    remediation: 'Create an unprivileged user in the final stage and add `USER <uid>` before `CMD`/`ENTRYPOINT`.',
    fixable: true,
    related: ['hadolint:DL3002', 'checkov:CKV_DOCKER_3', 'kube-linter:run-as-non-root'],
  },
  messages: {
    noUser:
      'The final stage never sets USER, so the container runs as root and any exploit gets root in it. Add `USER 10001` (an unprivileged uid) before CMD.',
    rootUser:
      'The final stage switches back to {{user}}, so the container runs as root and any exploit gets root in it. Switch to an unprivileged user, e.g. `USER 10001`.',
    noUserOutsideKubernetes:
      'The final stage never sets USER, so the container runs as root wherever it is started without a securityContext (Kubernetes forces a non-root user at {{at}}); add `USER 10001` so the image is safe under `docker run` and Compose too.',
    rootUserOutsideKubernetes:
      'The final stage switches back to {{user}}, so the container runs as root wherever it is started without a securityContext (Kubernetes forces a non-root user at {{at}}); switch to `USER 10001` so the image is safe under `docker run` and Compose too.',
  },
  check(ctx) {
    const stage = ctx.doc.finalStage;
    if (!stage) return;
    const users = ctx.doc.instructions('USER', stage) as User[];
    const last = users[users.length - 1];
    if (!last) {
      // A stage built on an earlier stage inherits that stage's USER.
      let parent = stage.parentStage;
      while (parent) {
        const inherited = ctx.doc.instructions('USER', parent) as User[];
        const lastInherited = inherited[inherited.length - 1];
        if (lastInherited) {
          const name = lastInherited.getArgumentsContent()?.trim() ?? '';
          if (!ROOT_USERS.has(name.toLowerCase())) {
            ctx.evidence({ span: ctx.doc.span(lastInherited.getRange()), note: `USER ${name} (inherited by the final stage)` });
            return;
          }
          break;
        }
        parent = parent.parentStage;
      }
      // A live-reload image only a developer's Compose setup builds never ships.
      if (developmentOnlyImage(ctx.project, ctx.source.path, stage.name)) return;
      const anchor = ctx.doc.instructions('CMD', stage)[0] ?? ctx.doc.instructions('ENTRYPOINT', stage)[0];
      const insertAt = anchor ? ctx.source.lineStart(anchor.getRange().start.line) : ctx.source.text.length;
      const prefix = !anchor && !ctx.source.text.endsWith('\n') && ctx.source.text.length > 0 ? ctx.source.eol : '';
      const at = enforcedNonRootAt(ctx.project, ctx.source.path);
      ctx.report({
        span: ctx.doc.span(stage.from.getRange()),
        ...(at ? { messageId: 'noUserOutsideKubernetes', data: { at } } : { messageId: 'noUser' }),
        fix: {
          title: anchor ? `Add USER 10001 before ${anchor.getKeyword()}` : 'Add USER 10001 at the end of the final stage',
          edits: [{ span: { start: insertAt, end: insertAt }, text: `${prefix}USER 10001${ctx.source.eol}` }],
        },
      });
      return;
    }
    const name = last.getArgumentsContent()?.trim() ?? '';
    if (ROOT_USERS.has(name.toLowerCase())) {
      if (developmentOnlyImage(ctx.project, ctx.source.path, stage.name)) return;
      const argsRange = last.getArgumentsRange();
      const span = ctx.doc.span(last.getRange());
      const at = enforcedNonRootAt(ctx.project, ctx.source.path);
      ctx.report({
        span,
        ...(at ? { messageId: 'rootUserOutsideKubernetes', data: { user: name, at } } : { messageId: 'rootUser', data: { user: name } }),
        fix: argsRange
          ? { title: 'Switch to USER 10001', edits: [{ span: ctx.doc.span(argsRange), text: '10001' }] }
          : undefined,
      });
      return;
    }
    ctx.evidence({ span: ctx.doc.span(last.getRange()), note: `USER ${name}` });
  },
});
