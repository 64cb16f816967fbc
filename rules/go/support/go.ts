/**
 * Helpers the Go rules share: which local name an import path goes by in a file,
 * calls into a package, keyed fields of composite literals, string literal values,
 * HTTP handler and `main` package detection. All of it reads the tree-sitter-go tree.
 */
import type { Node } from 'web-tree-sitter';
import type { ProjectView } from '../../../server/src/engine/project';
import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The name a package is imported as when the import has no alias: `github.com/jackc/pgx/v5` → `pgx`, `gopkg.in/yaml.v3` → `yaml`. */
export function defaultImportName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1] ?? path;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2] ?? last;
  last = last.replace(/\.v\d+$/, '');
  if (last.startsWith('go-')) last = last.slice(3);
  return last.replace(/[.-]/g, '');
}

interface ImportInfo {
  path: string;
  /** The identifier the file refers to the package by; `.` and `_` imports have none. */
  name: string | undefined;
  node: Node;
}

const importCache = new WeakMap<SyntaxDocument, ImportInfo[]>();

/** The imports of a file, with the local name each goes by. */
export function importsOf(doc: SyntaxDocument): ImportInfo[] {
  let imports = importCache.get(doc);
  if (!imports) {
    imports = [];
    for (const match of doc.matches('(import_spec path: (_) @path) @spec')) {
      const spec = match.captures.find((c) => c.name === 'spec')?.node;
      const pathNode = match.captures.find((c) => c.name === 'path')?.node;
      if (!spec || !pathNode) continue;
      const path = stringValue(doc, pathNode) ?? '';
      const alias = spec.childForFieldName('name');
      const name = !alias ? defaultImportName(path) : alias.type === 'package_identifier' ? doc.text(alias) : undefined;
      imports.push({ path, name, node: spec });
    }
    importCache.set(doc, imports);
  }
  return imports;
}

/** The local name of an imported package (`http`, or `nethttp` for `nethttp "net/http"`); undefined when not imported. */
export function aliasOf(doc: SyntaxDocument, path: string): string | undefined {
  return importsOf(doc).find((i) => i.path === path)?.name;
}

/** The import spec of a package path, or of the first path under a prefix (`github.com/prometheus/client_golang/`). */
export function importOf(doc: SyntaxDocument, path: string): ImportInfo | undefined {
  return importsOf(doc).find((i) => i.path === path || (path.endsWith('/') && i.path.startsWith(path)));
}

export interface PackageCall {
  call: Node;
  /** The selected name: `ListenAndServe` of `http.ListenAndServe(…)`. */
  name: string;
  args: Node[];
}

/** A call `<expression>.<Name>(…)` of the file; its other nodes are read the first time a rule asks. */
interface SelectorCall {
  /** Where the call stands in the query's answer, which the lookups below keep. */
  order: number;
  /** The selected name's node, under the call's `function` selector. */
  field: Node;
  name: string;
  call?: Node;
  receiver?: Node;
  args?: Node[];
}

/**
 * Captures only the selected name: a dense file has a thousand such calls and rules ask
 * about a few names, so the call, receiver and arguments are read from the name on demand.
 */
const SELECTOR_CALLS = '(call_expression function: (selector_expression operand: (_) field: (field_identifier) @name) arguments: (argument_list))';

/** Every `x.Name(…)` call of the file by selected name, read once per file. */
function selectorCalls(doc: SyntaxDocument): Map<string, SelectorCall[]> {
  return doc.memo('go:selector-calls', () => {
    const byName = new Map<string, SelectorCall[]>();
    let order = 0;
    for (const { node: field } of doc.captures(SELECTOR_CALLS)) {
      const name = doc.text(field);
      let list = byName.get(name);
      if (!list) {
        list = [];
        byName.set(name, list);
      }
      list.push({ order: order++, field, name });
    }
    return byName;
  });
}

function callOf(entry: SelectorCall): Node {
  entry.call ??= (entry.field.parent as Node).parent as Node;
  return entry.call;
}

function receiverOf(entry: SelectorCall): Node {
  entry.receiver ??= (entry.field.parent as Node).childForFieldName('operand') as Node;
  return entry.receiver;
}

function argsOf(entry: SelectorCall): Node[] {
  entry.args ??= (callOf(entry).childForFieldName('arguments') as Node).namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return entry.args;
}

