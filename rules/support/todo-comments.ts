import type { Node } from 'web-tree-sitter';
import type { Span } from '../../server/src/engine/source';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';
import { todoMarker } from './code-hygiene';

export interface TodoFinding {
  /** The marker word itself, where the finding points. */
  span: Span;
  marker: string;
  /** What follows the marker, cut to 60 characters for a message; undefined when nothing does. */
  excerpt: string | undefined;
}

/**
 * The TODO/FIXME/HACK/XXX markers in the comments a tree-sitter query captures, for the
 * per-language hygiene rules: one loop, each rule keeps its own metadata and message.
 */
export function todoFindings(doc: SyntaxDocument, commentPattern: string, skip?: (node: Node) => boolean): TodoFinding[] {
  const out: TodoFinding[] = [];
  for (const { node } of doc.captures(commentPattern)) {
    if (skip?.(node)) continue;
    const found = todoMarker(doc.text(node));
    if (!found) continue;
    const start = node.startIndex + found.index;
    const excerpt = found.text ? (found.text.length > 60 ? `${found.text.slice(0, 57)}...` : found.text) : undefined;
    out.push({ span: { start, end: start + found.marker.length }, marker: found.marker, excerpt });
  }
  return out;
}
