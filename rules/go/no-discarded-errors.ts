import type { Node } from 'web-tree-sitter';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';
import { defineRule } from '../define-rule';
import { aliasOf, enclosingNamedFunction, importsOf, siblingFiles } from './support/go';

/**
 * Calls whose only result is an error in the standard library and the common drivers,
 * so `_ = x.Name(…)` throws the error away. `Close` is left out: `_ = f.Close()` after a
 * read, or in a defer, is the idiom.
 */
const ERROR_ONLY = new Set(['Unmarshal', 'Encode', 'Decode', 'Shutdown', 'Commit', 'Flush', 'Ping', 'PingContext', 'Sync', 'Chmod', 'Remove', 'RemoveAll', 'Rename', 'MkdirAll', 'WriteFile', 'Setenv']);
/** Calls returning `(result, error)` whose both results are discarded with `_, _ =`. */
const RESULT_AND_ERROR = new Set(['Exec', 'ExecContext', 'Query', 'QueryContext', 'Marshal', 'MarshalIndent', 'ReadAll', 'ReadFile', 'Copy']);
/**
 * Package functions returning `(value, error)` whose value is kept and error dropped
 * (`id, _ := uuid.NewRandom()`): UUID generators fail when the system's randomness does,
 * and the zero UUID they give then is the same for every caller.
 */
const VALUE_AND_ERROR: ReadonlyArray<{ path: string; names: ReadonlySet<string> }> = [
  { path: 'github.com/google/uuid', names: new Set(['NewRandom', 'NewUUID', 'NewV6', 'NewV7']) },
  { path: 'github.com/gofrs/uuid', names: new Set(['NewV1', 'NewV4', 'NewV6', 'NewV7']) },
  { path: 'github.com/gofrs/uuid/v5', names: new Set(['NewV1', 'NewV4', 'NewV6', 'NewV7']) },
];

/**
 * Where a `_` is assigned to (`_ = …`, `v, _ := …`): the last target of the statements
 * this rule looks at. Read off the text, which is far cheaper than a query over every
 * assignment of the file, most of which keep all their results.
 */
const BLANK_TARGET = /\b_\s*:?=(?!=)/g;

/** The assignment or declaration whose last target is the `_` at this offset, with the single call on its right. */
function blankAssignment(doc: SyntaxDocument, offset: number): { stmt: Node; left: Node; call: Node; name: Node } | undefined {
  const blank = doc.root.descendantForIndex(offset, offset + 1);
  const left = blank?.parent;
  const stmt = left?.parent;
  if (blank?.type !== 'identifier' || left?.type !== 'expression_list' || !stmt) return undefined;
  if (stmt.type !== 'assignment_statement' && stmt.type !== 'short_var_declaration') return undefined;
  if (stmt.childForFieldName('left')?.id !== left.id || left.lastNamedChild?.id !== blank.id) return undefined;
  const right = stmt.childForFieldName('right');
  const call = right?.namedChildCount === 1 ? right.namedChild(0) : null;
  if (call?.type !== 'call_expression') return undefined;
  const fn = call.childForFieldName('function');
  const name = fn?.type === 'identifier' ? fn : fn?.type === 'selector_expression' ? fn.childForFieldName('field') : null;
  return name ? { stmt, left, call, name } : undefined;
}

export default defineRule({
  id: 'go/no-discarded-errors',
  target: 'go',
  meta: {
    item: 'reliability.error-handling',
    severity: 'warning',
    description: 'Disallow discarding the errors of calls that can fail, and empty `if err != nil {}` branches.',
    rationale:
      'An error thrown away with `_` or an empty branch turns a failed write, commit or shutdown into silent data loss that nobody can see in logs or metrics.',
    remediation: 'Handle the error: return it wrapped with context (`fmt.Errorf("commit: %w", err)`), or log it with the logger the service uses.',
    related: ['errcheck:errcheck', 'gosec:G104', 'staticcheck:SA9003'],
  },
  messages: {
    discarded: 'The error of `{{call}}` is assigned to `_`, so a failure here goes unnoticed. Handle it or return it.',
    emptyBranch: 'This `if {{condition}}` branch is empty, so the error is checked and then ignored. Handle it, return it or log it.',
  },
  check(ctx) {
    const doc = ctx.doc;
    let packageFiles: SyntaxDocument[] | undefined;
    const others = () => (packageFiles ??= siblingFiles(ctx.project, ctx.source.path).map((f) => f.doc));
    for (const found of doc.source.text.matchAll(BLANK_TARGET)) {
      const assigned = blankAssignment(doc, found.index);
      if (!assigned) continue;
      const { stmt, left, call, name: nameNode } = assigned;
      const name = nameNode.text;
      const assignment = stmt.type === 'assignment_statement';
      if (assignment && doc.text(stmt.child(1) ?? stmt) !== '=') continue;
      const targets = left.namedChildren.map((c) => c?.text);
      const allBlank = targets.every((t) => t === '_');
      const known = assignment && allBlank && ((targets.length === 1 && ERROR_ONLY.has(name)) || (targets.length === 2 && RESULT_AND_ERROR.has(name)));
      const discarded =
        known ||
        (targets.length === 2 && isValueAndError(doc, nameNode)) ||
        // `_ = s.Close()` stays the idiom when the package declares the `Close` itself.
        (name !== 'Close' && returnsError(doc, nameNode, call, targets.length, others));
      if (!discarded) continue;
      ctx.report({ span: doc.span(stmt), messageId: 'discarded', data: { call: `${doc.text(call.childForFieldName('function') ?? call)}(…)` } });
    }
    for (const match of doc.matches('(if_statement condition: (binary_expression left: (identifier) @err right: (nil)) @cond consequence: (block) @body) @if')) {
      const get = (n: string) => match.captures.find((c) => c.name === n)?.node;
      const err = get('err');
      const cond = get('cond');
      const body = get('body');
      const stmt = get('if');
      // A comment inside says why it is empty on purpose. Checked first: most branches are not empty.
      if (!body || body.namedChildCount > 0) continue;
      if (!err || !cond || !stmt || !/^err$|Err$|^err[A-Z]/.test(err.text) || doc.text(cond.child(1) ?? cond) !== '!=') continue;
      ctx.report({ span: { start: stmt.startIndex, end: cond.endIndex }, messageId: 'emptyBranch', data: { condition: doc.text(cond) } });
    }
  },
});

