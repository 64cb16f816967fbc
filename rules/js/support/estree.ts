/**
 * ESTree helpers shared by the `js/*` rules: literal values, object options, imports
 * and `require`s, route handlers of express/fastify/koa/Nest, server `listen` calls and
 * signal handlers.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPath, type EsNode, type EstreeDocument } from '../../../server/src/targets/source/estree-document';

export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export const FUNCTION_TYPES: readonly string[] = ['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration'];

/** Node type names as strings (`'CallExpression'`), the values of typescript-estree's node type enum. */
export type NodeType = `${EsNode['type']}`;
export type NodeOfType<K extends NodeType> = Extract<EsNode, { type: K }>;

/** Every node of a type, by its name as a string: `nodes(doc, 'CallExpression')`. */
export function nodes<K extends NodeType>(doc: EstreeDocument, type: K): Array<NodeOfType<K>> {
  return doc.ofType(type as unknown as EsNode['type']) as unknown as Array<NodeOfType<K>>;
}

/** The value of a string literal or of a template literal without substitutions. */
export function stringValue(node: EsNode | undefined | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return stringValue(node.expression);
  return undefined;
}

/** The name of a property key written as an identifier or a string (`password:`, `'x-api-key':`). */
export function keyName(key: EsNode, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** A property of an object literal by name. */
export function property(object: EsNode | undefined, name: string): TSESTree.Property | undefined {
  if (object?.type !== 'ObjectExpression') return undefined;
  for (const p of object.properties) if (p.type === 'Property' && keyName(p.key, p.computed) === name) return p;
  return undefined;
}

/** An object literal argument, unwrapping `x as Options`. */
export function objectArg(node: EsNode | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  if (node.type === 'ObjectExpression') return node;
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return objectArg(node.expression);
  return undefined;
}

/** A call or `new` with the dotted path of its callee (`memberPath`): `app.get`, `process.on`. */
export interface Call<T extends CallLike = TSESTree.CallExpression> {
  readonly node: T;
  readonly path: string | undefined;
}

/** Every call of the file with its callee's path, in source order: most rules look at every call's path. */
export function calls(doc: EstreeDocument): ReadonlyArray<Call> {
  return doc.memo('js:calls', () => nodes(doc, 'CallExpression').map((node) => ({ node, path: memberPath(node.callee) })));
}

/** Every `new` of the file with its callee's path, in source order. */
export function news(doc: EstreeDocument): ReadonlyArray<Call<TSESTree.NewExpression>> {
  return doc.memo('js:news', () => nodes(doc, 'NewExpression').map((node) => ({ node, path: memberPath(node.callee) })));
}

/** Every call, then every `new`. */
export function callsAndNews(doc: EstreeDocument): ReadonlyArray<Call<CallLike>> {
  return doc.memo('js:calls-and-news', () => [...calls(doc), ...news(doc)]);
}

/** `require('m')` calls with a string argument. */
function requireCalls(doc: EstreeDocument): ReadonlyArray<{ call: TSESTree.CallExpression; module: string }> {
  return doc.memo('js:require-calls', () => {
    const out: Array<{ call: TSESTree.CallExpression; module: string }> = [];
    for (const call of nodes(doc, 'CallExpression')) {
      if (call.callee.type !== 'Identifier' || call.callee.name !== 'require') continue;
      const module = stringValue(call.arguments[0]);
      if (module !== undefined) out.push({ call, module });
    }
    return out;
  });
}

/** The module a file imports or requires, with where (the import or the `require` call). */
export function moduleImports(doc: EstreeDocument): ReadonlyArray<{ module: string; node: EsNode }> {
  return doc.memo('js:module-imports', () => {
    const out: Array<{ module: string; node: EsNode }> = [];
    for (const decl of nodes(doc, 'ImportDeclaration')) out.push({ module: decl.source.value, node: decl });
    for (const { call, module } of requireCalls(doc)) out.push({ module, node: call });
    for (const expr of nodes(doc, 'ImportExpression')) {
      const name = stringValue(expr.source);
      if (name !== undefined) out.push({ module: name, node: expr });
    }
    for (const decl of nodes(doc, 'TSImportEqualsDeclaration')) {
      const ref = decl.moduleReference;
      if (ref.type === 'TSExternalModuleReference') {
        const name = stringValue(ref.expression);
        if (name !== undefined) out.push({ module: name, node: decl });
      }
    }
    return out;
  });
}

/** The first import of a module matching the name (`node:` prefix ignored) or pattern. */
export function findImport(doc: EstreeDocument, name: string | RegExp): { module: string; node: EsNode } | undefined {
  const matches = (module: string) => {
    const bare = module.replace(/^node:/, '');
    return typeof name === 'string' ? bare === name : name.test(bare);
  };
  return moduleImports(doc).find((i) => matches(i.module));
}

/** The local names bound to a module: see `bindingsOf`. */
export interface Bindings {
  readonly whole: ReadonlySet<string>;
  readonly named: ReadonlyMap<string, string>;
}

const NO_BINDINGS: Bindings = { whole: new Set(), named: new Map() };

/**
 * The local names a module is bound to: `whole` holds default, namespace and
 * `const x = require('m')` bindings, `named` maps local names to imported ones
 * (`import { decode as d }`, `const { decode } = require('m')`). The `node:` prefix is
 * ignored.
 */
export function bindingsOf(doc: EstreeDocument, name: string): Bindings {
  return allBindings(doc).get(name) ?? NO_BINDINGS;
}

/** The bindings of every module the file imports, found in one pass for all rules. */
function allBindings(doc: EstreeDocument): ReadonlyMap<string, Bindings> {
  return doc.memo('js:bindings', () => {
    const all = new Map<string, { whole: Set<string>; named: Map<string, string> }>();
    const of = (module: string) => {
      const bare = module.replace(/^node:/, '');
      let found = all.get(bare);
      if (!found) {
        found = { whole: new Set(), named: new Map() };
        all.set(bare, found);
      }
      return found;
    };
    for (const decl of nodes(doc, 'ImportDeclaration')) {
      if (decl.specifiers.length === 0) continue;
      const { whole, named } = of(decl.source.value);
      for (const spec of decl.specifiers) {
        if (spec.type === 'ImportSpecifier') named.set(spec.local.name, spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value));
        else whole.add(spec.local.name);
      }
    }
    for (const { call, module } of requireCalls(doc)) {
      const parent = doc.parent(call);
      if (parent?.type !== 'VariableDeclarator' || parent.init !== call) continue;
      if (parent.id.type === 'Identifier') of(module).whole.add(parent.id.name);
      else if (parent.id.type === 'ObjectPattern') {
        for (const p of parent.id.properties) {
          if (p.type !== 'Property') continue;
          const imported = keyName(p.key, p.computed);
          const local = p.value.type === 'Identifier' ? p.value.name : undefined;
          if (imported && local) of(module).named.set(local, imported);
        }
      }
    }
    for (const decl of nodes(doc, 'TSImportEqualsDeclaration')) {
      const ref = decl.moduleReference;
      const module = ref.type === 'TSExternalModuleReference' ? stringValue(ref.expression) : undefined;
      if (module !== undefined) of(module).whole.add(decl.id.name);
    }
    return all;
  });
}

