import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, afterEach, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ALL_RULES } from '../../../rules';
import { applyWorkspaceEdit, fileUri, removeTempWorkspaces, tempWorkspace, TestClient, type ClientOptions } from './client';

const RULE = 'dockerfile/require-non-root-user';
const AS_ROOT = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
const FIXED = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["node", "server.js"]\n';
/** Only the rule under test, so expected texts do not depend on what other rules fix. */
const ONLY_RULE = { rules: Object.fromEntries(ALL_RULES.filter((r) => r.id !== RULE).map((r) => [r.id, 'off'])) };

const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

async function openDockerfile(text: string, options: ClientOptions = {}) {
  const root = tempWorkspace();
  const client = await TestClient.start({ folders: [root], settings: () => ONLY_RULE, ...options });
  clients.push(client);
  const uri = fileUri(root, 'Dockerfile');
  await client.open(uri, text);
  const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === RULE);
  assert.ok(diagnostic, `no ${RULE} diagnostic`);
  return { client, uri, diagnostic };
}

function byTitle(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** Applies an action to the client's text, sends the result and returns the rule's diagnostics after it. */
async function applyAndRelint(client: TestClient, uri: string, action: CodeAction): Promise<{ text: string; after: Diagnostic[] }> {
  const text = applyWorkspaceEdit(client.text(uri), uri, action.edit, client.version(uri));
  await client.change(uri, text);
  return { text, after: (await client.diagnostics(uri)).filter((d) => d.code === RULE) };
}

describe('language server: quick fixes', () => {
  it("offers the finding's fix as the preferred quick fix, versioned, and applying it clears the diagnostic", async () => {
    const { client, uri, diagnostic } = await openDockerfile(AS_ROOT);
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    assert.equal(actions[0]?.title, 'Add USER 10001 before CMD', 'the fix comes first');
    const fix = byTitle(actions, 'Add USER 10001 before CMD');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    const change = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const { text, after } = await applyAndRelint(client, uri, fix);
    assert.equal(text, FIXED);
    assert.deepEqual(after, []);
  });

  it('"Ignore … on this line" adds an indented readiness-ignore comment above that suppresses the finding', async () => {
    const { client, uri, diagnostic } = await openDockerfile(`  ${AS_ROOT}`);
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const ignore = byTitle(actions, `Ignore ${RULE} on this line`);
    assert.equal(ignore.isPreferred, undefined);
    const { text, after } = await applyAndRelint(client, uri, ignore);
    assert.equal(text, `  # readiness-ignore ${RULE} -- reason\n  ${AS_ROOT}`);
    assert.deepEqual(after, []);
  });

  it('"Ignore … on this line" joins an existing directive on the line above', async () => {
    const { client, uri, diagnostic } = await openDockerfile(`# readiness-ignore dockerfile/other -- legacy base\n${AS_ROOT}`);
    const ignore = byTitle(await client.codeActions(uri, diagnostic.range, [diagnostic]), `Ignore ${RULE} on this line`);
    const { text, after } = await applyAndRelint(client, uri, ignore);
    assert.equal(text, `# readiness-ignore dockerfile/other, ${RULE} -- legacy base\n${AS_ROOT}`);
    assert.deepEqual(after, []);
  });

  it('"Ignore … in this file" goes below the parser directives and suppresses the finding', async () => {
    const withDirective = `# syntax=docker/dockerfile:1\n# escape=\\\n${AS_ROOT}`;
    const { client, uri, diagnostic } = await openDockerfile(withDirective);
    const ignore = byTitle(await client.codeActions(uri, diagnostic.range, [diagnostic]), `Ignore ${RULE} in this file`);
    const { text, after } = await applyAndRelint(client, uri, ignore);
    assert.equal(text, `# syntax=docker/dockerfile:1\n# escape=\\\n# readiness-ignore-file ${RULE}\n${AS_ROOT}`);
    assert.deepEqual(after, []);
  });

  it('"Show documentation" runs readiness.openRuleDocs with the rule and its doc', async () => {
    const { client, uri, diagnostic } = await openDockerfile(AS_ROOT);
    const docs = byTitle(await client.codeActions(uri, diagnostic.range, [diagnostic]), `Show documentation for ${RULE}`);
    assert.equal(docs.command?.command, 'readiness.openRuleDocs');
    const [args] = docs.command?.arguments ?? [];
    assert.equal(args.ruleId, RULE);
    assert.equal(args.uri, diagnostic.codeDescription?.href);
    assert.ok(existsSync(URI.parse(args.uri).fsPath));
  });

  it('offers nothing for a diagnostic of another version or source, and no fix-all in the light bulb', async () => {
    const { client, uri, diagnostic } = await openDockerfile(AS_ROOT);
    const foreign = { ...diagnostic, source: 'hadolint' };
    const moved = { ...diagnostic, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } } };
    assert.deepEqual(await client.codeActions(uri, diagnostic.range, [foreign, moved]), []);
    const all = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    assert.ok(all.every((a) => a.kind === 'quickfix'));
    assert.deepEqual(await client.codeActions(uri, diagnostic.range, [diagnostic], ['refactor']), []);
  });
});

describe('language server: fix all', () => {
  it('source.fixAll.readiness applies the fixes of the whole file in one edit, without diagnostics in the request', async () => {
    const { client, uri } = await openDockerfile(AS_ROOT);
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    const fixAll = byTitle(actions, 'Fix all auto-fixable Readiness problems');
    assert.equal(fixAll.kind, 'source.fixAll.readiness');
    const { text, after } = await applyAndRelint(client, uri, fixAll);
    assert.equal(text, FIXED);
    assert.deepEqual(after, []);
  });

  it('with every rule on, its edits never overlap and the file comes out without this finding', async () => {
    const text = 'FROM node\nRUN apt-get update && apt-get install -y curl\nADD https://example.com/x.tgz /x.tgz\nCOPY . .\nCMD node server.js\n';
    const { client, uri } = await openDockerfile(text, { settings: () => ({}) });
    const [fixAll] = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.readiness']);
    assert.ok(fixAll?.edit?.documentChanges);
    const edits = fixAll.edit.documentChanges.flatMap((c) => ('edits' in c && c.textDocument.uri === uri ? c.edits : []));
    const offset = (p: { line: number; character: number }): number => p.line * 1e6 + p.character;
    const spans = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end) })).sort((a, b) => a.start - b.start);
    spans.slice(1).forEach((span, i) => {
      const previous = spans[i] as { start: number; end: number };
      assert.ok(span.start >= previous.end && span.start !== previous.start, `edits overlap: ${JSON.stringify(edits)}`);
    });
    const { after } = await applyAndRelint(client, uri, fixAll);
    assert.deepEqual(after, []);
  });
});
