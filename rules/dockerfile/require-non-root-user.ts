import type { User } from 'dockerfile-ast';
import { defineRule } from '../define-rule';

const ROOT_USERS = new Set(['root', '0', '0:0', 'root:root', 'root:0', '0:root']);

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
      const anchor = ctx.doc.instructions('CMD', stage)[0] ?? ctx.doc.instructions('ENTRYPOINT', stage)[0];
      const insertAt = anchor ? ctx.source.lineStart(anchor.getRange().start.line) : ctx.source.text.length;
      const prefix = !anchor && !ctx.source.text.endsWith('\n') && ctx.source.text.length > 0 ? ctx.source.eol : '';
      ctx.report({
        span: ctx.doc.span(stage.from.getRange()),
        messageId: 'noUser',
        fix: {
          title: anchor ? `Add USER 10001 before ${anchor.getKeyword()}` : 'Add USER 10001 at the end of the final stage',
          edits: [{ span: { start: insertAt, end: insertAt }, text: `${prefix}USER 10001${ctx.source.eol}` }],
        },
      });
      return;
    }
    const name = last.getArgumentsContent()?.trim() ?? '';
    if (ROOT_USERS.has(name.toLowerCase())) {
      const argsRange = last.getArgumentsRange();
      const span = ctx.doc.span(last.getRange());
      ctx.report({
        span,
        messageId: 'rootUser',
        data: { user: name },
        fix: argsRange
          ? { title: 'Switch to USER 10001', edits: [{ span: ctx.doc.span(argsRange), text: '10001' }] }
          : undefined,
      });
      return;
    }
    ctx.evidence({ span: ctx.doc.span(last.getRange()), note: `USER ${name}` });
  },
});
