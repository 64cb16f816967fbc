import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  type OptionalVersionedTextDocumentIdentifier,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { SourceText } from '../engine/source';
import type { ResolvedEdit, ResolvedFix } from '../engine/types';
import type { LintOutcome, OpenDocuments } from './document-linter';

/** What the client can apply, from its `workspace.workspaceEdit` capabilities. */
export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
}

interface FileChanges {
  uri: string;
  /** null for a file that is not open: the client applies the edit to the file on disk. */
  version: number | null;
  create: boolean;
  edits: TextEdit[];
}

/**
 * Turns engine fixes into one WorkspaceEdit. Edits of the linted file are tied to the
 * version they were computed for, so a client drops them if the text moved on; edits
 * with `create` write a sibling file, created first when it does not exist. Undefined
 * when the client cannot apply them (no resource operations for a new file).
 */
export function fixesToWorkspaceEdit(
  fixes: readonly ResolvedFix[],
  outcome: LintOutcome,
  documents: OpenDocuments,
  caps: EditCapabilities,
): WorkspaceEdit | undefined {
  const own: FileChanges = { uri: outcome.uri, version: outcome.version, create: false, edits: [] };
  const files = new Map<string, FileChanges>([[own.uri, own]]);
  for (const fix of fixes) {
    for (const edit of fix.edits) {
      if (edit.file === outcome.source.path) {
        own.edits.push(TextEdit.replace(edit.range, edit.text));
        continue;
      }
      const sibling = siblingChanges(edit, outcome, documents, files);
      if (!sibling) return undefined;
      sibling.edits.push(TextEdit.replace(siblingRange(edit, sibling, documents), edit.text));
    }
  }
  const changed = [...files.values()].filter((f) => f.edits.length > 0 || f.create);
  if (changed.length === 0) return undefined;
  if (changed.some((f) => f.create) && !(caps.documentChanges && caps.createFiles)) return undefined;
  if (!caps.documentChanges) {
    return { changes: Object.fromEntries(changed.map((f) => [f.uri, f.edits])) };
  }
  const documentChanges: Array<TextDocumentEdit | CreateFile> = [];
  for (const file of changed) {
    if (file.create) documentChanges.push(CreateFile.create(file.uri, { ignoreIfExists: true }));
    const id: OptionalVersionedTextDocumentIdentifier = { uri: file.uri, version: file.version };
    if (file.edits.length > 0) documentChanges.push(TextDocumentEdit.create(id, file.edits));
  }
  return { documentChanges };
}

function siblingChanges(edit: ResolvedEdit, outcome: LintOutcome, documents: OpenDocuments, files: Map<string, FileChanges>): FileChanges | undefined {
  const root = outcome.location.root;
  if (root === undefined) return undefined;
  const uri = URI.file(path.join(root, ...edit.file.split('/'))).toString();
  let changes = files.get(uri);
  if (!changes) {
    const open = documents.get(uri);
    const exists = open !== undefined || existsSync(URI.parse(uri).fsPath);
    changes = { uri, version: open?.version ?? null, create: !exists, edits: [] };
    files.set(uri, changes);
  }
  return changes;
}

/** Sibling edits carry offsets only (the start or end of that file): position them in its current text. */
function siblingRange(edit: ResolvedEdit, target: FileChanges, documents: OpenDocuments): TextEdit['range'] {
  if (target.create) return edit.range;
  const open = documents.get(target.uri);
  const text = open ? open.getText() : readOrEmpty(URI.parse(target.uri).fsPath);
  const source = new SourceText('', text);
  return { start: source.positionAt(edit.span.start), end: source.positionAt(edit.span.end) };
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The fixes "fix all" applies: the first non-suggestion fix of each finding, skipping
 * any that would touch text an earlier one already changes (as ESLint does); the
 * skipped ones come back on the next lint.
 */
export function nonOverlappingFixes(fixes: readonly ResolvedFix[]): ResolvedFix[] {
  // An insertion occupies half a character, as in apply-fixes.ts: two at one point, or one
  // at the start of a replaced range, would interleave; one at its end does not.
  const extent = (edit: ResolvedEdit) => ({ file: edit.file, start: edit.span.start, end: edit.span.end > edit.span.start ? edit.span.end : edit.span.start + 0.5 });
  const taken: Array<ReturnType<typeof extent>> = [];
  const overlaps = (edit: ResolvedEdit): boolean => {
    const e = extent(edit);
    return taken.some((t) => t.file === e.file && e.start < t.end && t.start < e.end);
  };
  const kept: ResolvedFix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some(overlaps)) continue;
    kept.push(fix);
    taken.push(...fix.edits.map(extent));
  }
  return kept;
}
