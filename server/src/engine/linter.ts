import type { AnyRule, EvidenceDescriptor, FixDescriptor, ReportDescriptor, RuleContext } from '../../../rules/define-rule';
import { isTargetName, TARGETS, type TargetDocuments, type TargetName } from '../targets';
import type { Target } from '../targets/target';
import type { ItemId } from './checklist-items';
import type { FileKind } from './classify';
import { isProductionPath } from './liveness';
import type { ResolvedConfig } from './config';
import type { ParseCache } from './parse-cache';
import type { SourceText, Span } from './source';
import { collectSuppressions, isSuppressed } from './suppressions';
import type { Evidence, FileProblem, Finding, ResolvedFix, Severity, WorkspaceView } from './types';

export interface LintOptions {
  rules: readonly AnyRule[];
  config: ResolvedConfig;
  workspace: WorkspaceView;
  cache: ParseCache;
  /** Checked between rules; when it answers true the lint stops with a CancelledError. */
  isCancelled?: () => boolean;
}

export interface FileLintResult {
  file: string;
  kind: FileKind;
  findings: Finding[];
  evidence: Evidence[];
  /** Items some rule evaluated on this file: they apply to the workspace. */
  evaluated: Set<ItemId>;
  problems: FileProblem[];
  suppressed: number;
}

export class CancelledError extends Error {
  constructor() {
    super('Lint cancelled');
    this.name = 'CancelledError';
  }
}

/** The rules that run on a target, after configuration turned some off. */
export function activeRules(rules: readonly AnyRule[], target: TargetName, config: ResolvedConfig): AnyRule[] {
  return rules.filter(
    (rule) => rule.target === target && config.rules.get(rule.id) !== 'off' && !config.disabledItems.has(rule.meta.item) && !rule.meta.deprecated,
  );
}

/**
 * Lints one file: parse once (through the cache), run the target's rules on the shared
 * tree, then apply suppressions and severity overrides. A rule that throws becomes a
 * problem on the file; it never takes the others down with it.
 */
export function lintFile(source: SourceText, kind: FileKind, options: LintOptions): FileLintResult {
  const result: FileLintResult = { file: source.path, kind, findings: [], evidence: [], evaluated: new Set(), problems: [], suppressed: 0 };
  if (!isTargetName(kind) || !isProductionPath(source.path)) return result;
  const rules = activeRules(options.rules, kind, options.config);
  if (rules.length === 0) return result;
  const target = TARGETS[kind] as Target<TargetDocuments[typeof kind]>;
  const parsed = options.cache.get(target, source);
  result.problems.push(...parsed.problems);
  const doc = parsed.doc;
  if (doc === undefined) return result;

  const suppressions = collectSuppressions(source, target.comments(doc));
  for (const bad of suppressions.malformed) {
    result.problems.push({ file: source.path, line: bad.line, message: `"${bad.text}" names no rule or checklist item to ignore.` });
  }

  for (const rule of rules) {
    if (options.isCancelled?.()) throw new CancelledError();
    const severity: Severity = (options.config.rules.get(rule.id) as Severity | undefined) ?? rule.meta.severity;
    const related = rule.meta.related ?? [];
    const reports: Array<ReportDescriptor<string>> = [];
    const evidence: EvidenceDescriptor[] = [];
    const context: RuleContext<TargetName, string> = {
      source,
      doc,
      workspace: options.workspace,
      report: (descriptor) => reports.push(descriptor),
      evidence: (descriptor) => evidence.push(descriptor),
    };
    try {
      (rule.check as (ctx: RuleContext<TargetName, string>) => void)(context);
    } catch (error) {
      result.problems.push({ file: source.path, message: `Rule ${rule.id} failed on this file: ${(error as Error).message}` });
      continue;
    }
    result.evaluated.add(rule.meta.item);
    for (const report of reports) {
      const range = { start: source.positionAt(report.span.start), end: source.positionAt(report.span.end) };
      if (isSuppressed(suppressions, range.start.line, rule.id, rule.meta.item, related)) {
        result.suppressed++;
        continue;
      }
      const template = rule.messages[report.messageId] ?? report.messageId;
      result.findings.push({
        rule: rule.id,
        messageId: report.messageId,
        item: rule.meta.item,
        severity,
        file: source.path,
        range,
        span: report.span,
        message: formatMessage(template, report.data),
        fixes: resolveFixes(source, report.fix),
      });
    }
    for (const item of evidence) {
      result.evidence.push({
        item: rule.meta.item,
        file: source.path,
        line: item.span ? source.positionAt(item.span.start).line : undefined,
        note: item.note,
      });
    }
  }
  result.findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return result;
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
