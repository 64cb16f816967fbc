import { defineRule } from '../define-rule';
import { todoMarker } from '../support/code-hygiene';

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
    const doc = ctx.doc;
    for (const { node } of doc.captures('(comment) @c')) {
      const text = doc.text(node);
      const marker = todoMarker(text);
      if (!marker) continue;
      const start = node.startIndex + marker.index;
      ctx.report({
        span: { start, end: start + marker.marker.length },
        messageId: 'marker',
        data: { marker: marker.marker, detail: marker.text ? ` ("${marker.text.length > 60 ? `${marker.text.slice(0, 57)}...` : marker.text}")` : '' },
      });
    }
  },
});
