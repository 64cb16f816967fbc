import { defineRule } from '../define-rule';

/** Catch parameter names that say the exception is dropped on purpose. */
const DELIBERATE_NAMES = new Set(['ignored', 'ignore', 'expected', 'unused']);

export default defineRule({
  id: 'java/no-empty-catch',
  target: 'java',
  meta: {
    item: 'reliability.error-handling',
    severity: 'warning',
    description: 'Disallow catch blocks that swallow the exception without a word.',
    rationale:
      'An empty catch hides failures: the operation silently did not happen, nothing is logged or counted, and the incident shows up later as wrong data with no trace of its cause.',
    remediation:
      'Handle the exception, log it, rethrow it wrapped, or, when ignoring it is right, say why in a comment inside the block (or name the parameter `ignored`).',
    related: ['sonar:S108', 'pmd:EmptyCatchBlock'],
  },
  messages: {
    emptyCatch:
      'This catch block swallows {{type}} without handling or logging it, so the failure disappears. Handle, log or rethrow it, or explain in a comment why it is safe to ignore.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const { node: clause } of doc.captures('(catch_clause) @c')) {
      const body = clause.childForFieldName('body');
      if (!body || body.namedChildCount > 0) continue;
      const parameter = clause.namedChildren.find((c) => c.type === 'catch_formal_parameter');
      const name = parameter?.childForFieldName('name');
      if (name && DELIBERATE_NAMES.has(doc.text(name))) continue;
      const type = parameter?.namedChildren.find((c) => c.type === 'catch_type');
      ctx.report({ span: doc.span(clause), messageId: 'emptyCatch', data: { type: type ? `\`${doc.text(type)}\`` : 'the exception' } });
    }
  },
});
