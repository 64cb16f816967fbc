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

/** Each rule list's active rules per configuration and target: every lint asks again with the same three. */
const activeByRules = new WeakMap<readonly AnyRule[], WeakMap<ResolvedConfig, Map<string, readonly AnyRule[]>>>();

/** The rules that run on a target, after configuration turned some off. */
export function activeRules(rules: readonly AnyRule[], target: TargetName, config: ResolvedConfig, afterChecklist = false): readonly AnyRule[] {
  let byConfig = activeByRules.get(rules);
  if (!byConfig) {
    byConfig = new WeakMap();
    activeByRules.set(rules, byConfig);
  }
  let byTarget = byConfig.get(config);
  if (!byTarget) {
    byTarget = new Map();
    byConfig.set(config, byTarget);
  }
  const key = afterChecklist ? `${target}:after` : target;
  let active = byTarget.get(key);
  if (!active) {
    active = rules.filter(
      (rule) =>
        rule.target === target &&
        (rule.meta.runsAfterChecklist ?? false) === afterChecklist &&
        config.rules.get(rule.id) !== 'off' &&
        !config.disabledItems.has(rule.meta.item) &&
        !rule.meta.deprecated,
    );
    byTarget.set(key, active);
  }
  return active;
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
  runRules(rules, source, doc, () => target.comments(parsed.doc as TargetParsed[TargetName]), options, result);
  return result;
}

/**
 * Runs the workspace-wide rules once: what no single file decides (a CI config
 * somewhere, a NetworkPolicy for the workloads, a runbook).
 */
export function lintProject(project: ProjectView, options: LintOptions): FileLintResult {
  const result = emptyResult('.', 'other');
  const rules = activeRules(options.rules, 'workspace', options.config, options.checklist !== undefined);
  runRules(rules, new SourceText('.', ''), project, () => [], { ...options, project }, result);
  return result;
}

function emptyResult(file: string, kind: FileKind): FileLintResult {
  return { file, kind, findings: [], evidence: [], evaluated: new Set(), evaluatedBy: new Map(), problems: [], suppressed: 0, missing: new Map() };
}

function runRules(
  rules: readonly AnyRule[],
  source: SourceText,
  doc: TargetDocuments[TargetName],
  comments: () => readonly SourceComment[],
  options: LintOptions,
  result: FileLintResult,
): void {
  const project = options.project ?? emptyProject();
  const ownSuppressions = suppressionsOf(source, comments);
  for (const bad of ownSuppressions.malformed) {
    result.problems.push({ file: source.path, line: bad.line, message: `"${bad.text}" names no rule or checklist item to ignore.` });
  }
  const otherSuppressions = new Map<string, Suppressions>();
  const suppressionsFor = (file: SourceText): Suppressions => {
    if (file.path === source.path) return ownSuppressions;
    let found = otherSuppressions.get(file.path);
    if (!found) {
      found = suppressionsOf(file, () => commentsOf(file));
      otherSuppressions.set(file.path, found);
    }
    return found;
  };

  // Several templates may read the same values key: one finding for it.
  const seen = new Map<string, Set<string>>();
  for (const rule of rules) {
    if (options.isCancelled?.()) throw new CancelledError();
    const severity: Severity = (options.config.rules.get(rule.id) as Severity | undefined) ?? rule.meta.severity;
    const related = rule.meta.related ?? NO_CODES;
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
      let by = result.evaluatedBy.get(rule.meta.item);
      if (!by) {
        by = new Set<string>();
        result.evaluatedBy.set(rule.meta.item, by);
      }
      by.add(rule.target);
    }
    const firstMissing = missing[0];
    if (firstMissing !== undefined && !result.missing.has(rule.meta.item)) result.missing.set(rule.meta.item, firstMissing);
    for (const report of reports) {
      const where = report.source ?? source;
      const { start, end } = report.span;
      const spans = seenSpans(seen, `${rule.id}\0${report.messageId}\0${where.path}`);
      const spanKey = `${start}:${end}`;
      if (spans.has(spanKey)) continue;
      spans.add(spanKey);
      const startPosition = where.positionAt(start);
      const suppressions = suppressionsFor(where);
      if ((suppressions.file.size > 0 || suppressions.byLine.size > 0) && isSuppressed(suppressions, startPosition.line, rule.id, rule.meta.item, related)) {
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
        range: { start: startPosition, end: end === start ? { line: startPosition.line, character: startPosition.character } : where.positionAt(end) },
        span: report.span,
        message: formatMessage(template, report.data),
        fixes: resolveFixes(where, report.fix),
        lineText: where.lineText(startPosition.line).trim().slice(0, 500),
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
  result.findings.sort(byFileThenPosition);
}

const NO_CODES: readonly string[] = [];
const NO_SUPPRESSIONS: Suppressions = { byLine: new Map(), file: new Set(), malformed: [] };

/**
 * A file's suppressions. Every directive and pragma spells `readiness-ignore` or
 * `hadolint` inside a comment, and a comment is part of the text, so a text with
 * neither has none: its comments are not even collected (for tree-sitter files that
 * is a query over the whole tree and a node per comment).
 */
function suppressionsOf(source: SourceText, comments: () => readonly SourceComment[]): Suppressions {
  const text = source.text;
  if (!text.includes('readiness-ignore') && !text.includes('hadolint')) return NO_SUPPRESSIONS;
  return collectSuppressions(source, comments());
}

function seenSpans(seen: Map<string, Set<string>>, key: string): Set<string> {
  let spans = seen.get(key);
  if (!spans) {
    spans = new Set();
    seen.set(key, spans);
  }
  return spans;
}

/** By file, offset, then rule; most findings share their file, which `localeCompare` would still collate each time. */
function byFileThenPosition(a: Finding, b: Finding): number {
  if (a.file !== b.file) {
    const byFile = a.file.localeCompare(b.file);
    if (byFile !== 0) return byFile;
  }
  return a.span.start - b.span.start || (a.rule === b.rule ? 0 : a.rule.localeCompare(b.rule));
}

/** Comments of a file a rule reported into, by its syntax: YAML and Markdown are the ones rules reach across to. */
function commentsOf(file: SourceText): SourceComment[] {
  if (/\.(md|markdown)$/i.test(file.path)) return markdownComments(file);
  if (/\.ya?ml$/i.test(file.path)) return yamlComments(file.text);
  return [];
}

interface Template {
  /** The text around the placeholders: one more than there are placeholders. */
  literals: string[];
  keys: string[];
  /** Each placeholder as written, kept when the data lacks its key. */
  written: string[];
}

/** Templates come from rule definitions, a fixed set: each is split around its `{{ placeholders }}` once. */
const templates = new Map<string, Template>();

function compileTemplate(template: string): Template {
  const compiled: Template = { literals: [], keys: [], written: [] };
  const placeholder = /\{\{\s*(\w+)\s*\}\}/g;
  let last = 0;
  for (let match = placeholder.exec(template); match; match = placeholder.exec(template)) {
    compiled.literals.push(template.slice(last, match.index));
    compiled.keys.push(match[1] as string);
    compiled.written.push(match[0]);
    last = match.index + match[0].length;
  }
  compiled.literals.push(template.slice(last));
  return compiled;
}

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  let compiled = templates.get(template);
  if (!compiled) {
    compiled = compileTemplate(template);
    templates.set(template, compiled);
  }
  const { literals, keys, written } = compiled;
  if (keys.length === 0) return template;
  let message = literals[0] as string;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    message += key in data ? String(data[key]) : (written[i] as string);
    message += literals[i + 1] as string;
  }
  return message;
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