/**
 * Whether a call's callee path is `<module>.<fn>` or `<fn>` through the bindings of a
 * module: `jwt.decode(t)`, `decode(t)` after `import { decode } from 'jsonwebtoken'`.
 */
export function callsExport(path: string | undefined, bindings: Bindings, fn: string): boolean {
  if (!path || (bindings.whole.size === 0 && bindings.named.size === 0)) return false;
  const first = path.indexOf('.');
  if (first < 0) return bindings.named.get(path) === fn;
  const second = path.indexOf('.', first + 1);
  if (second < 0) return bindings.whole.has(path.slice(0, first)) && path.slice(first + 1) === fn;
  // `jwt.default.decode` in transpiled code.
  if (path.indexOf('.', second + 1) >= 0) return false;
  return bindings.whole.has(path.slice(0, first)) && path.slice(first + 1, second) === 'default' && path.slice(second + 1) === fn;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);

/**
 * Whether a call registers a route or middleware: `app.get('/x', fn)`, `router.post(…)`,
 * `fastify.put(…)`, `app.use(fn)`, `router.route('/x').get(fn)`. The call must pass a
 * function, and a path first unless it is `use` (so `map.get(key)` is no route).
 */
export function isRouteRegistration(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  if (method === 'route' && call.arguments.length === 1) return property(objectArg(call.arguments[0]), 'handler') !== undefined;
  if (!ROUTE_METHODS.has(method)) return false;
  if (!call.arguments.some((a) => FUNCTION_TYPES.includes(a.type as string))) return false;
  if (method === 'use') return true;
  const first = call.arguments[0];
  if (!first) return false;
  const path = stringValue(first);
  if (path !== undefined) return path.startsWith('/') || path === '*';
  // `router.route('/x').get(fn)`: the path was given to `route`.
  return first.type !== 'Literal' && callee.object.type === 'CallExpression' && memberPath(callee.object.callee)?.endsWith('.route') === true;
}

