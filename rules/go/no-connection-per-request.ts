import type { Node } from 'web-tree-sitter';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';
import { defineRule } from '../define-rule';
import { enclosingFunction, enclosingHandler, enclosingNamedFunction, insideLoop, keyedFields, packageCalls, packageLiterals, takesContext } from './support/go';

/** Constructors of pooled clients: each opens (or can open) connections of its own. `returns` are the types they give. */
const CONSTRUCTORS: ReadonlyArray<{ path: string; names: readonly string[]; label: string; returns: readonly string[] }> = [
  { path: 'database/sql', names: ['Open', 'OpenDB'], label: 'sql', returns: ['DB'] },
  { path: 'github.com/jmoiron/sqlx', names: ['Open', 'Connect', 'MustConnect'], label: 'sqlx', returns: ['DB'] },
  { path: 'github.com/jackc/pgx/v5', names: ['Connect', 'ConnectConfig'], label: 'pgx', returns: ['Conn'] },
  { path: 'github.com/jackc/pgx/v4', names: ['Connect', 'ConnectConfig'], label: 'pgx', returns: ['Conn'] },
  { path: 'github.com/jackc/pgx/v5/pgxpool', names: ['New', 'NewWithConfig'], label: 'pgxpool', returns: ['Pool'] },
  { path: 'github.com/jackc/pgx/v4/pgxpool', names: ['Connect', 'ConnectConfig'], label: 'pgxpool', returns: ['Pool'] },
  { path: 'github.com/redis/go-redis/v9', names: ['NewClient', 'NewClusterClient', 'NewUniversalClient'], label: 'redis', returns: ['Client', 'ClusterClient', 'UniversalClient'] },
  { path: 'github.com/go-redis/redis/v8', names: ['NewClient', 'NewClusterClient', 'NewUniversalClient'], label: 'redis', returns: ['Client', 'ClusterClient', 'UniversalClient'] },
  { path: 'google.golang.org/grpc', names: ['Dial', 'DialContext', 'NewClient'], label: 'grpc', returns: ['ClientConn'] },
  { path: 'go.mongodb.org/mongo-driver/mongo', names: ['Connect', 'NewClient'], label: 'mongo', returns: ['Client'] },
];

/**
 * Functions run once while the process starts: `main`, `init`, constructors and set-up
 * helpers (`NewStore`, `mustConnGRPC`, `openDB`, `run`), whatever their parameters.
 */
const START_UP = /^(main|init|run|Run|start|Start|serve|Serve)$|^([Nn]ew|[Mm]ust|[Oo]pen|[Cc]onnect|[Dd]ial|[Ii]nit|[Ss]etup|[Pp]rovide|[Bb]ootstrap)([A-Z_\d]|$)/;

/** Expressions a created client passes through on its way to the statement that keeps it. */
const WRAPPERS = new Set(['unary_expression', 'parenthesized_expression', 'expression_list', 'literal_element', 'keyed_element', 'literal_value', 'composite_literal']);

interface Creation {
  node: Node;
  /** How it reads in the message: `grpc.DialContext`, `http.Client{}`. */
  call: string;
  /** What it creates: "grpc client", "HTTP transport". */
  what: string;
  /** The types the constructor returns, as written in the file (`grpc.ClientConn`), to recognise a function that hands the client out. */
  returns: readonly string[];
  /**
   * False for an `http.Client{}` without a transport of its own: it sends through
   * `http.DefaultTransport`, whose pool every client shares, so one per request is cheap.
   */
  ownsPool: boolean;
}

export default defineRule({
  id: 'go/no-connection-per-request',
  target: 'go',
  meta: {
    item: 'reliability.connection-pooling',
    severity: 'warning',
    description: 'Disallow creating database, cache, gRPC and HTTP clients inside handlers, loops and functions run per call.',
    rationale:
      '`sql.Open`, `redis.NewClient`, `grpc.Dial` and an `http.Transport` each own a connection pool; one per request or per iteration pays a TCP and TLS handshake every time, defeats keep-alive and can exhaust the database\'s connection limit under load.',
    remediation: 'Create the client once at start-up (in `main` or a constructor), share it through a struct field or closure, and close it on shutdown.',
    related: [],
  },
  messages: {
    perRequest: '`{{call}}` creates a new {{what}} {{where}}, so every {{unit}} opens fresh connections instead of reusing a pool. Create it once at start-up and pass it in.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const creation of creations(doc)) {
      const { node, call, what } = creation;
      const handler = enclosingHandler(doc, node);
      const loop = !handler && insideLoop(node);
      if (handler || loop) {
        if (creation.ownsPool) ctx.report({ span: doc.span(node), messageId: 'perRequest', data: { call, what, where: handler ? 'inside an HTTP handler' : 'inside a loop', unit: handler ? 'request' : 'iteration' } });
        continue;
      }
      if (!enclosingFunction(doc, node)) {
        ctx.evidence({ span: doc.span(node), note: `${call} creates a shared ${what} at package level` });
        continue;
      }
      // A closure in a package-level variable has no name to go by: left alone.
      const fn = enclosingNamedFunction(doc, node);
      if (!fn) continue;
      const name = fn.childForFieldName('name')?.text ?? '';
      if (START_UP.test(name)) {
        ctx.evidence({ span: doc.span(node), note: `${call} creates a shared ${what} in ${name}` });
        continue;
      }
      // A function taking a context runs per request or call (a gRPC method and what it calls),
      // unless it hands the client out or keeps it for the next call.
      if (!creation.ownsPool || !takesContext(doc, fn) || keptBeyondCall(doc, creation, fn)) continue;
      ctx.report({
        span: doc.span(node),
        messageId: 'perRequest',
        data: { call, what, where: `in \`${name}\`, which takes a \`context.Context\` and so runs per call, not once at start-up`, unit: 'call' },
      });
    }
  },
});

