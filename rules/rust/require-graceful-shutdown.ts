import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { chainFrom, isTestCode } from './support/syntax';

/** Methods that make a server stop accepting and drain when a future completes. */
const GRACEFUL = new Set(['with_graceful_shutdown', 'serve_with_shutdown', 'serve_with_incoming_shutdown', 'bind_with_graceful_shutdown', 'graceful']);

export default defineRule({
  id: 'rust/require-graceful-shutdown',
  target: 'rust',
  meta: {
    item: 'reliability.graceful-shutdown',
    severity: 'warning',
    description: 'Require Rust HTTP servers (axum, hyper, warp, tonic) to shut down gracefully on SIGTERM.',
    rationale:
      'Orchestrators stop a container with SIGTERM and kill it after a grace period. A server that does not react drops every in-flight request on each deploy, scale-in or node drain.',
    remediation:
      'Serve with `.with_graceful_shutdown(shutdown_signal())` (axum, hyper), `serve_with_shutdown` (tonic) or `bind_with_graceful_shutdown` (warp), where the future completes on `tokio::signal::unix::SignalKind::terminate()` and `ctrl_c()`.',
    fixable: false,
  },
  messages: {
    noGracefulShutdown:
      '`{{server}}` runs until the process is killed, so every deploy drops in-flight requests. Chain `.{{method}}(shutdown_signal())` with a future that completes on SIGTERM.',
    signalsDisabled: '`HttpServer::disable_signals()` turns off actix-web\'s graceful shutdown on SIGTERM, so deploys drop in-flight requests. Remove it or stop the server from your own signal handler.',
  },
  check(ctx) {
    if (!isLiveRustFile(ctx.project, ctx.source.path)) return;
    const doc = ctx.doc;
    const evidenceOnce = (node: Node, note: string): void => {
      if (!seen.has(note)) ctx.evidence({ span: doc.span(node), note });
      seen.add(note);
    };
    const seen = new Set<string>();
    for (const { node } of doc.captures('(call_expression function: [(scoped_identifier) (identifier)] @fn) @call')) {
      if (node.type !== 'call_expression' || isTestCode(doc, node)) continue;
      const fn = node.childForFieldName('function') as Node;
      const path = fn.type === 'scoped_identifier' ? (fn.childForFieldName('path')?.text ?? '') : '';
      const name = fn.type === 'scoped_identifier' ? (fn.childForFieldName('name')?.text ?? '') : fn.text;
      if (/(^|::)signal$/.test(path) && name === 'ctrl_c') evidenceOnce(node, '`tokio::signal` shutdown handling');
      else if (name === 'terminate' && /(^|::)SignalKind$/.test(path)) evidenceOnce(node, '`tokio::signal` shutdown handling');
      const chain = chainFrom(node);
      const methods = chain.map((c) => c.method);
      const graceful = chain.find((c) => GRACEFUL.has(c.method));
      if (graceful) {
        evidenceOnce(graceful.call.childForFieldName('function')?.childForFieldName('field') ?? graceful.call, `graceful shutdown (\`${graceful.method}\`)`);
        continue;
      }
      let server: string | undefined;
      let method = 'with_graceful_shutdown';
      let span: Node | undefined;
      if ((path === 'axum' && name === 'serve') || (path === 'hyper' && name === 'serve')) {
        server = `${path}::serve`;
        span = node;
      } else if (/(^|::)Server$/.test(path) && name === 'bind' && methods.includes('serve')) {
        server = `${path}::bind(…).serve(…)`;
        span = chain.find((c) => c.method === 'serve')?.call;
      } else if (path === 'warp' && name === 'serve' && methods.includes('run')) {
        server = 'warp::serve(…).run(…)';
        method = 'bind_with_graceful_shutdown';
        span = chain.find((c) => c.method === 'run')?.call;
      } else if (/(^|::)Server$/.test(path) && name === 'builder' && methods.includes('serve') && isTonic(doc, path)) {
        server = 'Server::builder()…serve(…)';
        method = 'serve_with_shutdown';
        span = chain.find((c) => c.method === 'serve')?.call;
      } else if (/(^|::)HttpServer$/.test(path) && name === 'new') {
        const disabled = chain.find((c) => c.method === 'disable_signals');
        if (disabled) ctx.report({ span: doc.span(disabled.call.childForFieldName('function')?.childForFieldName('field') ?? disabled.call), messageId: 'signalsDisabled' });
        else if (methods.includes('run')) evidenceOnce(node, 'actix-web `HttpServer` drains on SIGTERM by default');
        continue;
      }
      if (server && span) ctx.report({ span: { start: node.startIndex, end: span.endIndex }, messageId: 'noGracefulShutdown', data: { server, method } });
    }
  },
});

/** `tonic::transport::Server`, or a bare `Server` imported from tonic. */
function isTonic(doc: { captures(pattern: string): Array<{ node: Node }> }, path: string): boolean {
  if (path.startsWith('tonic::')) return true;
  return doc.captures('(use_declaration) @use').some(({ node }) => node.text.includes('tonic') && node.text.includes('Server'));
}