/** `uuid.NewRandom()` and the like, called through the package's import. */
function isValueAndError(doc: SyntaxDocument, name: Node): boolean {
  const operand = name.parent?.type === 'selector_expression' ? name.parent.childForFieldName('operand') : null;
  if (operand?.type !== 'identifier') return false;
  return VALUE_AND_ERROR.some((p) => p.names.has(name.text) && aliasOf(doc, p.path) === operand.text);
}

/** A function or method of the file: its receiver's type (none for a function), and its results. */
interface Declared {
  receiverType: string | undefined;
  results: number;
  endsInError: boolean;
}

/** The functions and methods the file declares, by name. */
function declarations(doc: SyntaxDocument): ReadonlyMap<string, readonly Declared[]> {
  return doc.memo('go:declared-results', () => {
    const byName = new Map<string, Declared[]>();
    const root = doc.root;
    for (let i = 0, count = root.namedChildCount; i < count; i++) {
      const decl = root.namedChild(i);
      if (decl?.type !== 'function_declaration' && decl?.type !== 'method_declaration') continue;
      const name = decl.childForFieldName('name')?.text;
      if (!name) continue;
      const entry = { receiverType: decl.type === 'method_declaration' ? receiverTypeOf(decl) : undefined, ...resultsOf(decl) };
      const list = byName.get(name);
      if (list) list.push(entry);
      else byName.set(name, [entry]);
    }
    return byName;
  });
}

/** The type name of a method's receiver: `checkout` for `(cs *checkout)` and `(s *Set[T])`. */
function receiverTypeOf(method: Node): string | undefined {
  let type = method.childForFieldName('receiver')?.namedChildren.find((p) => p?.type === 'parameter_declaration')?.childForFieldName('type');
  if (type?.type === 'pointer_type') type = type.namedChild(0);
  if (type?.type === 'generic_type') type = type.childForFieldName('type');
  return type?.type === 'type_identifier' ? type.text : undefined;
}

/** How many results a declaration has and whether the last is an `error`. */
function resultsOf(decl: Node): { results: number; endsInError: boolean } {
  const result = decl.childForFieldName('result');
  if (!result) return { results: 0, endsInError: false };
  if (result.type !== 'parameter_list') return { results: 1, endsInError: result.type === 'type_identifier' && result.text === 'error' };
  let results = 0;
  let last: Node | null = null;
  for (const parameter of result.namedChildren) {
    if (parameter?.type !== 'parameter_declaration') continue;
    // `(a, b int, err error)` declares three.
    results += Math.max(1, parameter.childrenForFieldName('name').length);
    last = parameter.childForFieldName('type');
  }
  return { results, endsInError: last?.type === 'type_identifier' && last.text === 'error' };
}

/**
 * Whether the call is of a function or method of this package whose declared results
 * end in `error`, as many as the assignment's targets. Only a declaration found counts:
 * a function call by its name; a method call on the receiver of the method it is made in
 * by that receiver's type (`cs.emptyUserCart(…)` in a method of `*checkoutService`); any
 * other method call only by an unexported name (no other package can have declared it)
 * that every method of that name in the package agrees on.
 */
function returnsError(doc: SyntaxDocument, name: Node, call: Node, targets: number, others: () => SyntaxDocument[]): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  const ends = (d: Declared) => d.endsInError && d.results === targets;
  const declared = (d: SyntaxDocument, method: boolean) => (declarations(d).get(name.text) ?? []).filter((x) => (x.receiverType !== undefined) === method);
  // A function name, or a method name on one type, is declared once in a package: the file's own declaration settles it.
  const inPackage = (method: boolean, one: (d: Declared) => boolean = () => true) => {
    const own = declared(doc, method).filter(one);
    return own.length > 0 ? own : others().flatMap((d) => declared(d, method).filter(one));
  };
  if (fn.type === 'identifier') {
    const found = inPackage(false);
    return found.length > 0 && found.every(ends);
  }
  const operand = fn.childForFieldName('operand');
  if (!operand) return false;
  if (operand.type === 'identifier' && importsOf(doc).some((i) => i.name === operand.text)) return false;
  const receiver = operand.type === 'identifier' ? receiverOfEnclosingMethod(doc, call, operand.text) : undefined;
  if (receiver) {
    const own = inPackage(true, (d) => d.receiverType === receiver);
    if (own.length > 0) return own.every(ends);
  }
  if (!/^[a-z_]/.test(name.text)) return false;
  // Any type's method of that name: every one of the package must agree.
  const methods = [doc, ...others()].flatMap((d) => declared(d, true));
  return methods.length > 0 && methods.every(ends);
}

/** The receiver type of the method the call is made in, when `variable` is that method's receiver. */
function receiverOfEnclosingMethod(doc: SyntaxDocument, call: Node, variable: string): string | undefined {
  const fn = enclosingNamedFunction(doc, call);
  if (fn?.type !== 'method_declaration') return undefined;
  const parameter = fn.childForFieldName('receiver')?.namedChildren.find((p) => p?.type === 'parameter_declaration');
  return parameter?.childForFieldName('name')?.text === variable ? receiverTypeOf(fn) : undefined;
}
