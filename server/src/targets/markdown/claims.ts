import MarkdownIt from 'markdown-it';
import type { SourceText, Span } from '../../engine/source';

/** A line of a readiness document that says something is done. */
export interface Claim {
  /** The claim's words without the tick (`Rate limiting on the public API`). */
  text: string;
  /** The whole line the claim stands on. */
  span: Span;
}

const markdown = new MarkdownIt({ html: false });

const TICKED_ITEM = /^\[[xX]\]\s+(.+)$/;
const TICK_MARK = /^(?:✅|✔️?|☑️?|🟢)\s*(.+)$/u;
const DONE_WORD = /^(?:✅|✔️?|☑️?|🟢|\[[xX]\]|yes|done|working|implemented|complete[d]?|ready|in place|enabled|met)\.?$/iu;
const INLINE_STATUS = /^(.+?)\s*(?::|—|–|-)\s*(?:status:\s*)?(?:✅|✔️?|working|done|implemented|complete[d]?|in place|enabled)\.?$/iu;

/**
 * The claims of a Markdown document, read with a Markdown parser: ticked task-list
 * items (`- [x] Rate limiting`), items marked ✅, table rows whose status cell says
 * done (`| TLS | ✅ |`, `| Graceful shutdown | Working |`) and "X: Working" lines.
 * Unticked items and prose are not claims.
 */
export function extractClaims(source: SourceText, options: { onlyUnderHeading?: RegExp } = {}): Claim[] {
  const tokens = markdown.parse(source.text, {});
  const claims: Claim[] = [];
  let rowMap: [number, number] | null = null;
  let rowCells: string[] = [];
  let inHeading = false;
  let sectionMatches = options.onlyUnderHeading === undefined;
  for (const token of tokens) {
    if (token.type === 'heading_open') {
      inHeading = true;
      continue;
    }
    if (token.type === 'heading_close') {
      inHeading = false;
      continue;
    }
    if (inHeading && token.type === 'inline') {
      if (options.onlyUnderHeading) sectionMatches = options.onlyUnderHeading.test(token.content);
      continue;
    }
    if (!sectionMatches) continue;
    if (token.type === 'tr_open') {
      rowMap = token.map;
      rowCells = [];
      continue;
    }
    if (token.type === 'tr_close') {
      const claim = tableClaim(rowCells);
      if (claim && rowMap) claims.push({ text: claim, span: lineSpan(source, rowMap[0]) });
      rowMap = null;
      continue;
    }
    if (token.type !== 'inline') continue;
    const content = token.content.trim();
    if (rowMap) {
      rowCells.push(content);
      continue;
    }
    if (!token.map) continue;
    const claimText = TICKED_ITEM.exec(content)?.[1] ?? TICK_MARK.exec(content)?.[1] ?? INLINE_STATUS.exec(content)?.[1];
    if (claimText) claims.push({ text: plain(claimText), span: lineSpan(source, token.map[0]) });
  }
  return claims;
}

function tableClaim(cells: readonly string[]): string | undefined {
  if (cells.length < 2 || !cells.slice(1).some((c) => DONE_WORD.test(c.trim()))) return undefined;
  const subject = cells.find((c) => !DONE_WORD.test(c.trim()) && c.trim() !== '');
  return subject ? plain(subject) : undefined;
}

/** Claim text without Markdown emphasis or code marks. */
function plain(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

function lineSpan(source: SourceText, line: number): Span {
  return { start: source.lineStart(line), end: source.lineEnd(line) };
}
