import { defineRule } from '../define-rule';
import { todoFindings } from '../support/todo-comments';

export default defineRule({
  id: 'go/no-todo-comments',
  target: 'go',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Flag `TODO`, `FIXME`, `HACK` and `XXX` comments left in production Go code.',
    rationale: 'Work markers in shipped code are known, unfinished work that nobody tracks: the shortcut they describe is in production until someone reads the comment again.',
    remediation: 'Finish the work, or move it to the issue tracker and delete the comment (or link the issue).',
    related: ['godox:godox'],
  },
  messages: {
    marker: 'A `{{marker}}` comment is left in production code{{detail}}. Finish the work or track it in an issue and remove the marker.',
  },
  check(ctx) {
    for (const found of todoFindings(ctx.doc, '(comment) @c')) {
      ctx.report({ span: found.span, messageId: 'marker', data: { marker: found.marker, detail: found.excerpt ? ` ("${found.excerpt}")` : '' } });
    }
  },
});
