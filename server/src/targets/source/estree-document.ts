import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SourceText, Span } from '../../engine/source';

type Estree = typeof import('@typescript-eslint/typescript-estree');
let estree: Estree | undefined;
/** typescript-estree brings the TypeScript compiler: loaded on the first TS/JS file, not at start-up. */
function loadEstree(): Estree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose
  estree ??= require('@typescript-eslint/typescript-estree') as Estree;
  return estree;
}

export type EsNode = TSESTree.Node;

type Program = TSESTree.Program;
type Comment = TSESTree.Comment;
type Loc = TSESTree.SourceLocation;

/** The tree with every node in traversal order, which is all a document needs besides its text. */
interface Indexed {
  ast: Program;
  /** Every node in the order `simpleTraverse` visits them: the program, then each statement's nodes in turn. */
  nodes: EsNode[];
  /** Where each top-level statement's nodes begin in `nodes`, and `nodes.length` last. */
  statementStarts: number[];
  /** The nodes by type, when already known. */
  byType?: Map<string, EsNode[]>;
}

/**
 * A TypeScript or JavaScript file parsed with typescript-estree (no type information):
 * the ESTree, its comments, each node's parent, and the nodes of every type indexed
 * once so all rules of the file share one traversal.
 */
export class EstreeDocument {
  readonly ast: Program;
  /** The tree's nodes in traversal order, which an edit's `reparse` takes over. */
  private readonly indexed: Indexed;
  private byType: Map<string, EsNode[]> | undefined;
  /** Per-file facts shared by the rules of the file (imports, bindings, routes…). */
  private readonly memos = new Map<string, unknown>();

  /** Parses `source` in full (`indexed` is `EstreeDocument.parse`'s, built from an earlier version). */
  constructor(
    readonly source: SourceText,
    indexed?: Indexed,
  ) {
    this.indexed = indexed ?? parseWhole(source.text, isJsx(source.path));
    this.ast = this.indexed.ast;
    this.byType = this.indexed.byType;
    this.indexed.byType = undefined;
  }

  /**
   * Parses `source`. `previous`, an earlier version of the same file that nothing reads
   * any more, lends the statements the edit left alone: only the statements around the
   * change are parsed again, and the result is the tree a full parse gives (see
   * `reparse`). Throws on a syntax error, like a full parse.
   */
  static parse(source: SourceText, previous?: EstreeDocument): EstreeDocument {
    if (previous) {
      let reused: Indexed | undefined;
      try {
        reused = reparse(source, previous);
      } catch {
        // Whatever went wrong, a full parse gives the answer (and the error, if any).
        reused = undefined;
      }
      if (reused) return new EstreeDocument(source, reused);
    }
    return new EstreeDocument(source);
  }

  /** Every node of a type (`CallExpression`, `CatchClause`…), in source order. */
  ofType<T extends EsNode['type']>(type: T): Array<Extract<EsNode, { type: T }>> {
    return (this.types().get(type) ?? []) as Array<Extract<EsNode, { type: T }>>;
  }

  private types(): Map<string, EsNode[]> {
    if (!this.byType) {
      const byType = new Map<string, EsNode[]>();
      for (const node of this.indexed.nodes) {
        const list = byType.get(node.type);
        if (list) list.push(node);
        else byType.set(node.type, [node]);
      }
      this.byType = byType;
    }
    return this.byType;
  }

  parent(node: EsNode): EsNode | undefined {
    return (node as { parent?: EsNode }).parent;
  }

  /** The nearest ancestor of one of these types. */
  ancestor(node: EsNode, types: readonly EsNode['type'][]): EsNode | undefined {
    for (let current = this.parent(node); current; current = this.parent(current)) if (types.includes(current.type)) return current;
    return undefined;
  }

  span(node: EsNode | TSESTree.Comment | TSESTree.Token): Span {
    return { start: node.range[0], end: node.range[1] };
  }

  text(node: EsNode): string {
    return this.source.text.slice(node.range[0], node.range[1]);
  }

