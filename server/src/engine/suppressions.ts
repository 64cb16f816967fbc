import type { SourceText } from './source';
import type { SourceComment } from '../targets/target';

/**
 * What a file's comments switch off: `readiness-ignore ID[, ID…] [-- reason]` for the
 * next line, `readiness-ignore-file ID[, …]` for the whole file, and hadolint's own
 * `hadolint ignore=DL3006` / `hadolint global ignore=…` pragmas. An ID is a rule id,
 * a checklist item id or a hadolint code (`hadolint:` prefixed in the set).
 */
export interface Suppressions {
  /** 0-based line → ids suppressed on it. */
  byLine: Map<number, Set<string>>;
  file: Set<string>;
  /** Directives that name nothing, reported back so a typo does not silently suppress nothing. */
  malformed: Array<{ line: number; text: string }>;
}

const DIRECTIVE = /^\s*readiness-ignore(-file)?(?:\s+(.*))?$/;
const HADOLINT = /^\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s]+)/;

export function collectSuppressions(source: SourceText, comments: readonly SourceComment[]): Suppressions {
  const result: Suppressions = { byLine: new Map(), file: new Set(), malformed: [] };
  for (const comment of comments) {
    const body = comment.text.trim();
    const endLine = source.positionAt(comment.span.end).line;
    const directive = DIRECTIVE.exec(body);
    if (directive) {
      const ids = parseIds(directive[2] ?? '');
      if (ids.length === 0) {
        result.malformed.push({ line: source.positionAt(comment.span.start).line, text: body });
        continue;
      }
      if (directive[1]) ids.forEach((id) => result.file.add(id));
      else addLine(result, endLine + 1, ids);
      continue;
    }
    const hadolint = HADOLINT.exec(body);
    if (hadolint) {
      const codes = (hadolint[2] ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((code) => `hadolint:${code.toUpperCase()}`);
      if (hadolint[1]) codes.forEach((code) => result.file.add(code));
      else addLine(result, endLine + 1, codes);
    }
  }
  return result;
}

/** `a, b c -- because` → [a, b, c]; the reason after `--` is for readers, not the engine. */
function parseIds(text: string): string[] {
  const withoutReason = text.split(/(?:^|\s)--(?:\s|$)/)[0] ?? '';
  return withoutReason
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && id !== '--');
}

function addLine(result: Suppressions, line: number, ids: string[]): void {
  let set = result.byLine.get(line);
  if (!set) {
    set = new Set();
    result.byLine.set(line, set);
  }
  ids.forEach((id) => set.add(id));
}

/** Whether a finding of `rule` (feeding `item`, mapping to `related` codes) on `line` is suppressed. */
export function isSuppressed(
  suppressions: Suppressions,
  line: number,
  rule: string,
  item: string,
  related: readonly string[],
): boolean {
  return matches(suppressions.file, rule, item, related) || matches(suppressions.byLine.get(line), rule, item, related);
}

function matches(set: ReadonlySet<string> | undefined, rule: string, item: string, related: readonly string[]): boolean {
  if (!set || set.size === 0) return false;
  if (set.has(rule) || set.has(item)) return true;
  for (const code of related) if (set.has(code)) return true;
  return false;
}
