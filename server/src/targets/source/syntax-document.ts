import { Edit, Parser, Query, type Language, type Node, type Point, type QueryCapture, type QueryMatch, type Tree } from 'web-tree-sitter';
import type { SourceText, Span } from '../../engine/source';
import type { TreeSitterLanguage } from './grammars';

const queries = new WeakMap<Language, Map<string, Query>>();

/**
 * The whole-file patterns each grammar has been asked for, in first-use order. A new
 * document runs them all as one combined query in matches mode (one walk of the tree
 * instead of one per pattern) the first time any of them is asked for; whole-file
 * captures are read off those matches.
 */
const seenPatterns = new WeakMap<Language, Set<string>>();

/**
 * A source file parsed with tree-sitter: the tree, and queries compiled once per
 * language and pattern, so rules state patterns instead of walking nodes by hand.
 * Offsets are UTF-16, as everywhere else in the engine.
 */
export class SyntaxDocument {
  readonly tree: Tree;
  /** Whole-file query results and other per-file facts, shared by every rule of the file. */
  private readonly memos = new Map<string, unknown>();
  private disposed = false;

  /**
   * `previous` is the parse of an earlier version of the same file: its tree is edited
   * to the new text and reused where tree-sitter can, which gives the tree a fresh
   * parse would. `previous` itself is left as it was (a lint may still be reading it).
   */
  constructor(
    readonly source: SourceText,
    readonly language: TreeSitterLanguage,
    private readonly grammar: Language,
    previous?: SyntaxDocument,
  ) {
    const parser = new Parser();
    try {
      parser.setLanguage(grammar);
      const tree = (previous && this.reparse(parser, previous)) ?? parser.parse(source.text);
      if (!tree) throw new Error(`tree-sitter returned no tree for ${source.path}`);
      this.tree = tree;
    } finally {
      parser.delete();
    }
  }

  /**
   * Parses the text incrementally from `previous`, or answers undefined when only a fresh
   * parse can be trusted. Error recovery is where tree-sitter's reuse of old subtrees
   * is known to settle on a different tree than a fresh parse, so a tree with errors on
   * either side of the edit is never the outcome of reuse.
   */
  private reparse(parser: Parser, previous: SyntaxDocument): Tree | undefined {
    if (previous.disposed || previous.grammar !== this.grammar || previous.tree.rootNode.hasError) return undefined;
    const edit = textEdit(previous.source.text, this.source.text);
    const edited = previous.tree.copy();
    let tree: Tree | null;
    try {
      edited.edit(edit);
      tree = parser.parse(this.source.text, edited);
    } finally {
      edited.delete();
    }
    if (tree && !tree.rootNode.hasError) return tree;
    tree?.delete();
    return undefined;
  }

  get root(): Node {
    return this.tree.rootNode;
  }

  private compiled(pattern: string): Query {
    let byPattern = queries.get(this.grammar);
    if (!byPattern) {
      byPattern = new Map();
      queries.set(this.grammar, byPattern);
    }
    let query = byPattern.get(pattern);
    if (!query) {
      query = new Query(this.grammar, pattern);
      byPattern.set(pattern, query);
    }
    return query;
  }

  /**
   * A fact about the file computed once and shared by all its rules (imports, calls,
   * string literals…). Keys are namespaced by the caller (`go:calls`).
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /**
   * Every capture of a tree-sitter query over the file (or under `node`), in the order
   * tree-sitter's captures give them. Whole-file results are computed once per pattern;
   * each caller gets its own array.
   */
  captures(pattern: string, node?: Node): QueryCapture[] {
    if (node) return this.compiled(pattern).captures(node);
    const key = `captures\0${pattern}`;
    let found = this.memos.get(key) as QueryCapture[] | undefined;
    if (!found) {
      found = capturesOf(this.wholeFileMatches(pattern)) ?? this.compiled(pattern).captures(this.root);
      this.memos.set(key, found);
    }
    return found.slice();
  }

  /** Every match of a query, with its captures by name (whole-file results shared like `captures`). */
  matches(pattern: string, node?: Node): QueryMatch[] {
    if (node) return this.compiled(pattern).matches(node);
    return this.wholeFileMatches(pattern).slice();
  }

  private wholeFileMatches(pattern: string): QueryMatch[] {
    const key = `matches\0${pattern}`;
    let found = this.memos.get(key) as QueryMatch[] | undefined;
    if (!found) {
      const query = this.compiled(pattern);
      let seen = seenPatterns.get(this.grammar);
      if (!seen) {
        seen = new Set();
        seenPatterns.set(this.grammar, seen);
      }
      seen.add(pattern);
      this.runCombined([...seen].filter((p) => !this.memos.has(`matches\0${p}`)));
      found = this.memos.get(key) as QueryMatch[] | undefined;
      if (!found) {
        found = query.matches(this.root);
        this.memos.set(key, found);
      }
    }
    return found;
  }

