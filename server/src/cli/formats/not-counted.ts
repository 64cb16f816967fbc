import type { NotCountedFile } from '../../engine/scan';

export interface NotCountedGroup {
  reason: string;
  /** The reason as a plural noun phrase for a count: "3 test code files". */
  label: string;
  files: string[];
}

/** Files that count for nothing, one group per reason, largest first. */
export function groupByReason(files: readonly NotCountedFile[]): NotCountedGroup[] {
  const groups = new Map<string, string[]>();
  for (const { file, reason } of files) {
    const list = groups.get(reason) ?? [];
    list.push(file);
    groups.set(reason, list);
  }
  return [...groups]
    .map(([reason, list]) => ({ reason: capitalise(reason), label: labelOf(reason, list.length), files: list }))
    .sort((a, b) => b.files.length - a.files.length || a.reason.localeCompare(b.reason));
}

function labelOf(reason: string, count: number): string {
  const files = count === 1 ? 'file' : 'files';
  if (reason === 'test code' || reason === 'example code') return `${reason} ${files}`;
  if (reason.startsWith('Rust file')) return `unbuilt Rust ${files}`;
  if (reason.startsWith('Helm template')) return `Helm template${count === 1 ? '' : 's'} that render${count === 1 ? 's' : ''} nothing by default or cannot be read`;
  return `${files} (${reason})`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