/** The call as rules see it, its arguments read only if a rule looks at them. */
function packageCallOf(entry: SelectorCall): PackageCall {
  return {
    call: callOf(entry),
    name: entry.name,
    get args() {
      return argsOf(entry);
    },
  };
}

/** The selector calls of these names (all when omitted) in the order a query gives them, optionally only those under a node. */
function callsNamed(doc: SyntaxDocument, names: Iterable<string> | undefined, under?: Node): SelectorCall[] {
  const index = selectorCalls(doc);
  const lists = names ? [...new Set(names)].map((n) => index.get(n)).filter((l): l is SelectorCall[] => l !== undefined) : [...index.values()];
  const calls = lists.length === 1 ? (lists[0] as SelectorCall[]) : lists.flat().sort((a, b) => a.order - b.order);
  if (!under) return calls;
  // The calls a query under the node would find: those inside its extent.
  const start = under.startIndex;
  const end = under.endIndex;
  return calls.filter((entry) => {
    const call = callOf(entry);
    return call.startIndex >= start && call.endIndex <= end;
  });
}

/** Calls `<alias>.<Name>(…)` of an imported package, for names in `names` (all when omitted). */
export function packageCalls(doc: SyntaxDocument, path: string, names?: ReadonlySet<string> | readonly string[], under?: Node): PackageCall[] {
  const alias = aliasOf(doc, path);
  if (!alias) return [];
  return callsNamed(doc, names, under)
    .filter((entry) => {
      const receiver = receiverOf(entry);
      return doc.text(receiver) === alias && receiver.type === 'identifier';
    })
    .map(packageCallOf);
}

/** Method calls `<anything>.<Name>(…)` for names in `names`, with the receiver expression. */
export function methodCalls(doc: SyntaxDocument, names: ReadonlySet<string>, under?: Node): Array<PackageCall & { receiver: Node }> {
  return callsNamed(doc, names, under).map((entry) => Object.assign(packageCallOf(entry), { receiver: receiverOf(entry) }));
}

/** Composite literals of `<alias>.<Type>{…}` (`http.Server{…}`, `tls.Config{…}`). */
export function packageLiterals(doc: SyntaxDocument, path: string, type: string): Node[] {
  const alias = aliasOf(doc, path);
  if (!alias) return [];
  const literals = doc.memo('go:package-literals', () => {
    const byType = new Map<string, Node[]>();
    for (const { captures } of doc.matches('(composite_literal type: (qualified_type package: (package_identifier) @pkg name: (type_identifier) @type)) @lit')) {
      const pkg = captures.find((c) => c.name === 'pkg')?.node;
      const t = captures.find((c) => c.name === 'type')?.node;
      const lit = captures.find((c) => c.name === 'lit')?.node;
      if (!pkg || !t || !lit) continue;
      const key = `${doc.text(pkg)}.${doc.text(t)}`;
      const list = byType.get(key);
      if (list) list.push(lit);
      else byType.set(key, [lit]);
    }
    return byType;
  });
  return [...(literals.get(`${alias}.${type}`) ?? [])];
}

export interface KeyedField {
  name: string;
  key: Node;
  value: Node;
  element: Node;
}

/** The `Name: value` fields of a composite literal, by name. */
export function keyedFields(literal: Node): Map<string, KeyedField> {
  const fields = new Map<string, KeyedField>();
  const body = literal.childForFieldName('body');
  for (const element of body?.namedChildren ?? []) {
    if (!element || element.type !== 'keyed_element') continue;
    const keyWrapper = element.childForFieldName('key');
    const valueWrapper = element.childForFieldName('value');
    const key = keyWrapper?.type === 'literal_element' ? keyWrapper.namedChild(0) : keyWrapper;
    const value = valueWrapper?.type === 'literal_element' ? valueWrapper.namedChild(0) : valueWrapper;
    if (!key || !value || (key.type !== 'identifier' && key.type !== 'field_identifier')) continue;
    fields.set(key.text, { name: key.text, key, value, element });
  }
  return fields;
}

/** The value of a Go string literal (`"a\tb"`, `` `raw` ``), or undefined for other nodes. */
export function stringValue(doc: SyntaxDocument, node: Node): string | undefined {
  const text = doc.text(node);
  if (node.type === 'raw_string_literal') return text.slice(1, -1);
  if (node.type !== 'interpreted_string_literal') return undefined;
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}

