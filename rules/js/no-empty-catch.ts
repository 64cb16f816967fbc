import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { defineRule } from '../define-rule';
import { FUNCTION_TYPES, nodes } from './support/estree';

export default defineRule({
  id: 'js/no-empty-catch',
  target: 'js',
  meta: {
    item: 'reliability.error-handling',
    severity: 'warning',
    description: 'Disallow swallowing errors in empty `catch` blocks and empty `.catch()` callbacks.',
    rationale:
      'An error swallowed without a trace turns a failure into wrong behaviour nobody can diagnose: the write that never happened, the retry that never ran. In production the log line is the only witness.',
    remediation:
      'Handle the error (retry, fall back, return an error response), or log it with context and rethrow. When ignoring it is deliberate, say why in a comment inside the block.',
    fixable: false,
    related: ['eslint:no-empty', 'sonarjs:S2486'],
  },
  messages: {
    emptyCatch: 'This `catch` block swallows the error without a trace. Handle or log it, or write a comment in the block saying why ignoring it is safe.',
    emptyPromiseCatch: 'This `.catch()` callback swallows the rejection without a trace. Handle or log it, or write a comment in the callback saying why ignoring it is safe.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const hasComment = (block: TSESTree.Node) => doc.comments.some((c) => c.range[0] >= block.range[0] && c.range[1] <= block.range[1]);
    for (const clause of nodes(doc, 'CatchClause')) {
      if (clause.body.body.length === 0 && !hasComment(clause.body)) ctx.report({ span: doc.span(clause), messageId: 'emptyCatch' });
    }
    for (const call of nodes(doc, 'CallExpression')) {
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'catch') continue;
      const handler = call.arguments[0];
      if (!handler || !FUNCTION_TYPES.includes(handler.type as string)) continue;
      const body = (handler as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression).body;
      const empty = body.type === 'BlockStatement' ? body.body.length === 0 && !hasComment(body) : body.type === 'Identifier' && body.name === 'undefined';
      if (empty) ctx.report({ span: doc.span(handler), messageId: 'emptyPromiseCatch' });
    }
  },
});