/** The route handler (a function given to a route registration, or a Nest `@Get()` method) a node is in. */
export function enclosingHandler(doc: EstreeDocument, node: EsNode): FunctionNode | undefined {
  for (let current: EsNode | undefined = doc.parent(node); current; current = doc.parent(current)) {
    if (current.type !== 'ArrowFunctionExpression' && current.type !== 'FunctionExpression' && current.type !== 'FunctionDeclaration') continue;
    const parent = doc.parent(current);
    if (parent?.type === 'CallExpression' && parent.arguments.includes(current as TSESTree.CallExpressionArgument) && isRouteRegistration(parent)) return current;
    // fastify.route({ handler: async (req, reply) => … })
    if (parent?.type === 'Property' && keyName(parent.key, parent.computed) === 'handler') {
      const call = doc.parent(doc.parent(parent) ?? parent);
      if (call?.type === 'CallExpression' && isRouteRegistration(call)) return current;
    }
    if (parent?.type === 'MethodDefinition' && parent.decorators.some((d) => NEST_ROUTE_DECORATORS.has(decoratorName(d) ?? ''))) return current;
  }
  return undefined;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const e = decorator.expression;
  return e.type === 'CallExpression' ? memberPath(e.callee) : memberPath(e);
}

/** The loop statement a node is inside, without crossing a function boundary. */
export function enclosingLoop(doc: EstreeDocument, node: EsNode): EsNode | undefined {
  const loops = ['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement'];
  for (let current = doc.parent(node); current; current = doc.parent(current)) {
    if (FUNCTION_TYPES.includes(current.type as string)) {
      // `items.forEach((x) => …)`, `items.map(async (x) => …)`: a loop by callback.
      const parent = doc.parent(current);
      if (parent?.type === 'CallExpression' && /\.(forEach|map|flatMap)$/.test(memberPath(parent.callee) ?? '')) return parent;
      return undefined;
    }
    if (loops.includes(current.type as string)) return current;
  }
  return undefined;
}

/**
 * Calls that start a server listening: `app.listen(3000)`, `server.listen({ port })`,
 * `http.createServer(app).listen(…)`, `fastify.listen(…)`, Nest `await app.listen(…)`.
 */
export function listenCalls(doc: EstreeDocument): readonly TSESTree.CallExpression[] {
  return doc.memo('js:listen-calls', () =>
    nodes(doc, 'CallExpression').filter((call) => {
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'listen') return false;
      // `emitter.listen()` with nothing to listen on is no server.
      return call.arguments.length > 0 || callee.object.type === 'CallExpression';
    }),
  );
}

const SHUTDOWN_SIGNALS = new Set(['SIGTERM', 'SIGINT']);

/**
 * Signal handling that lets a server drain: `process.on('SIGTERM', …)` (or `once`,
 * `addListener`, SIGINT), Nest `app.enableShutdownHooks()`, `createTerminus(…)`
 * (@godaddy/terminus), `createHttpTerminator(…)`, lightship `createLightship(…)`.
 */
export function shutdownHandlers(doc: EstreeDocument): readonly TSESTree.CallExpression[] {
  return doc.memo('js:shutdown-handlers', () => {
    const found: TSESTree.CallExpression[] = [];
    for (const { node: call, path = '' } of calls(doc)) {
      const handles = /^process\.(on|once|addListener|prependListener)$/.test(path)
        ? SHUTDOWN_SIGNALS.has(stringValue(call.arguments[0]) ?? '')
        : /(^|\.)(enableShutdownHooks|createTerminus|createHttpTerminator|createLightship)$/.test(path);
      if (handles) found.push(call);
    }
    return found;
  });
}