/** The string literals of the file with their values, in document order. */
export function stringLiterals(doc: SyntaxDocument): ReadonlyArray<{ node: Node; value: string }> {
  return doc.memo('go:strings', () => doc.captures('[(interpreted_string_literal) (raw_string_literal)] @s').map(({ node }) => ({ node, value: stringValue(doc, node) ?? '' })));
}

/** The innermost function (declaration, method or literal) around a node. */
export function enclosingFunction(doc: SyntaxDocument, node: Node): Node | undefined {
  const start = node.startIndex;
  const end = node.endIndex;
  // A zero-width node (a missing token) may touch a function it does not stand in.
  if (start === end) return enclosingFunctionByParents(node);
  const functions = functionsOf(doc);
  // Functions nest: the innermost one around the node is the last to start at or before
  // it, or the nearest function around that one which also ends at or after the node.
  // One of the node's very extent is the node itself or inside it: a function has no
  // ancestor nor descendant of its own extent.
  let lo = 0;
  let hi = functions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((functions[mid] as FunctionExtent).start <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; ) {
    const fn = functions[i] as FunctionExtent;
    if (fn.end >= end && !(fn.start === start && fn.end === end)) return fn.node;
    i = fn.outer;
  }
  return undefined;
}

function enclosingFunctionByParents(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (FUNCTION_TYPES.has(current.type)) return current;
  return undefined;
}

interface FunctionExtent {
  node: Node;
  start: number;
  end: number;
  /** The index of the innermost function around this one, -1 for none. */
  outer: number;
}

/** The functions of the file in order of where they start, with their extents and nesting. */
function functionsOf(doc: SyntaxDocument): FunctionExtent[] {
  return doc.memo('go:functions', () => {
    const functions: FunctionExtent[] = doc
      .captures('[(function_declaration) (method_declaration) (func_literal)] @fn')
      .map(({ node }) => ({ node, start: node.startIndex, end: node.endIndex, outer: -1 }))
      .sort((a, b) => a.start - b.start);
    const open: number[] = [];
    functions.forEach((fn, i) => {
      while (open.length > 0 && (functions[open[open.length - 1] as number] as FunctionExtent).end < fn.end) open.pop();
      fn.outer = open[open.length - 1] ?? -1;
      open.push(i);
    });
    return functions;
  });
}

/** Framework request types: `*http.Request` (net/http, chi, gorilla), `*gin.Context`, `echo.Context`, `*fiber.Ctx`. */
const HANDLER_PARAMETERS: ReadonlyArray<{ path: string; type: string }> = [
  { path: 'net/http', type: 'Request' },
  { path: 'github.com/gin-gonic/gin', type: 'Context' },
  { path: 'github.com/labstack/echo/v4', type: 'Context' },
  { path: 'github.com/labstack/echo', type: 'Context' },
  { path: 'github.com/gofiber/fiber/v2', type: 'Ctx' },
  { path: 'github.com/gofiber/fiber/v3', type: 'Ctx' },
];

/**
 * The request parameter's name when the function is an HTTP handler: it takes a
 * `*http.Request`, a gin or echo context or a fiber `*Ctx`. Undefined otherwise.
 */
export function handlerRequestParam(doc: SyntaxDocument, fn: Node): { name: string | undefined; framework: string } | undefined {
  const known = doc.memo('go:handler-params', () => new Map<number, { name: string | undefined; framework: string } | null>());
  let found = known.get(fn.id);
  if (found === undefined) {
    found = requestParam(doc, fn) ?? null;
    known.set(fn.id, found);
  }
  return found ?? undefined;
}

function requestParam(doc: SyntaxDocument, fn: Node): { name: string | undefined; framework: string } | undefined {
  const parameters = fn.childForFieldName('parameters');
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter || parameter.type !== 'parameter_declaration') continue;
    let type = parameter.childForFieldName('type');
    if (type?.type === 'pointer_type') type = type.namedChild(0);
    if (type?.type !== 'qualified_type') continue;
    const pkg = type.childForFieldName('package');
    const name = type.childForFieldName('name');
    if (!pkg || !name) continue;
    const typeName = doc.text(name);
    const pkgName = doc.text(pkg);
    for (const candidate of HANDLER_PARAMETERS) {
      if (typeName === candidate.type && aliasOf(doc, candidate.path) === pkgName) {
        return { name: parameter.childForFieldName('name')?.text, framework: candidate.path };
      }
    }
  }
  return undefined;
}

