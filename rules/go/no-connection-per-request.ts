import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { enclosingHandler, insideLoop, packageCalls, packageLiterals } from './support/go';

/** Constructors of pooled clients: each opens (or can open) connections of its own. */
const CONSTRUCTORS: ReadonlyArray<{ path: string; names: readonly string[]; label: string }> = [
  { path: 'database/sql', names: ['Open', 'OpenDB'], label: 'sql' },
  { path: 'github.com/jmoiron/sqlx', names: ['Open', 'Connect', 'MustConnect'], label: 'sqlx' },
  { path: 'github.com/jackc/pgx/v5', names: ['Connect', 'ConnectConfig'], label: 'pgx' },
  { path: 'github.com/jackc/pgx/v4', names: ['Connect', 'ConnectConfig'], label: 'pgx' },
  { path: 'github.com/jackc/pgx/v5/pgxpool', names: ['New', 'NewWithConfig'], label: 'pgxpool' },
  { path: 'github.com/jackc/pgx/v4/pgxpool', names: ['Connect', 'ConnectConfig'], label: 'pgxpool' },
  { path: 'github.com/redis/go-redis/v9', names: ['NewClient', 'NewClusterClient', 'NewUniversalClient'], label: 'redis' },
  { path: 'github.com/go-redis/redis/v8', names: ['NewClient', 'NewClusterClient', 'NewUniversalClient'], label: 'redis' },
  { path: 'google.golang.org/grpc', names: ['Dial', 'DialContext', 'NewClient'], label: 'grpc' },
  { path: 'go.mongodb.org/mongo-driver/mongo', names: ['Connect', 'NewClient'], label: 'mongo' },
];

export default defineRule({
  id: 'go/no-connection-per-request',
  target: 'go',
  meta: {
    item: 'reliability.connection-pooling',
    severity: 'warning',
    description: 'Disallow creating database, cache, gRPC and HTTP clients inside handlers or loops.',
    rationale:
      '`sql.Open`, `redis.NewClient`, `grpc.Dial` and `http.Client` each own a connection pool; one per request or per iteration pays a TCP and TLS handshake every time, defeats keep-alive and can exhaust the database\'s connection limit under load.',
    remediation: 'Create the client once at start-up (in `main` or a constructor), share it through a struct field or closure, and close it on shutdown.',
    related: [],
  },
  messages: {
    perRequest: '`{{call}}` creates a new {{label}} client {{where}}, so every {{unit}} opens fresh connections instead of reusing a pool. Create it once at start-up and pass it in.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const creations: Array<{ node: Node; call: string; label: string }> = [];
    for (const c of CONSTRUCTORS) {
      for (const { call } of packageCalls(doc, c.path, c.names)) creations.push({ node: call, call: `${doc.text(call.childForFieldName('function') ?? call)}`, label: c.label });
    }
    for (const literal of packageLiterals(doc, 'net/http', 'Client')) creations.push({ node: literal, call: `${doc.text(literal.childForFieldName('type') ?? literal)}{}`, label: 'HTTP' });
    creations.sort((a, b) => a.node.startIndex - b.node.startIndex);
    for (const { node, call, label } of creations) {
      const handler = enclosingHandler(doc, node);
      const loop = insideLoop(node);
      if (!handler && !loop) {
        ctx.evidence({ span: doc.span(node), note: `${call} creates a shared ${label} client outside handlers and loops` });
        continue;
      }
      ctx.report({
        span: doc.span(node),
        messageId: 'perRequest',
        data: { call, label, where: handler ? 'inside an HTTP handler' : 'inside a loop', unit: handler ? 'request' : 'iteration' },
      });
    }
  },
});