  get comments(): readonly TSESTree.Comment[] {
    return this.ast.comments ?? [];
  }

  /**
   * A fact about the file computed once and shared by all its rules. Keys are namespaced
   * by the caller (`js:bindings`).
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** `a.b.c(…)` → "a.b.c"; undefined for calls on computed or call results. */
  static calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
    return memberPath(node.callee);
  }
}

/** The dotted path of an identifier or member chain (`process.env.X`), undefined when computed. */
export function memberPath(node: EsNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const object = memberPath(node.object);
    return object === undefined ? undefined : `${object}.${node.property.name}`;
  }
  if (node.type === 'MemberExpression' && node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') {
    const object = memberPath(node.object);
    return object === undefined ? undefined : `${object}.${node.property.value}`;
  }
  if (node.type === 'ChainExpression') return memberPath(node.expression);
  if (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression') return memberPath(node.expression);
  return undefined;
}

function isJsx(path: string): boolean {
  return /\.[jt]sx$/i.test(path) || /\.jsx?$/i.test(path);
}

/**
 * The ESTree of a text, without its comments: typescript-estree's own comment pass
 * walks every token of the TypeScript tree and costs more than the conversion itself,
 * so `scanComments` finds them instead.
 */
function parseText(text: string, jsx: boolean): Program {
  return loadEstree().parse(text, { range: true, loc: true, comment: false, jsx, errorOnUnknownASTType: false, allowInvalidAST: true, suppressDeprecatedPropertyWarnings: true });
}

function parseWhole(text: string, jsx: boolean): Indexed {
  const indexed = index(parseText(text, jsx));
  indexed.ast.comments = scanComments(text, indexed.nodes, 0, text.length, { line: 1, column: 0 });
  return indexed;
}

/** Sets each node's parent and lists the nodes in traversal order. */
function index(ast: Program): Indexed {
  const nodes: EsNode[] = [];
  const statementStarts: number[] = [];
  loadEstree().simpleTraverse(
    ast,
    {
      enter: (node, parent) => {
        if (parent === ast) statementStarts.push(nodes.length);
        nodes.push(node);
      },
    },
    true,
  );
  statementStarts.push(nodes.length);
  return { ast, nodes, statementStarts };
}

/**
 * The tree of `source` built from `previous` and a parse of the text around the change
 * alone, or undefined when that cannot be shown to equal a full parse (a full parse
 * then decides, syntax errors included).
 *
 * Top-level statements are reused whole. The parser starts every top-level statement in
 * the same state, so what a statement parses to depends on the text from its start on:
 * its own, and what follows it as far as it needs to look (automatic semicolon
 * insertion, an `else`, a call on the next line), which never reaches past the end of
 * the statement after it. So the region parsed again starts after the last statement
 * that is followed by a whole unchanged statement, takes in that one (what follows it
 * changed), and ends with the first statement wholly after the change: the region parse
 * must start a statement exactly where that one starts, having seen the same text up to
 * its end as a full parse would. Its copy is then dropped: the old statement, followed
 * by the same text as before, is the one a full parse gives. Everything outside the
 * region is reused, its positions shifted by the edit. What a top-level statement cannot
 * see on its own is checked apart: the directive prologue (`'use strict'` counts only
 * at the top), and whether the file is a module, which changes how a top-level `await`
 * parses.
 */