function creations(doc: SyntaxDocument): Creation[] {
  const out: Creation[] = [];
  for (const c of CONSTRUCTORS) {
    for (const { call } of packageCalls(doc, c.path, c.names)) {
      const fn = call.childForFieldName('function');
      const alias = fn?.childForFieldName('operand')?.text ?? '';
      out.push({ node: call, call: doc.text(fn ?? call), what: `${c.label} client`, returns: c.returns.map((t) => `${alias}.${t}`), ownsPool: true });
    }
  }
  const transportsOfClients = new Set<number>();
  for (const literal of packageLiterals(doc, 'net/http', 'Client')) {
    const type = doc.text(literal.childForFieldName('type') ?? literal);
    const transport = keyedFields(literal).get('Transport')?.value;
    const own = transport !== undefined && ownTransport(doc, transport);
    if (own && transport) transportsOfClients.add(unwrapped(transport).id);
    out.push({ node: literal, call: `${type}{}`, what: own ? 'HTTP client with its own transport' : 'HTTP client', returns: [type], ownsPool: own });
  }
  for (const literal of packageLiterals(doc, 'net/http', 'Transport')) {
    if (transportsOfClients.has(literal.id)) continue;
    const type = doc.text(literal.childForFieldName('type') ?? literal);
    out.push({ node: literal, call: `${type}{}`, what: 'HTTP transport', returns: [type], ownsPool: true });
  }
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

function unwrapped(node: Node): Node {
  return node.type === 'unary_expression' ? (node.childForFieldName('operand') ?? node) : node;
}

/** `Transport: &http.Transport{…}` or `Transport: http.DefaultTransport.(*http.Transport).Clone()`: a pool of the client's own. */
function ownTransport(doc: SyntaxDocument, value: Node): boolean {
  const node = unwrapped(value);
  if (node.type === 'composite_literal') return /(^|\.)Transport$/.test(doc.text(node.childForFieldName('type') ?? node));
  return node.type === 'call_expression' && /\.Clone$/.test(doc.text(node.childForFieldName('function') ?? node));
}

/**
 * Whether the client outlives the call: returned (`return conn, nil`, `return &Store{db: db}`),
 * kept in a field, a map or through a pointer (`s.conn = conn`, `*conn, err = grpc.Dial(…)`), or
 * the function's results name its type.
 */
function keptBeyondCall(doc: SyntaxDocument, creation: Creation, fn: Node): boolean {
  const result = fn.childForFieldName('result');
  if (result && creation.returns.some((t) => doc.text(result).includes(t))) return true;
  let current = creation.node;
  while (current.parent && WRAPPERS.has(current.parent.type)) current = current.parent;
  const statement = current.parent;
  if (!statement) return false;
  if (statement.type === 'return_statement') return true;
  // The client is the first target: constructors return `(client, error)`.
  let target: Node | null | undefined;
  if (statement.type === 'short_var_declaration' || statement.type === 'assignment_statement') target = statement.childForFieldName('left')?.namedChild(0);
  else if (statement.type === 'var_spec') target = statement.childForFieldName('name');
  if (target?.type === 'selector_expression' || target?.type === 'unary_expression' || target?.type === 'index_expression') return true;
  if (target?.type !== 'identifier' || target.text === '_') return false;
  const name = target.text;
  // Where the variable goes next: handed back, or stored in a field or map for later calls; as
  // itself or inside a literal (`&Store{db: db}`), not as an argument of a call (`s.write(db)`).
  const holds = (expression: Node | null) =>
    expression !== null &&
    expression.descendantsOfType('identifier').some((id) => {
      if (id?.text !== name) return false;
      for (let up = id.parent; up && up.id !== expression.id; up = up.parent) if (!WRAPPERS.has(up.type)) return false;
      return true;
    });
  for (const { node } of doc.captures('[(return_statement) (assignment_statement left: (expression_list [(selector_expression) (index_expression)]))] @kept', fn)) {
    if (holds(node.type === 'return_statement' ? node.namedChild(0) : node.childForFieldName('right'))) return true;
  }
  return false;
}
