import type { ItemId } from '../server/src/engine/checklist-items';
import type { SourceText, Span } from '../server/src/engine/source';
import type { ChecklistEntry } from '../server/src/engine/checklist';
import type { ProjectView } from '../server/src/engine/project';
import type { Finding } from '../server/src/engine/types';
import type { Edit, Severity, WorkspaceView } from '../server/src/engine/types';
import type { TargetDocuments, TargetName } from '../server/src/targets';

export interface RuleMeta {
  /** The checklist item this rule's findings and evidence feed. */
  item: ItemId;
  severity: Severity;
  /** One line: what the rule requires. */
  description: string;
  /** Why it matters in production. */
  rationale: string;
  /** How to fix it. */
  remediation: string;
  fixable?: boolean;
  /** Equivalent checks of other tools: `hadolint:DL3002`, `kube-linter:run-as-non-root`, `checkov:CKV_DOCKER_3`. */
  related?: string[];
  deprecated?: { replacedBy: string[] };
  /**
   * Workspace rules that judge the checklist itself (readiness claims) run after every
   * other rule, with `ctx.checklist` set to what the others decided.
   */
  runsAfterChecklist?: boolean;
}

export interface ReportDescriptor<M extends string> {
  span: Span;
  /** The file the span is in, when not the linted one (a Helm chart's values.yaml). */
  source?: SourceText;
  messageId: M;
  data?: Record<string, string | number>;
  fix?: FixDescriptor | FixDescriptor[];
}

export interface FixDescriptor {
  title: string;
  edits: Edit[];
  suggestion?: boolean;
}

export interface EvidenceDescriptor {
  /** Where the evidence stands; a whole-file note when absent. */
  span?: Span;
  /** The file the span is in, when not the linted one. */
  source?: SourceText;
  note: string;
}

export interface RuleContext<T extends TargetName, M extends string> {
  readonly source: SourceText;
  readonly doc: TargetDocuments[T];
  readonly workspace: WorkspaceView;
  /** The other files of the workspace and their Kubernetes objects, for cross-file checks. */
  readonly project: ProjectView;
  /** For `runsAfterChecklist` rules: every item as the other rules decided it, with its findings. */
  readonly checklist: ChecklistView | undefined;
  report(descriptor: ReportDescriptor<M>): void;
  /** Positive evidence for the rule's item, shown in the checklist and the report. */
  evidence(descriptor: EvidenceDescriptor): void;
  /**
   * The item applies here and what would meet it is missing (no CI config, no
   * NetworkPolicy anywhere): a gap with this reason even when no line is to blame.
   */
  missing(reason: string): void;
}

export interface ChecklistView {
  entries: readonly ChecklistEntry[];
  findingsOf(item: ItemId): readonly Finding[];
}

export interface RuleDefinition<T extends TargetName = TargetName, M extends string = string> {
  id: string;
  target: T;
  meta: RuleMeta;
  /**
   * Full sentences with `{{placeholders}}`: what is wrong, why it matters in
   * production and how to fix it, in one or two sentences.
   */
  messages: Record<M, string>;
  check(ctx: RuleContext<T, M>): void;
}

/** Erases the target and message types so rules of every target fit one registry. */
export type AnyRule = {
  [T in TargetName]: RuleDefinition<T, string>;
}[TargetName];

export function defineRule<T extends TargetName, M extends string>(rule: RuleDefinition<T, M>): RuleDefinition<T, M> {
  return rule;
}

/** The rule's documentation, relative to the package root (shipped in the `.vsix`). */
export function ruleDocPath(id: string): string {
  return `rules/${id}.md`;
}