function reparse(source: SourceText, previous: EstreeDocument): Indexed | undefined {
  const jsx = isJsx(source.path);
  if (jsx !== isJsx(previous.source.path)) return undefined;
  const old = internals(previous);
  const before = previous.source.text;
  const after = source.text;
  const body = old.ast.body;
  if (body.length === 0 || old.statementStarts.length !== body.length + 1) return undefined;

  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
  const delta = after.length - before.length;
  // Statements wholly in the unchanged text before the change; the last of them is parsed
  // again, as what follows it changed.
  const untouched = countEndingBy(body, prefix);
  const first = Math.max(0, untouched - 1);
  // The first statement wholly in the unchanged text after the change, reused as it is.
  const next = firstStartingFrom(body, before.length - suffix, first);
  const start = first > 0 ? (body[first - 1] as EsNode).range[1] : 0;
  const nextStatement = body[next];
  const end = nextStatement ? nextStatement.range[1] + delta : after.length;
  // Parsing most of the file anyway: a full parse costs no more.
  if (end - start > after.length * 0.6) return undefined;
  const text = after.slice(start, end);
  // A `#!` line or a byte-order mark means something else at the start of a file.
  if (start > 0 && (text.startsWith('#!') || text.charCodeAt(0) === 0xfeff)) return undefined;

  let region: Program;
  try {
    region = parseText(text, jsx);
  } catch {
    return undefined;
  }
  let statements = region.body;
  // Where the region starts, as a line and column (1-based line, as ESTree counts), and
  // where the reused statements start now, from the region's copy of the first of them.
  const origin = first > 0 ? { ...(body[first - 1] as EsNode).loc.end } : { line: 1, column: 0 };
  let reusedStart: TSESTree.Position | undefined;
  if (nextStatement) {
    const last = statements[statements.length - 1];
    if (!last || last.range[0] !== nextStatement.range[0] + delta - start) return undefined;
    reusedStart = fromRegion(last.loc.start, origin);
    statements = statements.slice(0, -1);
  }

  // The directive prologue: string statements count as directives only before any other.
  const prologueOpen = body.slice(0, first).every(isDirective);
  if (prologueOpen) {
    if (nextStatement && (statements.every(isDirective) || isDirective(nextStatement))) return undefined;
  } else if (statements.some(isDirective)) return undefined;

  const regionNodes: EsNode[] = [];
  const regionStarts: number[] = [];
  const move = (node: EsNode) => relocate(node, start, origin);
  for (const statement of statements) {
    regionStarts.push(regionNodes.length);
    loadEstree().simpleTraverse(statement, { enter: (node) => void regionNodes.push(node) }, true);
  }
  // Once every node of the tree has its parent, hidden subtrees can tell their own nodes from shared ones.
  for (const node of regionNodes) {
    move(node);
    eachHidden(node, move);
  }

  // A file is a module when some top-level statement imports or exports; a module parses
  // a top-level `await` differently, so the region must have been parsed as what the
  // whole file is.
  const wasModule = old.ast.sourceType === 'module';
  if ((region.sourceType === 'module') !== wasModule) {
    if (!wasModule) return undefined;
    if (!body.slice(0, first).some(isModuleIndicator) && !body.slice(next).some(isModuleIndicator)) return undefined;
    if (text.includes('await') && regionNodes.some(mayParseDifferentlyInModule)) return undefined;
  }

  // Everything checks out: the reused statements are taken over from here on.
  const program: Program = {
    type: 'Program' as Program['type'],
    range: [0, after.length],
    body: [],
    comments: [],
    sourceType: old.ast.sourceType,
    tokens: undefined,
    loc: { end: { column: 0, line: 1 }, start: { column: 0, line: 1 } },
  } as unknown as Program;
  (program as { parent?: EsNode }).parent = undefined;

  const prevEnd = old.statementStarts[first] as number;
  const statementStarts = old.statementStarts.slice(0, first);
  for (const offset of regionStarts) statementStarts.push(prevEnd + offset);

  const comments: Comment[] = [];
  const oldComments = old.ast.comments ?? [];
  for (const comment of oldComments) {
    if (comment.range[1] > start) break;
    comments.push(comment);
  }
  comments.push(...scanComments(after, regionNodes, start, nextStatement ? nextStatement.range[0] + delta : after.length, origin));

  // The old lists by type hold the reused nodes in order: cut out the replaced statements'.
  const byType = old.byType && splitTypes(old.byType, program, start, next > first ? (body[next - 1] as EsNode).range[1] : start, regionNodes);

  let nodes: EsNode[];
  if (nextStatement && reusedStart) {
    // Positions after the change move by `delta`; on the line where the reused text
    // starts, columns move too, and lines move by the line breaks the edit added.
    const from = nextStatement.range[0];
    const shift = makeShift(delta, nextStatement.loc.start, reusedStart);
    const firstNode = old.statementStarts[next] as number;
    const reused = old.nodes.slice(firstNode);
    if (shift) {
      for (const node of reused) {
        shift(node);
        if (HIDDEN[node.type] !== undefined) eachHidden(node, shift);
      }
    }
    nodes = ([program] as EsNode[]).concat(old.nodes.slice(1, prevEnd), regionNodes, reused);
    const moved = prevEnd + regionNodes.length - firstNode;
    for (let i = next; i < body.length; i++) statementStarts.push((old.statementStarts[i] as number) + moved);
    for (let i = lowerBound(oldComments, from); i < oldComments.length; i++) {
      const comment = oldComments[i] as Comment;
      shift?.(comment);
      comments.push(comment);
    }
    const programEnd = { range: [old.ast.range[1], old.ast.range[1]] as [number, number], loc: old.ast.loc };
    shift?.(programEnd);
    program.loc = { end: programEnd.loc.end, start: { column: 0, line: 1 } } as Loc;
  } else {
    nodes = ([program] as EsNode[]).concat(old.nodes.slice(1, prevEnd), regionNodes);
    program.loc = { end: fromRegion(region.loc.end, origin), start: { column: 0, line: 1 } } as Loc;
  }
  statementStarts.push(nodes.length);

  const programBody: EsNode[] = [...body.slice(0, first), ...statements, ...body.slice(next)];
  for (const statement of programBody) (statement as { parent?: EsNode }).parent = program;
  program.body = programBody as Program['body'];
  program.comments = comments;
  return { ast: program, nodes, statementStarts, byType };
}

