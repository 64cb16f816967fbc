import { Parser, Query, type Language, type Node, type QueryCapture, type QueryMatch, type Tree } from 'web-tree-sitter';
import type { SourceText, Span } from '../../engine/source';
import type { TreeSitterLanguage } from './grammars';

const queries = new WeakMap<Language, Map<string, Query>>();

/**
 * A source file parsed with tree-sitter: the tree, and queries compiled once per
 * language and pattern, so rules state patterns instead of walking nodes by hand.
 * Offsets are UTF-16, as everywhere else in the engine.
 */
export class SyntaxDocument {
  readonly tree: Tree;

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

  /** Every capture of a tree-sitter query over the file (or under `node`). */
  captures(pattern: string, node: Node = this.root): QueryCapture[] {
    return this.compiled(pattern).captures(node);
  }

  /** Every match of a query, with its captures by name. */
  matches(pattern: string, node: Node = this.root): QueryMatch[] {
    return this.compiled(pattern).matches(node);
  }

  span(node: Node): Span {
    return { start: node.startIndex, end: node.endIndex };
  }

  text(node: Node): string {
    return this.source.text.slice(node.startIndex, node.endIndex);
  }

  /** Frees the tree's WASM memory; the parse cache calls this when it evicts the document. */
  dispose(): void {
    this.tree.delete();
  }
}

/** The innermost ancestor (or the node itself) of one of these types. */
export function enclosing(node: Node | null, types: ReadonlySet<string> | readonly string[]): Node | undefined {
  const set = types instanceof Set ? types : new Set(types as readonly string[]);
  for (let current: Node | null = node; current; current = current.parent) if (set.has(current.type)) return current;
  return undefined;
}
