import { defineRule } from '../define-rule';
import { todoMarker } from '../support/code-hygiene';

export default defineRule({
  id: 'js/no-todo-comments',
  target: 'js',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Report TODO, FIXME, HACK and XXX comments left in production code.',
    rationale:
      'Work markers in shipped code are known gaps nobody tracks: a missing check, a shortcut taken under pressure, a bug worked around. Each is a risk accepted without an owner or a date.',
    remediation: 'Do the work, or move it to the issue tracker and reference the issue; keep the comment only when it explains why the code is the way it is.',
    fixable: false,
    related: ['eslint:no-warning-comments'],
  },
  messages: {
    todoComment: 'A {{marker}} comment marks unfinished work in production code{{detail}}. Finish it, or track it in an issue and remove the marker.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const comment of doc.comments) {
      const found = todoMarker(comment.value);
      if (!found) continue;
      // `//` comments start two characters before their value, block comments too (`/*`).
      const start = comment.range[0] + 2 + found.index;
      const end = comment.type === 'Line' ? comment.range[1] : Math.min(comment.range[1] - 2, ctx.source.lineEnd(ctx.source.positionAt(start).line));
      const detail = found.text ? `: "${found.text.slice(0, 80)}"` : '';
      ctx.report({ span: { start, end }, messageId: 'todoComment', data: { marker: found.marker, detail } });
    }
  },
});