/**
 * The lists by type of the new tree: each old list is the nodes of the statements before
 * the region, of the replaced statements, then of those after, so two binary searches on
 * where nodes end cut it (`start` is where the region starts, `end` where the replaced
 * statements ended). Nodes are never empty in a tree without errors; if one were, at a
 * cut it could belong to either side, and the lists are built again from scratch.
 */
function splitTypes(old: Map<string, EsNode[]>, program: Program, start: number, end: number, region: readonly EsNode[]): Map<string, EsNode[]> | undefined {
  const added = new Map<string, EsNode[]>();
  for (const node of region) {
    const list = added.get(node.type);
    if (list) list.push(node);
    else added.set(node.type, [node]);
  }
  const byType = new Map<string, EsNode[]>([['Program', [program]]]);
  for (const [type, list] of old) {
    if (type === 'Program') continue;
    const before = firstEndingAfter(list, start, 0);
    const after = firstEndingAfter(list, end, before);
    if (isEmptyAt(list[before - 1], start) || isEmptyAt(list[after - 1], end)) return undefined;
    const inserted = added.get(type);
    let merged: EsNode[];
    if (inserted) merged = [...list.slice(0, before), ...inserted, ...list.slice(after)];
    else if (before === after) merged = list;
    else merged = [...list.slice(0, before), ...list.slice(after)];
    if (merged.length > 0) byType.set(type, merged);
  }
  for (const [type, inserted] of added) if (!old.has(type)) byType.set(type, inserted);
  return byType;
}

