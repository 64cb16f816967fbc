import { stackOf } from '../../server/src/engine/stack';
import { defineRule } from '../define-rule';
import type { EstreeDocument } from '../../server/src/targets/source/estree-document';
import { calls, findImport, listenCalls, news, nodes } from './support/estree';

/** HTTP frameworks, and the gRPC libraries: a gRPC service is as much a server as an HTTP one. */
const SERVER_FRAMEWORKS = /^(express|fastify|koa|@nestjs\/core|@hapi\/hapi|hapi|restify|polka|@hono\/node-server|h3|@grpc\/grpc-js|grpc)$/;
const GRPC = /^(@grpc\/grpc-js|grpc)$/;

/** `new grpc.Server()` or `server.bindAsync(…)`/`server.bind('0.0.0.0:50051', …)` in a file importing a gRPC library. */
function startsGrpcServer(doc: EstreeDocument): boolean {
  if (!findImport(doc, GRPC)) return false;
  if (news(doc).some(({ path }) => path !== undefined && /(^|\.)Server$/.test(path))) return true;
  return calls(doc).some(({ node, path }) => {
    if (path?.endsWith('.bindAsync')) return true;
    // `.bind` is also Function.prototype.bind: only the legacy grpc form with an address counts.
    const address = node.arguments[0];
    return path?.endsWith('.bind') === true && address?.type === 'Literal' && typeof address.value === 'string' && /:\d+$/.test(address.value);
  });
}
const LOGGERS = ['pino', 'winston', 'bunyan'];
const LEVEL: Record<string, string> = { log: 'info', info: 'info', debug: 'debug', trace: 'trace', warn: 'warn', error: 'error' };

export default defineRule({
  id: 'js/no-console-log',
  target: 'js',
  meta: {
    item: 'observability.structured-logging',
    severity: 'info',
    description: 'Prefer a structured logger to `console` in server code.',
    rationale:
      '`console` writes unstructured lines with no level filter, no timestamps, no request ids and no redaction: log pipelines cannot parse or route them, debug output floods production, and secrets printed while debugging end up in the log store.',
    remediation:
      'Log through pino, winston or bunyan with a level and structured fields (`logger.info({ orderId }, "order created")`), configured once for JSON output in production.',
    fixable: true,
    related: ['eslint:no-console'],
  },
  messages: {
    consoleCall:
      '`console.{{method}}` in server code writes unstructured lines with no level or context that log pipelines can parse. Log through a structured logger such as pino instead.',
  },
  check(ctx) {
    const doc = ctx.doc;
    let loggerImported = false;
    for (const name of LOGGERS) {
      const found = findImport(doc, name);
      if (found) ctx.evidence({ span: doc.span(found.node), note: `structured logging with ${name}` });
      loggerImported ||= found !== undefined;
    }
    // CLI scripts print for a person at a terminal.
    if (doc.source.text.startsWith('#!') || /(^|\/)(bin|scripts?|cli)\//.test(ctx.source.path)) return;
    // The workspace's stack is read only when this file alone does not settle the question.
    const server = listenCalls(doc).length > 0 || startsGrpcServer(doc) || stackOf(ctx.project).has(SERVER_FRAMEWORKS);
    if (!server) return;
    const loggerName = ['logger', 'log'].find((n) =>
      [...nodes(doc, 'ImportSpecifier'), ...nodes(doc, 'ImportDefaultSpecifier')].some((s) => s.local.name === n) ||
      nodes(doc, 'VariableDeclarator').some((d) => d.id.type === 'Identifier' && d.id.name === n && doc.parent(doc.parent(d) ?? d)?.type === 'Program'),
    );
    const loggerDeclared = loggerName !== undefined && (loggerImported || stackOf(ctx.project).has(/^(pino|winston|bunyan)$/));
    for (const { node: call, path = '' } of calls(doc)) {
      const method = /^console\.(\w+)$/.exec(path)?.[1];
      if (!method || !(method in LEVEL)) continue;
      const fix =
        loggerDeclared && loggerName
          ? { title: `Log with ${loggerName}.${LEVEL[method] as string}`, suggestion: true, edits: [{ span: doc.span(call.callee), text: `${loggerName}.${LEVEL[method] as string}` }] }
          : undefined;
      ctx.report({ span: doc.span(call.callee), messageId: 'consoleCall', data: { method }, fix });
    }
  },
});
