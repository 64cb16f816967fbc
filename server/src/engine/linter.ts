import type { AnyRule, ChecklistView, EvidenceDescriptor, FixDescriptor, ReportDescriptor, RuleContext } from '../../../rules/define-rule';
import { targetOfKind, TARGETS, type TargetDocuments, type TargetName, type TargetParsed } from '../targets';
import type { SourceComment, Target, TargetEnv } from '../targets/target';
import type { YamlFile } from '../targets/yaml/yaml-file';
import { parseYamlFile, yamlComments } from '../targets/yaml/yaml-file';
import { markdownComments } from '../targets/markdown/comments';
import type { ItemId } from './checklist-items';
import type { FileKind } from './classify';
import type { ResolvedConfig } from './config';
import { isProductionPath } from './liveness';
import type { ParseCache } from './parse-cache';
import { SourceText, type Span } from './source';
import { emptyProject, type ProjectView } from './project';
import { collectSuppressions, isSuppressed, type Suppressions } from './suppressions';
import type { Evidence, FileProblem, Finding, ResolvedFix, Severity, WorkspaceView } from './types';

export interface LintOptions {
  rules: readonly AnyRule[];
  config: ResolvedConfig;
  workspace: WorkspaceView;
  cache: ParseCache;
  /** The rest of the workspace, for cross-file rules; an empty project when absent. */
  project?: ProjectView;
  /** What the other rules decided, for rules that run after the checklist. */
  checklist?: ChecklistView;
  /** Checked between rules; when it answers true the lint stops with a CancelledError. */
  isCancelled?: () => boolean;
}

export interface FileLintResult {
  file: string;
  kind: FileKind;
  /** Findings of this lint, some possibly in another file (a Helm chart's values.yaml). */
  findings: Finding[];
  evidence: Evidence[];
  /** Items some rule evaluated on this file: they apply to the workspace. */
  evaluated: Set<ItemId>;
  /** Which targets evaluated each item, for reasons like "nothing in the Dockerfiles decides it". */
  evaluatedBy: Map<ItemId, Set<string>>;
  problems: FileProblem[];
  suppressed: number;
  /** Items that apply and lack what would meet them, with the reason. */
  missing: Map<ItemId, string>;
}

export class CancelledError extends Error {
  constructor() {
    super('Lint cancelled');
    this.name = 'CancelledError';
  }
}

/** The rules that run on a target, after configuration turned some off. */
export function activeRules(rules: readonly AnyRule[], target: TargetName, config: ResolvedConfig, afterChecklist = false): AnyRule[] {
  return rules.filter(
    (rule) =>
      rule.target === target &&
      (rule.meta.runsAfterChecklist ?? false) === afterChecklist &&
      config.rules.get(rule.id) !== 'off' &&
      !config.disabledItems.has(rule.meta.item) &&
      !rule.meta.deprecated,
  );
}

/** The pseudo-kind under which a YAML sibling (values.yaml) is parsed for another file's lint. */
const VALUES_KIND: FileKind = 'helm-values';
const valuesTarget: Target<YamlFile, YamlFile> = {
  name: 'yaml',
  parse: (source) => parseYamlFile(source),
  comments: (parsed) => yamlComments(parsed.source.text),
};

/**
 * Lints one file: parse once (through the cache), run the target's rules on the shared
 * tree, then apply suppressions and severity overrides. A rule that throws becomes a
 * problem on the file; it never takes the others down with it.
 */
export function lintFile(source: SourceText, kind: FileKind, options: LintOptions): FileLintResult {
  const result = emptyResult(source.path, kind);
  const targetName = targetOfKind(kind);
  if (!targetName || !isProductionPath(source.path)) return result;
  const rules = activeRules(options.rules, targetName, options.config);
  if (rules.length === 0) return result;
  const target = TARGETS[targetName] as Target<TargetParsed[TargetName], TargetDocuments[TargetName]>;
  const parsed = options.cache.get(target, source, kind);
  result.problems.push(...parsed.problems);
  if (parsed.doc === undefined) return result;
  const env: TargetEnv = {
    workspace: options.workspace,
    parseYaml: (sibling) => options.cache.get(valuesTarget, sibling, VALUES_KIND).doc,
  };
  const doc = target.prepare ? target.prepare(parsed.doc, source, env) : (parsed.doc as TargetDocuments[TargetName]);
  runRules(rules, source, doc, target.comments(parsed.doc), options, result);
  return result;
}

/**
 * Runs the workspace-wide rules once: what no single file decides (a CI config
 * somewhere, a NetworkPolicy for the workloads, a runbook).
 */
export function lintProject(project: ProjectView, options: LintOptions): FileLintResult {
  const result = emptyResult('.', 'other');
  const rules = activeRules(options.rules, 'workspace', options.config, options.checklist !== undefined);
  runRules(rules, new SourceText('.', ''), project, [], { ...options, project }, result);
  return result;
}

function emptyResult(file: string, kind: FileKind): FileLintResult {
  return { file, kind, findings: [], evidence: [], evaluated: new Set(), evaluatedBy: new Map(), problems: [], suppressed: 0, missing: new Map() };
}

