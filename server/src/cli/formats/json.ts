import type { ScanResult } from '../../engine/scan';
import type { Finding } from '../../engine/types';
import { TOOL_NAME, TOOL_VERSION } from '../../shared/version';

/** A finding as cli.md fixes it: 1-based lines and columns, `endColumn` exclusive. */
export function findingToJson(f: Finding) {
  return {
    rule: f.rule,
    item: f.item,
    severity: f.severity,
    file: f.file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    message: f.message,
    fixes: f.fixes.map((fix) => ({ title: fix.title, ...(fix.suggestion ? { suggestion: true } : {}) })),
  };
}

export function formatJson(result: ScanResult): string {
  const output = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: result.root,
    findings: result.findings.map(findingToJson),
    checklist: result.checklist.map((entry) => ({
      item: entry.item,
      title: entry.title,
      category: entry.category,
      status: entry.status,
      findings: entry.findings,
      evidence: entry.evidence.map((e) => ({ file: e.file, ...(e.line !== undefined ? { line: e.line + 1 } : {}), note: e.note })),
      ...(entry.reason ? { reason: entry.reason } : {}),
    })),
    score: result.score,
    verdict: result.verdict,
    files: {
      scanned: result.files.scanned,
      skipped: result.files.skipped,
      notCounted: result.files.notCounted,
      problems: result.problems.map((p) => ({ file: p.file, ...(p.line !== undefined ? { line: p.line + 1 } : {}), message: p.message })),
    },
    suppressed: result.suppressed,
    durationMs: result.durationMs,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