/** The first node from `from` on that ends after `offset`. */
function firstEndingAfter(list: readonly EsNode[], offset: number, from: number): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as EsNode).range[1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isEmptyAt(node: EsNode | undefined, offset: number): boolean {
  return node !== undefined && node.range[0] === offset && node.range[1] === offset;
}

/** The private parts of a document `reparse` takes over. */
function internals(doc: EstreeDocument): Indexed {
  const parts = doc as unknown as { indexed: Indexed; byType: Map<string, EsNode[]> | undefined };
  return { ...parts.indexed, byType: parts.byType };
}

interface Located {
  range: [number, number];
  loc: Loc;
}

/**
 * Moves a node parsed from a region starting at `offset` (line and column `origin`) to
 * where it is in the file. Ranges and locations are replaced, never changed in place:
 * typescript-estree shares some between nodes.
 */
function relocate(node: Located, offset: number, origin: TSESTree.Position): void {
  if (offset === 0) return;
  const [from, to] = node.range;
  node.range = [from + offset, to + offset];
  node.loc = { end: fromRegion(node.loc.end, origin), start: fromRegion(node.loc.start, origin) };
}

/** A position in a region starting at `origin`, as a position in the file. */
function fromRegion(position: TSESTree.Position, origin: TSESTree.Position): TSESTree.Position {
  return position.line === 1 ? { column: origin.column + position.column, line: origin.line } : { column: position.column, line: origin.line + position.line - 1 };
}

/**
 * Moves a node of the reused text after the change: `was` and `now` are where that text
 * starts before and after the edit. Positions on that same line keep their distance from
 * it; later lines only change number.
 */
function makeShift(delta: number, was: TSESTree.Position, now: TSESTree.Position): ((node: Located) => void) | undefined {
  const line = was.line;
  const lines = now.line - was.line;
  const columns = now.column - was.column;
  if (delta === 0 && lines === 0 && columns === 0) return undefined;
  const position = (p: TSESTree.Position): TSESTree.Position => (p.line === line ? { column: p.column + columns, line: p.line + lines } : { column: p.column, line: p.line + lines });
  return (node) => {
    if (delta !== 0) {
      const [from, to] = node.range;
      node.range = [from + delta, to + delta];
    }
    if (lines !== 0 || (columns !== 0 && (node.loc.start.line === line || node.loc.end.line === line))) {
      const { start, end } = node.loc;
      node.loc = { end: position(end), start: position(start) };
    }
  };
}

/** Nodes whose text is no code, so that `//` or `/*` in them starts no comment. */
const OPAQUE = new Set<string>(['Literal', 'TemplateElement', 'JSXText']);

/**
 * The comments of `text` between `from` and `to` (both outside any token or comment),
 * as typescript-estree reports them: `nodes` are the tree's nodes there, and `origin`
 * the line and column of `from`.
 *
 * Outside string, template, regular expression and JSX text tokens, `//` and `/*`
 * always start a comment (no punctuator contains them), and those tokens are exactly the
 * ESTree's `Literal`, `TemplateElement` and `JSXText` nodes. A `#!` line at the start of
 * the file is no comment to typescript-estree.
 */
function scanComments(text: string, nodes: readonly EsNode[], from: number, to: number, origin: { line: number; column: number }): Comment[] {
  const starts: number[] = [];
  const ends: number[] = [];
  let sorted = true;
  for (const node of nodes) {
    if (!OPAQUE.has(node.type)) continue;
    const [start, end] = node.range;
    if (end <= from || start >= to) continue;
    if (starts.length > 0 && start < (starts[starts.length - 1] as number)) sorted = false;
    starts.push(start);
    ends.push(end);
  }
  if (!sorted) {
    const order = starts.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
    const s = order.map((i) => starts[i] as number);
    const e = order.map((i) => ends[i] as number);
    for (let i = 0; i < order.length; i++) {
      starts[i] = s[i] as number;
      ends[i] = e[i] as number;
    }
  }

  // Lines are counted as TypeScript does: \n, \r\n, a lone \r, U+2028 and U+2029 end one.
  let line = origin.line;
  let lineStart = from - origin.column;
  let counted = from;
  const at = (offset: number): TSESTree.Position => {
    for (; counted < offset; counted++) {
      const c = text.charCodeAt(counted);
      if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(counted + 1) !== 10)) {
        line++;
        lineStart = counted + 1;
      }
    }
    return { column: offset - lineStart, line };
  };

  const comments: Comment[] = [];
  let pos = from === 0 && text.startsWith('#!') ? lineBreakFrom(text, 2) : from;
  let r = 0;
  for (;;) {
    const slash = text.indexOf('/', pos);
    if (slash < 0 || slash >= to) break;
    while (r < ends.length && (ends[r] as number) <= slash) r++;
    if (r < starts.length && (starts[r] as number) <= slash) {
      pos = ends[r] as number;
      continue;
    }
    const next = text.charCodeAt(slash + 1);
    if (next !== 47 && next !== 42) {
      pos = slash + 1;
      continue;
    }
    const isLine = next === 47;
    let end: number;
    if (isLine) end = lineBreakFrom(text, slash + 2);
    else {
      const close = text.indexOf('*/', slash + 2);
      end = close < 0 ? text.length : close + 2;
    }
    const start = at(slash);
    const stop = at(end);
    comments.push({
      type: (isLine ? 'Line' : 'Block') as Comment['type'],
      loc: { end: stop, start },
      range: [slash, end],
      value: text.slice(slash + 2, isLine ? end : end - 2),
    } as Comment);
    pos = end;
  }
  return comments;
}

