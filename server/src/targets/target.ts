import type { FileKind } from '../engine/classify';
import type { SourceText, Span } from '../engine/source';
import type { FileProblem, WorkspaceView } from '../engine/types';
import type { YamlFile } from './yaml/yaml-file';

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

/** What a target may consult when it prepares a parsed file for rules: sibling files, through the cache. */
export interface TargetEnv {
  workspace: WorkspaceView;
  /** Parses a sibling YAML file (a chart's values.yaml) through the shared parse cache. */
  parseYaml(source: SourceText): YamlFile | undefined;
}

/**
 * A kind of file the engine parses. `parse` depends on the text alone, so its result
 * is cached by content and shared by every rule; `prepare` binds it to what else the
 * workspace says (a Helm template to its chart's values) for one lint.
 */
export interface Target<Parsed, Doc = Parsed> {
  readonly name: string;
  /**
   * `previous` is the parse of the version of the same file this one supersedes (an
   * edit in the editor), which a target may reuse to parse incrementally. The result
   * must equal a fresh parse of `source`. `previous` is retired by this call: the cache
   * never hands it out again and disposes it at its next sweep, so the target may take
   * parts of it over.
   */
  parse(source: SourceText, kind: FileKind, previous?: Parsed): ParseOutcome<Parsed>;
  prepare?(parsed: Parsed, source: SourceText, env: TargetEnv): Doc;
  comments(parsed: Parsed): SourceComment[];
  /** Frees what the parse holds outside the JS heap (a tree-sitter tree) when the cache lets it go. */
  dispose?(parsed: Parsed): void;
}
