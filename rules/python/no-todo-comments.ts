import { defineRule } from '../define-rule';
import { todoMarker } from '../support/code-hygiene';

export default defineRule({
  id: 'python/no-todo-comments',
  target: 'python',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Report TODO, FIXME, HACK and XXX markers left in production Python code.',
    rationale: 'Work markers in shipped code are known gaps nobody tracks: missing validation, skipped error paths, temporary workarounds that became permanent.',
    remediation: 'Do the work, or move it to the issue tracker and reference the issue instead of leaving a marker.',
    related: ['pylint:W0511'],
  },
  messages: {
    todo: 'A {{marker}} comment is left in production code ({{text}}), a known gap nobody tracks. Do the work or move it to the issue tracker.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const { node } of doc.captures('(comment) @c')) {
      const found = todoMarker(doc.text(node));
      if (!found) continue;
      const start = node.startIndex + found.index;
      const text = found.text ? `"${found.text.length > 60 ? `${found.text.slice(0, 57)}...` : found.text}"` : 'no details';
      ctx.report({ span: { start, end: start + found.marker.length }, messageId: 'todo', data: { marker: found.marker, text } });
    }
  },
});
