import type { SourceText, Span } from '../engine/source';
import type { FileProblem } from '../engine/types';

export interface ParseOutcome<Doc> {
  /** Undefined when the file could not be parsed at all; `problems` says why. */
  doc: Doc | undefined;
  problems: FileProblem[];
}

/** A comment as the file's own syntax delimits it, for suppressions. */
export interface SourceComment {
  /** The comment's text without its delimiters. */
  text: string;
  span: Span;
}

/**
 * A kind of file the engine parses: one parser, shared by every rule of that target
 * through the parse cache.
 */
export interface Target<Doc> {
  readonly name: string;
  parse(source: SourceText): ParseOutcome<Doc>;
  comments(doc: Doc): SourceComment[];
}