function runRules(
  rules: readonly AnyRule[],
  source: SourceText,
  doc: TargetDocuments[TargetName],
  comments: readonly SourceComment[],
  options: LintOptions,
  result: FileLintResult,
): void {
  const project = options.project ?? emptyProject();
  const ownSuppressions = collectSuppressions(source, comments);
  for (const bad of ownSuppressions.malformed) {
    result.problems.push({ file: source.path, line: bad.line, message: `"${bad.text}" names no rule or checklist item to ignore.` });
  }
  const otherSuppressions = new Map<string, Suppressions>();
  const suppressionsFor = (file: SourceText): Suppressions => {
    if (file.path === source.path) return ownSuppressions;
    let found = otherSuppressions.get(file.path);
    if (!found) {
      found = collectSuppressions(file, commentsOf(file));
      otherSuppressions.set(file.path, found);
    }
    return found;
  };

  const seen = new Set<string>();
  for (const rule of rules) {
    if (options.isCancelled?.()) throw new CancelledError();
    const severity: Severity = (options.config.rules.get(rule.id) as Severity | undefined) ?? rule.meta.severity;
    const related = rule.meta.related ?? [];
    const reports: Array<ReportDescriptor<string>> = [];
    const evidence: EvidenceDescriptor[] = [];
    const missing: string[] = [];
    const context: RuleContext<TargetName, string> = {
      source,
      doc,
      workspace: options.workspace,
      project,
      checklist: options.checklist,
      report: (descriptor) => reports.push(descriptor),
      evidence: (descriptor) => evidence.push(descriptor),
      missing: (reason) => missing.push(reason),
    };
    try {
      (rule.check as (ctx: RuleContext<TargetName, string>) => void)(context);
    } catch (error) {
      result.problems.push({ file: source.path, message: `Rule ${rule.id} failed on this file: ${(error as Error).message}` });
      continue;
    }
    // A workspace rule that found nothing to judge leaves its item n/a (no service, no database).
    if (rule.target !== 'workspace' || reports.length > 0 || evidence.length > 0 || missing.length > 0) {
      result.evaluated.add(rule.meta.item);
      const by = result.evaluatedBy.get(rule.meta.item) ?? new Set<string>();
      by.add(rule.target);
      result.evaluatedBy.set(rule.meta.item, by);
    }
    const firstMissing = missing[0];
    if (firstMissing !== undefined && !result.missing.has(rule.meta.item)) result.missing.set(rule.meta.item, firstMissing);
    for (const report of reports) {
      const where = report.source ?? source;
      const range = { start: where.positionAt(report.span.start), end: where.positionAt(report.span.end) };
      // Several templates may read the same values key: one finding for it.
      const key = `${rule.id}\0${report.messageId}\0${where.path}\0${report.span.start}\0${report.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (isSuppressed(suppressionsFor(where), range.start.line, rule.id, rule.meta.item, related)) {
        result.suppressed++;
        continue;
      }
      const template = rule.messages[report.messageId] ?? report.messageId;
      result.findings.push({
        rule: rule.id,
        messageId: report.messageId,
        item: rule.meta.item,
        severity,
        file: where.path,
        range,
        span: report.span,
        message: formatMessage(template, report.data),
        fixes: resolveFixes(where, report.fix),
        lineText: where.lineText(range.start.line).trim().slice(0, 500),
      });
    }
    for (const item of evidence) {
      const where = item.source ?? source;
      result.evidence.push({
        item: rule.meta.item,
        file: where.path,
        line: item.span ? where.positionAt(item.span.start).line : undefined,
        note: item.note,
      });
    }
  }
  result.findings.sort((a, b) => a.file.localeCompare(b.file) || a.span.start - b.span.start || a.rule.localeCompare(b.rule));
}

/** Comments of a file a rule reported into, by its syntax: YAML and Markdown are the ones rules reach across to. */
function commentsOf(file: SourceText): SourceComment[] {
  if (/\.(md|markdown)$/i.test(file.path)) return markdownComments(file);
  if (/\.ya?ml$/i.test(file.path)) return yamlComments(file.text);
  return [];
}

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

function resolveFixes(source: SourceText, fix: FixDescriptor | FixDescriptor[] | undefined): ResolvedFix[] {
  if (!fix) return [];
  const fixes = Array.isArray(fix) ? fix : [fix];
  return fixes.map((f) => ({
    title: f.title,
    suggestion: f.suggestion ?? false,
    edits: f.edits.map((edit) => ({
      file: edit.file ?? source.path,
      span: edit.span,
      range: edit.file ? spanAsRange(edit.span) : { start: source.positionAt(edit.span.start), end: source.positionAt(edit.span.end) },
      text: edit.text,
      create: edit.file ? true : undefined,
    })),
  }));
}

/** Edits of another file are written at its start or end, so the span carries no line map. */
function spanAsRange(span: Span): Finding['range'] {
  return { start: { line: 0, character: span.start }, end: { line: 0, character: span.end } };
}
