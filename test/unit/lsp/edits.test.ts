/**
 * Fix → WorkspaceEdit conversion on synthetic fixes: what no shipped rule exercises
 * deterministically (edits that create another file, clients without resource
 * operations or documentChanges, overlapping fixes for "fix all").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceText } from '../../../server/src/engine/source';
import type { ResolvedFix } from '../../../server/src/engine/types';
import type { LintOutcome } from '../../../server/src/lsp/document-linter';
import { fixesToWorkspaceEdit, nonOverlappingFixes } from '../../../server/src/lsp/edits';
import { fileUri, removeTempWorkspaces, tempWorkspace } from './client';

after(removeTempWorkspaces);

const TEXT = 'FROM alpine:3.20\nCOPY . .\nCMD ["sh"]\n';
const ALL = { documentChanges: true, createFiles: true };

function outcome(root: string, version = 3): LintOutcome {
  return {
    uri: fileUri(root, 'app/Dockerfile'),
    version,
    generation: 0,
    location: { root, relativePath: 'app/Dockerfile' },
    kind: 'dockerfile',
    source: new SourceText('app/Dockerfile', TEXT),
    findings: [],
    problems: [],
    diagnostics: [],
  };
}

const noDocuments = { get: () => undefined };

function ownEdit(start: number, end: number, text: string): ResolvedFix['edits'][number] {
  const source = new SourceText('app/Dockerfile', TEXT);
  return { file: 'app/Dockerfile', span: { start, end }, range: { start: source.positionAt(start), end: source.positionAt(end) }, text };
}

const createIgnore: ResolvedFix = {
  title: 'Add a .dockerignore',
  suggestion: false,
  edits: [{ file: 'app/.dockerignore', span: { start: 0, end: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '.git\n', create: true }],
};

describe('fixesToWorkspaceEdit', () => {
  it('ties edits of the document to the linted version', () => {
    const root = tempWorkspace();
    const edit = fixesToWorkspaceEdit([{ title: 't', suggestion: false, edits: [ownEdit(26, 26, 'USER 10001\n')] }], outcome(root), noDocuments, ALL);
    const [change] = (edit?.documentChanges ?? []) as TextDocumentEdit[];
    assert.deepEqual(change?.textDocument, { uri: fileUri(root, 'app/Dockerfile'), version: 3 });
    assert.deepEqual(change?.edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'USER 10001\n' }]);
  });

  it('creates a missing sibling file, then writes it', () => {
    const root = tempWorkspace();
    const edit = fixesToWorkspaceEdit([createIgnore], outcome(root), noDocuments, ALL);
    const uri = fileUri(root, 'app/.dockerignore');
    assert.deepEqual(edit?.documentChanges, [
      { kind: 'create', uri, options: { ignoreIfExists: true } } satisfies CreateFile,
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '.git\n' }] },
    ]);
  });

  it('offers no edit that creates a file to a client without resource operations', () => {
    const root = tempWorkspace();
    assert.equal(fixesToWorkspaceEdit([createIgnore], outcome(root), noDocuments, { documentChanges: true, createFiles: false }), undefined);
    assert.equal(fixesToWorkspaceEdit([createIgnore], outcome(root), noDocuments, { documentChanges: false, createFiles: false }), undefined);
  });

  it('positions an edit at the end of an existing sibling in its current text, open buffer first', () => {
    const root = tempWorkspace({ 'app/.dockerignore': 'node_modules\n.env\n' });
    const onDisk = readFileSync(path.join(root, 'app/.dockerignore'), 'utf8');
    const append: ResolvedFix = { ...createIgnore, edits: [{ ...createIgnore.edits[0]!, span: { start: onDisk.length, end: onDisk.length } }] };
    const uri = fileUri(root, 'app/.dockerignore');
    const fromDisk = fixesToWorkspaceEdit([append], outcome(root), noDocuments, ALL);
    assert.deepEqual(fromDisk?.documentChanges, [
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '.git\n' }] },
    ]);
    const open = TextDocument.create(uri, 'ignore', 7, 'a\nb\nc\nd\n');
    const fromBuffer = fixesToWorkspaceEdit([append], outcome(root), { get: (u: string) => (u === uri ? open : undefined) }, ALL);
    const [change] = (fromBuffer?.documentChanges ?? []) as TextDocumentEdit[];
    assert.equal(change?.textDocument.version, 7);
    assert.deepEqual(change?.edits[0]?.range.start, open.positionAt(onDisk.length));
  });

  it('falls back to `changes` for a client without documentChanges', () => {
    const root = tempWorkspace();
    const edit = fixesToWorkspaceEdit([{ title: 't', suggestion: false, edits: [ownEdit(0, 4, 'from')] }], outcome(root), noDocuments, { documentChanges: false, createFiles: false });
    assert.deepEqual(edit, { changes: { [fileUri(root, 'app/Dockerfile')]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'from' }] } });
  });
});

describe('nonOverlappingFixes', () => {
  it('keeps the first of overlapping fixes and of insertions at one point, whole fixes only', () => {
    // c touches a's end (allowed); c2 inserts at c's end (allowed); e inserts where d does (dropped).
    const a: ResolvedFix = { title: 'a', suggestion: false, edits: [ownEdit(0, 4, 'X')] };
    const overlapsA: ResolvedFix = { title: 'b', suggestion: false, edits: [ownEdit(30, 31, 'Y'), ownEdit(2, 6, 'Z')] };
    const touchesA: ResolvedFix = { title: 'c', suggestion: false, edits: [ownEdit(4, 5, 'W')] };
    const insertAtStartOfC: ResolvedFix = { title: 'c2', suggestion: false, edits: [ownEdit(5, 5, '?')] };
    const insert: ResolvedFix = { title: 'd', suggestion: false, edits: [ownEdit(26, 26, 'USER 1\n')] };
    const sameInsert: ResolvedFix = { title: 'e', suggestion: false, edits: [ownEdit(26, 26, 'USER 2\n')] };
    const other = { ...createIgnore, title: 'f' };
    assert.deepEqual(
      nonOverlappingFixes([a, overlapsA, touchesA, insertAtStartOfC, insert, sameInsert, other]).map((f) => f.title),
      ['a', 'c', 'c2', 'd', 'f'],
    );
  });
});