/** The handler function around a node, if it stands inside one (a closure inside a handler counts). */
export function enclosingHandler(doc: SyntaxDocument, node: Node): Node | undefined {
  for (let fn = enclosingFunction(doc, node); fn; fn = enclosingFunction(doc, fn)) if (handlerRequestParam(doc, fn)) return fn;
  return undefined;
}

/** Whether a node stands inside a `for` loop of the function it is in. */
export function insideLoop(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (FUNCTION_TYPES.has(current.type)) return false;
    if (current.type === 'for_statement') return true;
  }
  return false;
}

/** The declared package name (`main`). */
export function packageName(doc: SyntaxDocument): string | undefined {
  return doc.memo('go:package', () => {
    // Child by child: the clause comes first, and a dense file has hundreds of declarations.
    const root = doc.root;
    for (let i = 0, count = root.namedChildCount; i < count; i++) {
      const child = root.namedChild(i);
      if (child?.type === 'package_clause') return child.namedChild(0)?.text;
    }
    return undefined;
  });
}

/** The top-level function declaration of that name. */
export function topLevelFunction(doc: SyntaxDocument, name: string): Node | undefined {
  return (
    doc.root.namedChildren.find((c) => c?.type === 'function_declaration' && c.childForFieldName('name')?.text === name) ?? undefined
  );
}

/** The directory part of a workspace path. */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The parsed production Go files of the same directory (the same package), the linted one excluded. */
export function siblingFiles(project: ProjectView, path: string): Array<{ path: string; doc: SyntaxDocument }> {
  const dir = dirOf(path);
  const out: Array<{ path: string; doc: SyntaxDocument }> = [];
  for (const file of project.files(['go'])) {
    if (file.path === path || !file.production || dirOf(file.path) !== dir || file.path.endsWith('_test.go')) continue;
    const doc = project.parsed(file.path, 'go');
    if (doc) out.push({ path: file.path, doc });
  }
  return out;
}

/** Framework constructors whose result serves HTTP: `gin.Default()`, `echo.New()`, `fiber.New()`. */
const FRAMEWORK_CONSTRUCTORS: ReadonlyArray<{ path: string; names: readonly string[]; framework: 'gin' | 'echo' | 'fiber' }> = [
  { path: 'github.com/gin-gonic/gin', names: ['Default', 'New'], framework: 'gin' },
  { path: 'github.com/labstack/echo/v4', names: ['New'], framework: 'echo' },
  { path: 'github.com/labstack/echo', names: ['New'], framework: 'echo' },
  { path: 'github.com/gofiber/fiber/v2', names: ['New'], framework: 'fiber' },
  { path: 'github.com/gofiber/fiber/v3', names: ['New'], framework: 'fiber' },
];

/** Variables the file assigns a gin engine, echo instance or fiber app to (`r := gin.Default()`), by name. */
export function frameworkApps(doc: SyntaxDocument): Map<string, 'gin' | 'echo' | 'fiber'> {
  const apps = new Map<string, 'gin' | 'echo' | 'fiber'>();
  for (const constructor of FRAMEWORK_CONSTRUCTORS) {
    for (const { call } of packageCalls(doc, constructor.path, constructor.names)) {
      const list = call.parent;
      const statement = list?.parent;
      if (list?.type !== 'expression_list' || !statement || !['short_var_declaration', 'assignment_statement', 'var_spec'].includes(statement.type)) continue;
      const left = statement.type === 'var_spec' ? statement.childForFieldName('name') : statement.childForFieldName('left')?.namedChild(0);
      if (left?.type === 'identifier') apps.set(left.text, constructor.framework);
    }
  }
  return apps;
}

/** The method that starts serving with each framework's default server: gin `Run`, echo `Start`, fiber `Listen`. */
export const FRAMEWORK_SERVE: Readonly<Record<'gin' | 'echo' | 'fiber', string>> = { gin: 'Run', echo: 'Start', fiber: 'Listen' };

