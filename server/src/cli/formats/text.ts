import { groupByReason } from './not-counted';
import pc from 'picocolors';
import type { ItemStatus } from '../../engine/checklist';
import type { ScanResult } from '../../engine/scan';
import type { Finding, Severity } from '../../engine/types';

type Colors = ReturnType<typeof pc.createColors>;

const NOT_EVALUATED = 'not evaluated yet';

const SEVERITY_COLOR: Readonly<Record<Severity, keyof Colors>> = { error: 'red', warning: 'yellow', info: 'blue' };
const STATUS_MARK: Readonly<Record<ItemStatus, string>> = { met: '✔', partial: '◐', gap: '✖', 'n/a': '–', unknown: '?' };
const STATUS_COLOR: Readonly<Record<ItemStatus, keyof Colors>> = { met: 'green', partial: 'yellow', gap: 'red', 'n/a': 'gray', unknown: 'gray' };

/**
 * Findings grouped by file, as ESLint's stylish formatter shows them, then the
 * checklist in short: the readiness report for a terminal.
 */
export function formatText(result: ScanResult, useColor: boolean, quiet = false): string {
  const c = pc.createColors(useColor);
  const paint = (color: keyof Colors, text: string): string => (c[color] as (s: string) => string)(text);
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (quiet && f.severity !== 'error') continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const problem of result.problems) {
    if (!byFile.has(problem.file)) byFile.set(problem.file, []);
  }
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(c.underline(file));
    for (const p of result.problems.filter((x) => x.file === file)) {
      lines.push(`  ${p.line !== undefined ? `${p.line + 1}:1` : '-'}  ${paint('magenta', 'problem')}  ${p.message}`);
    }
    for (const f of findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`  ${c.dim(where.padEnd(7))} ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7))}  ${f.message}  ${c.dim(f.rule)}`);
    }
    lines.push('');
  }

  lines.push(c.bold(`Readiness: ${result.score}/100 — ${result.verdict}`));
  let category = '';
  const notYet: string[] = [];
  for (const entry of result.checklist) {
    if (entry.status === 'unknown' && entry.reason === NOT_EVALUATED) {
      notYet.push(entry.item);
      continue;
    }
    if (entry.category !== category) {
      category = entry.category;
      lines.push(`  ${c.bold(category)}`);
    }
    const mark = paint(STATUS_COLOR[entry.status], `${STATUS_MARK[entry.status]} ${entry.status.padEnd(7)}`);
    const detail =
      entry.status === 'n/a' || entry.status === 'unknown' || (entry.findings === 0 && entry.reason)
        ? c.dim(entry.reason ?? '')
        : entry.findings > 0
          ? `${entry.findings} finding${entry.findings === 1 ? '' : 's'}`
          : c.dim(entry.evidence[0] ? `${where(entry.evidence[0])}${entry.evidence[0].note}` : '');
    lines.push(`    ${mark} ${entry.title.padEnd(42)} ${detail}`);
  }
  if (notYet.length > 0) {
    lines.push(c.dim(`  ${notYet.length} item${notYet.length === 1 ? '' : 's'} not evaluated yet by any rule: ${notYet.join(', ')}`));
  }
  lines.push('');
  const counts = { error: 0, warning: 0, info: 0 };
  result.findings.forEach((f) => counts[f.severity]++);
  const total = result.findings.length;
  const summary = `${total} finding${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${result.files.scanned} file${result.files.scanned === 1 ? '' : 's'}`;
  lines.push(total > 0 ? paint(counts.error > 0 ? 'red' : 'yellow', `✖ ${summary}`) : paint('green', `✔ ${summary}`));
  if (result.suppressed > 0) lines.push(c.dim(`  ${result.suppressed} suppressed by readiness-ignore comments`));
  if (result.files.skipped.length > 0) {
    lines.push(c.dim(`  ${result.files.skipped.length} file${result.files.skipped.length === 1 ? '' : 's'} skipped:`));
    for (const s of result.files.skipped.slice(0, 10)) lines.push(c.dim(`    ${s.file} (${s.reason})`));
    if (result.files.skipped.length > 10) lines.push(c.dim(`    … and ${result.files.skipped.length - 10} more (see --format json)`));
  }
  const notCounted = groupByReason(result.files.notCounted);
  if (notCounted.length > 0) {
    const parts = notCounted.map((g) => `${g.files.length} ${g.label}`);
    lines.push(c.dim(`  not counted as evidence: ${parts.join(', ')} (see the report)`));
  }
  return `${lines.join('\n')}\n`;
}

/** `file:line ` of a piece of evidence; nothing for workspace-wide evidence, which has no file. */
function where(evidence: { file: string; line?: number }): string {
  if (evidence.file === '.' || evidence.file === '') return '';
  return `${evidence.file}${evidence.line !== undefined ? `:${evidence.line + 1}` : ''} `;
}
