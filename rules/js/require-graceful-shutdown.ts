import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPath, type EstreeDocument } from '../../server/src/targets/source/estree-document';
import type { FixDescriptor } from '../define-rule';
import { defineRule } from '../define-rule';
import { calls, enclosingHandler, listenCalls, shutdownHandlers, stringValue } from './support/estree';

/** How a shutdown hook reads in the checklist. */
function describeHook(call: TSESTree.CallExpression, doc: EstreeDocument): string {
  const path = memberPath(call.callee) ?? '';
  const signal = stringValue(call.arguments[0]);
  if (path.startsWith('process.') && signal) {
    const closes = calls(doc).some(({ node: c, path: p }) => c.range[0] >= call.range[0] && c.range[1] <= call.range[1] && /\.close$/.test(p ?? ''));
    return closes ? `${signal} handler closes the server` : `${signal} handler`;
  }
  if (path.endsWith('enableShutdownHooks')) return 'Nest shutdown hooks enabled';
  return `graceful shutdown with ${path.split('.').pop() as string}`;
}

export default defineRule({
  id: 'js/require-graceful-shutdown',
  target: 'js',
  meta: {
    item: 'reliability.graceful-shutdown',
    severity: 'warning',
    description: 'Require Node.js servers to handle SIGTERM and drain, and forbid `process.exit()` in request handlers.',
    rationale:
      'Orchestrators stop a container with SIGTERM and kill it seconds later. A server that does not handle the signal dies mid-request on every deploy and scale-down: in-flight requests fail, transactions are cut, queued work is lost. `process.exit()` in a handler does the same to every other request in flight.',
    remediation:
      'On SIGTERM (and SIGINT), stop accepting connections with `server.close()`, finish in-flight work, close pools and exit; with Nest call `app.enableShutdownHooks()`. Return an error response from handlers instead of exiting.',
    fixable: true,
    related: ['eslint-plugin-n:no-process-exit'],
  },
  messages: {
    noShutdownHandler:
      'This server starts listening but no production file handles SIGTERM, so every deploy or scale-down kills in-flight requests. Add `process.on("SIGTERM", …)` that closes the server and its pools before exiting.',
    exitInHandler:
      '`process.exit()` in a request handler kills the process with every other request in flight. Return an error response, and let the shutdown handler stop the server.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const hook of shutdownHandlers(doc)) ctx.evidence({ span: doc.span(hook), note: describeHook(hook, doc) });
    for (const { node: call, path } of calls(doc)) {
      if (path === 'process.exit' && enclosingHandler(doc, call)) ctx.report({ span: doc.span(call), messageId: 'exitInHandler' });
    }
    const listens = listenCalls(doc);
    if (listens.length === 0 || shutdownHandlers(doc).length > 0) return;
    const handledElsewhere = ctx.project
      .files(['typescript', 'javascript'])
      .some((f) => {
        if (!f.production || f.path === ctx.source.path) return false;
        const other = ctx.project.parsed(f.path, 'js');
        return other !== undefined && shutdownHandlers(other).length > 0;
      });
    if (handledElsewhere) return;
    for (const listen of listens) ctx.report({ span: doc.span(listen), messageId: 'noShutdownHandler', fix: shutdownFix(doc, listen) });
  },
});

/** After `const server = app.listen(…);` at statement level: a SIGTERM handler that closes it. A suggestion: pools to close are the author's to add. */
function shutdownFix(doc: EstreeDocument, listen: TSESTree.CallExpression): FixDescriptor | undefined {
  let expr: TSESTree.Node = listen;
  let parent = doc.parent(expr);
  if (parent?.type === 'AwaitExpression') {
    expr = parent;
    parent = doc.parent(expr);
  }
  if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier') return undefined;
  const statement = doc.parent(parent);
  if (statement?.type !== 'VariableDeclaration') return undefined;
  const name = parent.id.name;
  const line = doc.source.positionAt(statement.range[0]).line;
  const indent = /^\s*/.exec(doc.source.lineText(line))?.[0] ?? '';
  const text =
    `\n\n${indent}for (const signal of ['SIGTERM', 'SIGINT'] as const) {\n` +
    `${indent}  process.once(signal, () => {\n` +
    `${indent}    ${name}.close(() => process.exit(0));\n` +
    `${indent}  });\n` +
    `${indent}}`;
  const js = /\.(c|m)?jsx?$/i.test(doc.source.path);
  return {
    title: `Close ${name} on SIGTERM and SIGINT`,
    suggestion: true,
    edits: [{ span: { start: statement.range[1], end: statement.range[1] }, text: js ? text.replace(' as const', '') : text }],
  };
}