/** The offset of the first line break at or after `from`, or the end of the text. */
function lineBreakFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i;
  }
  return text.length;
}

/**
 * Subtrees typescript-estree keeps behind deprecated properties (a mapped type's
 * `typeParameter`, an enum's `members`, an import type's `argument`): converted apart
 * from the visible ones, so no traversal reaches them, yet they carry positions too.
 */
const HIDDEN: Readonly<Record<string, string>> = { TSMappedType: 'typeParameter', TSEnumDeclaration: 'members', TSImportType: 'argument' };

/**
 * Applies `move` once to every node of the hidden subtrees of `node`. Some of their nodes
 * are also in the tree (an import type's `argument.literal` is its `source`): those have
 * a parent, as every node a traversal reached does, and move with the tree.
 */
function eachHidden(node: EsNode, move: (node: EsNode) => void, moved = new Set<object>()): void {
  const key = HIDDEN[node.type];
  if (key === undefined) return;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object' || typeof (value as { type?: unknown }).type !== 'string') return;
    if (Object.prototype.hasOwnProperty.call(value, 'parent') || moved.has(value)) return;
    moved.add(value);
    move(value as EsNode);
    eachHidden(value as EsNode, move, moved);
    for (const [name, child] of Object.entries(value)) if (name !== 'range' && name !== 'loc') visit(child);
  };
  visit((node as unknown as Record<string, unknown>)[key]);
}

/** Texts are compared a chunk at a time first: string comparison is far faster than a loop over characters. */
const CHUNK = 256;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** How many statements end by `offset` (statements are in source order). */
function countEndingBy(body: readonly EsNode[], offset: number): number {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((body[mid] as EsNode).range[1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first statement at or after `from` that starts at `offset` or later. */
function firstStartingFrom(body: readonly EsNode[], offset: number, from: number): number {
  let lo = from;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((body[mid] as EsNode).range[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first comment starting at `offset` or later. */
function lowerBound(comments: readonly Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((comments[mid] as Comment).range[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isDirective(statement: EsNode | undefined): boolean {
  return statement?.type === 'ExpressionStatement' && statement.directive !== undefined;
}

/** Statements that make TypeScript treat the file as a module (a sure subset: anything else means a full parse). */
function isModuleIndicator(statement: EsNode): boolean {
  switch (statement.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportNamedDeclaration':
    case 'TSExportAssignment':
      return true;
    case 'TSImportEqualsDeclaration':
      return statement.moduleReference.type === 'TSExternalModuleReference';
    default:
      return false;
  }
}

const FUNCTIONS = new Set<string>(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'TSDeclareFunction', 'TSEmptyBodyFunctionExpression']);

/** An `await` outside any function, which a module parses as an expression and a script may not. */
function mayParseDifferentlyInModule(node: EsNode): boolean {
  const isAwait =
    node.type === 'AwaitExpression' ||
    (node.type === 'ForOfStatement' && node.await) ||
    ((node.type === 'Identifier' || node.type === 'JSXIdentifier') && node.name === 'await');
  if (!isAwait) return false;
  for (let current = (node as { parent?: EsNode }).parent; current; current = (current as { parent?: EsNode }).parent) if (FUNCTIONS.has(current.type)) return false;
  return true;
}
