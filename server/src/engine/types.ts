import type { ItemId } from './checklist-items';
import type { Position, SourceText, Span } from './source';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

export interface Range {
  start: Position;
  end: Position;
}

/** One text change. Without `file` it edits the linted file; with it, a sibling file (created when missing). */
export interface Edit {
  span: Span;
  text: string;
  /** Workspace-relative path of another file this edit writes; created when it does not exist. */
  file?: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
  /**
   * A suggestion changes behaviour or needs a human to finish it (a placeholder tag,
   * a health check command): offered as a quick fix but never applied by "fix all".
   */
  suggestion?: boolean;
}

/** What the engine found wrong, with its position and fixes resolved. */
export interface Finding {
  rule: string;
  /** Which of the rule's messages this is; stable across wording changes. */
  messageId: string;
  item: ItemId;
  severity: Severity;
  /** Workspace-relative path with `/` separators. */
  file: string;
  /** 0-based, LSP-style; formatters add 1 for the 1-based contracts. */
  range: Range;
  span: Span;
  message: string;
  fixes: ResolvedFix[];
  /** The finding's first line, trimmed: what SARIF fingerprints hash so alerts survive line shifts. */
  lineText: string;
}

export interface ResolvedEdit {
  file: string;
  range: Range;
  span: Span;
  text: string;
  /** True when the edit writes a file that does not exist yet. */
  create?: boolean;
}

export interface ResolvedFix {
  title: string;
  edits: ResolvedEdit[];
  suggestion: boolean;
}

/** Positive evidence that an item is met: a file and line a reader can open. */
export interface Evidence {
  item: ItemId;
  file: string;
  /** 0-based line; absent when the evidence is a whole file. */
  line?: number;
  note: string;
}

/** A file that could not be read or parsed; shown on that file, never fatal to a scan. */
export interface FileProblem {
  file: string;
  line?: number;
  message: string;
  /** `info` for what Readiness could not assess (a template it cannot read statically); a warning otherwise. */
  severity?: 'warning' | 'info';
}

/**
 * What a rule may know of the workspace beyond its own file. Implementations answer
 * from the scan's file list or the file system; rules never do I/O themselves.
 */
export interface WorkspaceView {
  hasFile(relativePath: string): boolean;
  /** The text of another workspace file (open editor buffers first), for a chart's values. */
  readText?(relativePath: string): string | undefined;
}

export interface LintInput {
  source: SourceText;
  kind: string;
}
