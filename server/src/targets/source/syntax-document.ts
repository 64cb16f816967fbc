import { Parser, Query, type Language, type Node, type QueryCapture, type QueryMatch, type Tree } from 'web-tree-sitter';
import type { SourceText, Span } from '../../engine/source';
import type { TreeSitterLanguage } from './grammars';

const queries = new WeakMap<Language, Map<string, Query>>();

type Mode = 'captures' | 'matches';
/**
 * The whole-file patterns each grammar has been asked for, by mode, in first-use order.
 * A new document runs them all as one combined query (one walk of the tree instead of
 * one per pattern) the first time any of them is asked for.
 */
const seenPatterns = new WeakMap<Language, Record<Mode, Set<string>>>();

/**
 * A source file parsed with tree-sitter: the tree, and queries compiled once per
 * language and pattern, so rules state patterns instead of walking nodes by hand.
 * Offsets are UTF-16, as everywhere else in the engine.
 */
export class SyntaxDocument {
  readonly tree: Tree;
  /** Whole-file query results and other per-file facts, shared by every rule of the file. */
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly source: SourceText,
    readonly language: TreeSitterLanguage,
    private readonly grammar: Language,
  ) {
    const parser = new Parser();
    try {
      parser.setLanguage(grammar);
      const tree = parser.parse(source.text);
      if (!tree) throw new Error(`tree-sitter returned no tree for ${source.path}`);
      this.tree = tree;
    } finally {
      parser.delete();
    }
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
   * Every capture of a tree-sitter query over the file (or under `node`). Whole-file
   * results are computed once per pattern; each caller gets its own array.
   */
  captures(pattern: string, node?: Node): QueryCapture[] {
    if (node) return this.compiled(pattern).captures(node);
    return this.wholeFile('captures', pattern) as QueryCapture[];
  }

  /** Every match of a query, with its captures by name (whole-file results shared like `captures`). */
  matches(pattern: string, node?: Node): QueryMatch[] {
    if (node) return this.compiled(pattern).matches(node);
    return this.wholeFile('matches', pattern) as QueryMatch[];
  }

  private wholeFile(mode: Mode, pattern: string): Array<QueryCapture | QueryMatch> {
    const key = `${mode}\0${pattern}`;
    let found = this.memos.get(key) as Array<QueryCapture | QueryMatch> | undefined;
    if (!found) {
      const query = this.compiled(pattern);
      let seen = seenPatterns.get(this.grammar);
      if (!seen) {
        seen = { captures: new Set(), matches: new Set() };
        seenPatterns.set(this.grammar, seen);
      }
      seen[mode].add(pattern);
      this.runCombined(mode, [...seen[mode]].filter((p) => !this.memos.has(`${mode}\0${p}`)));
      found = this.memos.get(key) as Array<QueryCapture | QueryMatch> | undefined;
      if (!found) {
        found = mode === 'captures' ? query.captures(this.root) : query.matches(this.root);
        this.memos.set(key, found);
      }
    }
    return found.slice();
  }

  /** Runs several patterns as one query over the file and files each one's results under its own key. */
  private runCombined(mode: Mode, patterns: readonly string[]): void {
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
    const buckets = patterns.map(() => [] as Array<QueryCapture | QueryMatch>);
    const results: Array<QueryCapture | QueryMatch> = mode === 'captures' ? combined.captures(this.root) : combined.matches(this.root);
    for (const item of results) {
      const from = origin[item.patternIndex];
      if (!from) continue;
      (buckets[from.pattern] as Array<QueryCapture | QueryMatch>).push(from.index === item.patternIndex ? item : { ...item, patternIndex: from.index });
    }
    patterns.forEach((p, i) => this.memos.set(`${mode}\0${p}`, buckets[i]));
  }

  span(node: Node): Span {
    return { start: node.startIndex, end: node.endIndex };
  }

  text(node: Node): string {
    return this.source.text.slice(node.startIndex, node.endIndex);
  }

  /** Frees the tree's WASM memory; the parse cache calls this when it evicts the document. */
  dispose(): void {
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