  /** Runs several patterns as one query over the file and files each one's matches under its own key. */
  private runCombined(patterns: readonly string[]): void {
    if (patterns.length < 2) return;
    let combined: Query;
    try {
      combined = this.compiled(patterns.join('\n'));
    } catch {
      return;
    }
    // Which source pattern each pattern of the combined query came from, and its index there.
    const origin: Array<{ pattern: number; index: number }> = [];
    const starts: number[] = [];
    let offset = 0;
    for (const p of patterns) {
      starts.push(offset);
      offset += p.length + 1;
    }
    const firstOf = new Map<number, number>();
    for (let i = 0; i < combined.patternCount(); i++) {
      const at = combined.startIndexForPattern(i);
      let which = 0;
      while (which + 1 < starts.length && (starts[which + 1] as number) <= at) which++;
      if (!firstOf.has(which)) firstOf.set(which, i);
      origin.push({ pattern: which, index: i - (firstOf.get(which) as number) });
    }
    const buckets = patterns.map(() => [] as QueryMatch[]);
    for (const match of combined.matches(this.root)) {
      const from = origin[match.patternIndex];
      if (!from) continue;
      // The match is this call's own object: numbered as in its source pattern in place.
      if (from.index !== match.patternIndex) {
        match.patternIndex = from.index;
        for (const capture of match.captures) capture.patternIndex = from.index;
      }
      (buckets[from.pattern] as QueryMatch[]).push(match);
    }
    patterns.forEach((p, i) => this.memos.set(`matches\0${p}`, buckets[i]));
  }

  span(node: Node): Span {
    return { start: node.startIndex, end: node.endIndex };
  }

  text(node: Node): string {
    return this.source.text.slice(node.startIndex, node.endIndex);
  }

  /** Frees the tree's WASM memory; the parse cache calls this when it evicts the document. */
  dispose(): void {
    this.disposed = true;
    this.memos.clear();
    this.tree.delete();
  }
}

/** The innermost ancestor (or the node itself) of one of these types. */
export function enclosing(node: Node | null, types: ReadonlySet<string> | readonly string[]): Node | undefined {
  const set = types instanceof Set ? types : new Set(types as readonly string[]);
  for (let current: Node | null = node; current; current = current.parent) if (set.has(current.type)) return current;
  return undefined;
}

/**
 * The captures of a pattern's whole-file matches in the order tree-sitter's captures
 * mode gives them: by where each captured node starts, a match's own captures in their
 * order. Undefined when two matches capture nodes starting at the same offset, whose
 * order only the captures query itself decides.
 */
function capturesOf(matches: readonly QueryMatch[]): QueryCapture[] | undefined {
  const captures: QueryCapture[] = [];
  const owners: number[] = [];
  let sorted = true;
  matches.forEach((match, owner) => {
    for (const capture of match.captures) {
      const last = captures[captures.length - 1];
      if (last && capture.node.startIndex < last.node.startIndex) sorted = false;
      captures.push(capture);
      owners.push(owner);
    }
  });
  // Usually already in order; otherwise a stable sort keeps a match's own captures in theirs.
  const order = captures.map((_, i) => i);
  if (!sorted) order.sort((a, b) => (captures[a] as QueryCapture).node.startIndex - (captures[b] as QueryCapture).node.startIndex);
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1] as number;
    const b = order[i] as number;
    if ((captures[a] as QueryCapture).node.startIndex === (captures[b] as QueryCapture).node.startIndex && owners[a] !== owners[b]) return undefined;
  }
  return sorted ? captures : order.map((i) => captures[i] as QueryCapture);
}

/**
 * The edit that turns `before` into `after`: the span between their common prefix and
 * common suffix. Offsets and columns are UTF-16 code units, which is what web-tree-sitter
 * takes for text given as a string; a surrogate pair is never split.
 */
export function textEdit(before: string, after: string): Edit {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (newEnd < after.length && isLowSurrogate(after.charCodeAt(newEnd))) {
    oldEnd++;
    newEnd++;
  }
  const startPosition = advance(before, 0, start, { row: 0, column: 0 });
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: advance(before, start, oldEnd, startPosition),
    newEndPosition: advance(after, start, newEnd, startPosition),
  });
}

/** The point at `to`, from the point at `from`; tree-sitter counts rows at `\n` only. */
function advance(text: string, from: number, to: number, at: Point): Point {
  let row = at.row;
  let lineStart = from - at.column;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: to - lineStart };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
