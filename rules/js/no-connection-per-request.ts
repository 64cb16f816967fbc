import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { defineRule } from '../define-rule';
import { bindingsOf, calls, callsExport, enclosingHandler, enclosingLoop, FUNCTION_TYPES, news, type Bindings, type CallLike } from './support/estree';

/** Client constructors and factories by module: `new` or a call, and the export that opens connections. */
const CLIENTS: ReadonlyArray<{ module: string; exports: string[]; isNew: boolean; label: string }> = [
  { module: 'pg', exports: ['Pool', 'Client'], isNew: true, label: 'pg' },
  { module: 'mysql2', exports: ['createConnection', 'createPool'], isNew: false, label: 'mysql2' },
  { module: 'mysql2/promise', exports: ['createConnection', 'createPool'], isNew: false, label: 'mysql2' },
  { module: 'mysql', exports: ['createConnection', 'createPool'], isNew: false, label: 'mysql' },
  { module: 'mongodb', exports: ['MongoClient'], isNew: true, label: 'MongoDB' },
  { module: 'redis', exports: ['createClient'], isNew: false, label: 'Redis' },
  { module: 'ioredis', exports: ['Redis', 'Cluster'], isNew: true, label: 'Redis' },
];

export default defineRule({
  id: 'js/no-connection-per-request',
  target: 'js',
  meta: {
    item: 'reliability.connection-pooling',
    severity: 'warning',
    description: 'Disallow creating database and cache clients inside request handlers and loops.',
    rationale:
      'A client created per request or per item opens new TCP and TLS connections and authenticates every time: latency goes up, the database runs out of connection slots under load, and clients that are never closed leak sockets until the process dies.',
    remediation:
      'Create the pool or client once at start-up (module scope or the application context), share it, and close it on shutdown.',
    fixable: false,
    related: [],
  },
  messages: {
    perRequest:
      'A {{client}} client is created inside a request handler, so every request opens new connections and the database runs out of slots under load. Create it once at start-up and share it.',
    perIteration:
      'A {{client}} client is created inside a loop, opening new connections for every item. Create it once before the loop, or once at start-up, and reuse it.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const known = CLIENTS.map((c) => ({ ...c, bindings: bindingsOf(doc, c.module) })).filter((c) => c.bindings.whole.size + c.bindings.named.size > 0);
    if (known.length === 0) return;
    const matches: Array<{ call: CallLike; client: (typeof known)[number] }> = [];
    for (const isNew of [true, false]) {
      const clients = known.filter((c) => c.isNew === isNew);
      if (clients.length === 0) continue;
      for (const { node: call, path } of isNew ? news(doc) : calls(doc)) {
        const client = clients.find((c) => c.exports.some((e) => callsExport(path, c.bindings, e) || isDefaultConstructor(call, c)));
        if (client) matches.push({ call, client });
      }
    }
    // In source order; the sort is stable, so calls starting together keep the order above.
    matches.sort((a, b) => a.call.range[0] - b.call.range[0]);
    for (const { call, client } of matches) {
      const data = { client: client.label };
      if (enclosingHandler(doc, call)) ctx.report({ span: doc.span(call), messageId: 'perRequest', data });
      else if (enclosingLoop(doc, call)) ctx.report({ span: doc.span(call), messageId: 'perIteration', data });
      else if (!doc.ancestor(call, FUNCTION_TYPES as TSESTree.Node['type'][])) ctx.evidence({ span: doc.span(call), note: `${client.label} client created once at module scope` });
    }
  },
});

/** `import Redis from 'ioredis'; new Redis()`: the default export is the client class. */
function isDefaultConstructor(call: CallLike, client: { module: string; isNew: boolean; bindings: Bindings }): boolean {
  return client.module === 'ioredis' && call.type === 'NewExpression' && call.callee.type === 'Identifier' && client.bindings.whole.has(call.callee.name);
}
