import { todoFindings } from '../support/todo-comments';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { isTestCode } from './support/syntax';

export default defineRule({
  id: 'rust/no-todo-comments',
  target: 'rust',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Flag `TODO`, `FIXME`, `HACK` and `XXX` comments left in production Rust code.',
    rationale:
      'Work markers in shipped code are known, unfinished work that nobody tracks: the shortcut they describe is in production until someone reads the comment again.',
    remediation: 'Finish the work, or move it to the issue tracker and delete the comment (or link the issue).',
    fixable: false,
    related: ['clippy:todo'],
  },
  messages: {
    marker: 'A `{{marker}}` comment is left in production code{{detail}}. Finish the work or track it in an issue and remove the marker.',
  },
  check(ctx) {
    if (!isLiveRustFile(ctx.project, ctx.source.path)) return;
    for (const found of todoFindings(ctx.doc, '[(line_comment) (block_comment)] @c', (node) => isTestCode(ctx.doc, node))) {
      ctx.report({ span: found.span, messageId: 'marker', data: { marker: found.marker, detail: found.excerpt ? ` ("${found.excerpt}")` : '' } });
    }
  },
});