/** `app.Run(…)`-style calls that start a framework's server, with the framework. */
export function frameworkServeCalls(doc: SyntaxDocument, under?: Node): Array<PackageCall & { receiver: Node; framework: 'gin' | 'echo' | 'fiber' }> {
  const apps = frameworkApps(doc);
  if (apps.size === 0) return [];
  return methodCalls(doc, new Set(Object.values(FRAMEWORK_SERVE)), under)
    .map((c) => ({ ...c, framework: apps.get(c.receiver.type === 'identifier' ? c.receiver.text : '') }))
    .filter((c): c is PackageCall & { receiver: Node; framework: 'gin' | 'echo' | 'fiber' } => c.framework !== undefined && FRAMEWORK_SERVE[c.framework] === c.name);
}

export interface LibraryUse {
  /** Import path, or a prefix ending in `/` (`github.com/cenkalti/backoff/`). */
  path: string;
  /** Package functions whose calls are the evidence; the import itself when omitted. */
  names?: readonly string[];
  note: string;
}

/** Where a file uses the libraries of a table: the calls named, or the import. */
export function libraryUses(doc: SyntaxDocument, table: readonly LibraryUse[]): Array<{ node: Node; note: string }> {
  const uses: Array<{ node: Node; note: string }> = [];
  for (const use of table) {
    const spec = importOf(doc, use.path);
    if (!spec) continue;
    if (!use.names) {
      uses.push({ node: spec.node, note: use.note });
      continue;
    }
    for (const { call } of packageCalls(doc, spec.path, use.names)) uses.push({ node: call, note: use.note });
  }
  return uses.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** A Go module of the workspace: the directory of its `go.mod` and the module path it declares. */
export interface GoModule {
  dir: string;
  path: string;
}

/** The module a Go file belongs to: the nearest `go.mod` at or above its directory. */
export function goModuleOf(project: ProjectView, file: string): GoModule | undefined {
  let best: GoModule | undefined;
  for (const manifest of project.files(['package-manifest'])) {
    if (manifest.path !== 'go.mod' && !manifest.path.endsWith('/go.mod')) continue;
    const dir = dirOf(manifest.path);
    if (dir !== '' && file !== dir && !file.startsWith(`${dir}/`)) continue;
    if (best && best.dir.length >= dir.length) continue;
    const declared = /^\s*module\s+"?([^\s"]+)"?/m.exec(project.source(manifest.path)?.text ?? '')?.[1];
    if (declared) best = { dir, path: declared };
  }
  return best;
}

/** The workspace directory of an import path of the module, or undefined for packages from elsewhere. */
export function moduleDirOf(module: GoModule, importPath: string): string | undefined {
  if (importPath === module.path) return module.dir;
  if (!importPath.startsWith(`${module.path}/`)) return undefined;
  const rest = importPath.slice(module.path.length + 1);
  return module.dir === '' ? rest : `${module.dir}/${rest}`;
}

/**
 * The import paths of a Go file read from its text, for following a program's imports
 * through files that need no parse: the imports stand before the first declaration.
 */
export function importPathsOfText(text: string): string[] {
  const end = text.search(/^(func|type|var|const)\b/m);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const paths: string[] = [];
  for (const block of header.matchAll(/\bimport\s*(\([^)]*\)|[^\n]*)/g)) {
    for (const spec of (block[1] ?? '').matchAll(/"([^"\n]+)"|`([^`\n]+)`/g)) paths.push(spec[1] ?? spec[2] ?? '');
  }
  return paths;
}

/** Whether a function's first parameter is a `context.Context`: the mark of code run once per request or call. */
export function takesContext(doc: SyntaxDocument, fn: Node): boolean {
  const context = aliasOf(doc, 'context');
  if (!context) return false;
  const first = fn.childForFieldName('parameters')?.namedChildren.find((p) => p?.type === 'parameter_declaration' || p?.type === 'variadic_parameter_declaration');
  const type = first?.childForFieldName('type');
  return type?.type === 'qualified_type' && type.childForFieldName('package')?.text === context && type.childForFieldName('name')?.text === 'Context';
}

/** The innermost named function (declaration or method) around a node; closures belong to the function they are written in. */
export function enclosingNamedFunction(doc: SyntaxDocument, node: Node): Node | undefined {
  let fn = enclosingFunction(doc, node);
  while (fn && fn.type === 'func_literal') fn = enclosingFunction(doc, fn);
  return fn;
}
