import { defineRule } from '../define-rule';
import { todoFindings } from '../support/todo-comments';

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
    for (const found of todoFindings(ctx.doc, '(comment) @c')) {
      const text = found.excerpt ? `"${found.excerpt}"` : 'no details';
      ctx.report({ span: found.span, messageId: 'todo', data: { marker: found.marker, text } });
    }
  },
});
