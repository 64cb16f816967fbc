import type { ResolvedEdit } from './types';

/**
 * Applies edits of one file to its text, last first so earlier offsets stay valid.
 * Overlapping edits are dropped after the first, as ESLint does, so "fix all" never
 * corrupts a file; the dropped ones show up again on the next lint.
 */
export function applyEdits(text: string, edits: readonly Pick<ResolvedEdit, 'span' | 'text'>[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: Array<Pick<ResolvedEdit, 'span' | 'text'>> = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.span.start < lastEnd) continue;
    kept.push(edit);
    lastEnd = Math.max(edit.span.end, edit.span.start === edit.span.end ? edit.span.start + 0.5 : edit.span.end);
  }
  let result = text;
  for (let i = kept.length - 1; i >= 0; i--) {
    const edit = kept[i] as Pick<ResolvedEdit, 'span' | 'text'>;
    result = result.slice(0, edit.span.start) + edit.text + result.slice(edit.span.end);
  }
  return result;
}
