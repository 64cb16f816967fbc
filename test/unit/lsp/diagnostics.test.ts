import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, afterEach, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { runCli } from '../../../server/src/cli/main';
import { fileUri, removeTempWorkspaces, tempWorkspace, TestClient } from './client';

const RULE = 'dockerfile/require-non-root-user';
const AS_ROOT = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
const ruleDiagnostics = (items: Diagnostic[]): Diagnostic[] => items.filter((d) => d.code === RULE);

const clients: TestClient[] = [];
async function start(...args: Parameters<typeof TestClient.start>): Promise<TestClient> {
  const client = await TestClient.start(...args);
  clients.push(client);
  return client;
}
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

/** What every test expects of the diagnostic for AS_ROOT. */
function assertRootDiagnostic(diagnostic: Diagnostic | undefined): void {
  assert.ok(diagnostic, `no ${RULE} diagnostic`);
  assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } });
  assert.equal(diagnostic.source, 'readiness');
  assert.equal(diagnostic.code, RULE);
  assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
  assert.match(String(diagnostic.message), /^The final stage never sets USER/);
  assert.deepEqual(diagnostic.data, { ruleId: RULE, item: 'container.non-root' });
  const href = diagnostic.codeDescription?.href ?? '';
  assert.ok(href.startsWith('file://'), `codeDescription.href is ${href}`);
  const doc = URI.parse(href).fsPath;
  assert.ok(doc.endsWith('rules/dockerfile/require-non-root-user.md') && existsSync(doc), `${doc} is not the rule's doc`);
}

describe('language server: initialize', () => {
  it('declares incremental sync, pull diagnostics and code action kinds to a pull-capable client', async () => {
    const client = await start();
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'readiness');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.readiness'], resolveProvider: false });
  });

  it('declares no diagnostic provider to a client that cannot pull', async () => {
    const client = await start({ pull: false });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  it('speaks over --node-ipc too, as the VS Code client starts it', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root], transport: 'ipc' });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    assertRootDiagnostic(ruleDiagnostics(await client.diagnostics(uri))[0]);
    assert.equal(await client.shutdown(), 0);
  });

  it('shutdown then exit ends the process with code 0', async () => {
    const client = await start();
    assert.equal(await client.shutdown(), 0);
  });
});

describe('language server: pull diagnostics', () => {
  it('reports a Dockerfile that runs as root on its FROM line, with source, code, docs and data', async () => {
    const root = tempWorkspace({ Dockerfile: AS_ROOT });
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    const items = await client.diagnostics(uri);
    assert.equal(ruleDiagnostics(items).length, 1);
    assertRootDiagnostic(ruleDiagnostics(items)[0]);
  });

  it('reports problems with the file itself (a directive that names nothing) on their line', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, `FROM alpine:3.20\n# readiness-ignore -- why\n${AS_ROOT.slice(AS_ROOT.indexOf('\n') + 1)}`);
    const problem = (await client.diagnostics(uri)).find((d) => d.code === 'readiness/problem');
    assert.ok(problem, 'no readiness/problem diagnostic');
    assert.equal(problem.source, 'readiness');
    assert.equal(problem.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(problem.range, { start: { line: 1, character: 0 }, end: { line: 1, character: '# readiness-ignore -- why'.length } });
    assert.match(String(problem.message), /names no rule or checklist item/);
  });

  it('reports exactly what the CLI reports for the same file', async () => {
    const text = 'FROM node:20.11-slim AS build\nRUN apt-get update && apt-get install -y curl\nCOPY . .\nFROM node\nCOPY --from=build /app /app\nUSER root\nCMD ["node", "server.js"]\n';
    const root = tempWorkspace({ 'services/api/Dockerfile': text });
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'services/api/Dockerfile');
    await client.open(uri, text);
    const fromServer = (await client.diagnostics(uri)).map((d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}`);

    let stdout = '';
    await runCli(['scan', root, '--format', 'json', '--fail-on', 'none'], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: root, isTTY: false, colorEnv: {} });
    const findings = (JSON.parse(stdout) as { findings: Array<{ rule: string; file: string; line: number; column: number }> }).findings;
    const fromCli = findings.filter((f) => f.file === 'services/api/Dockerfile').map((f) => `${f.rule} ${f.line}:${f.column}`);
    assert.ok(fromCli.includes(`${RULE} 6:1`), `the CLI found: ${fromCli.join(', ')}`);
    assert.deepEqual([...fromServer].sort(), [...fromCli].sort());
  });

  it('reflects a didChange that fixes the file', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    assert.equal(ruleDiagnostics(await client.diagnostics(uri)).length, 1);
    // An incremental change: insert a line before CMD.
    await client.change(uri, 'USER 10001\n', { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
    assert.equal(client.text(uri), 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["node", "server.js"]\n');
    assert.deepEqual(ruleDiagnostics(await client.diagnostics(uri)), []);
  });

  it('answers an unchanged report for a result id it already gave for this version', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const again = await client.pull(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    await client.change(uri, AS_ROOT.replace('CMD', 'USER 10001\nCMD'));
    const changed = await client.pull(uri, first.resultId);
    assert.equal(changed.kind, 'full');
  });

  it('classifies by language id: a dockerfile buffer with an odd name is linted', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'build/image.spec');
    await client.open(uri, AS_ROOT, 'dockerfile');
    assertRootDiagnostic(ruleDiagnostics(await client.diagnostics(uri))[0]);
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, AS_ROOT, 'dockerfile');
    assert.equal(ruleDiagnostics(await client.diagnostics(untitled)).length, 1);
  });

  it('skips files a scan would skip: .gitignore, configured ignore globs, test fixtures', async () => {
    const root = tempWorkspace({ '.gitignore': 'generated/\n', '.readiness.yaml': 'ignore: ["legacy/**"]\n' });
    const client = await start({ folders: [root] });
    for (const rel of ['generated/Dockerfile', 'legacy/Dockerfile', 'test/fixtures/Dockerfile', 'node_modules/x/Dockerfile']) {
      const uri = fileUri(root, rel);
      await client.open(uri, AS_ROOT);
      assert.deepEqual(await client.diagnostics(uri), [], rel);
    }
    const kept = fileUri(root, 'app/Dockerfile');
    await client.open(kept, AS_ROOT);
    assert.equal(ruleDiagnostics(await client.diagnostics(kept)).length, 1);
  });
});

describe('language server: settings', () => {
  it('applies readiness.rules per resource on top of the defaults, and readiness.enable', async () => {
    const root = tempWorkspace();
    let settings: unknown = { rules: { [RULE]: 'error' } };
    const client = await start({ folders: [root], settings: () => settings });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    const [diagnostic] = ruleDiagnostics(await client.diagnostics(uri));
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
    assert.equal(client.configurationRequests[0]?.scopeUri, uri);
    assert.equal(client.configurationRequests[0]?.section, 'readiness');

    settings = { enable: false };
    const refreshes = client.refreshRequests;
    await client.configurationChanged();
    await client.waitFor('a diagnostic refresh after the settings changed', () => client.refreshRequests > refreshes);
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  it('uses settings pushed in didChangeConfiguration when the client cannot be asked', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root], configuration: false });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    assert.equal(ruleDiagnostics(await client.diagnostics(uri)).length, 1);
    await client.configurationChanged({ readiness: { rules: { [RULE]: 'off' } } });
    assert.deepEqual(ruleDiagnostics(await client.diagnostics(uri)), []);
    assert.equal(client.configurationRequests.length, 0);
  });

  it('in onSave mode keeps the saved result while the buffer has unsaved edits', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root], settings: () => ({ run: 'onSave' }) });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    await client.change(uri, AS_ROOT.replace('CMD', 'USER 10001\nCMD'));
    assert.deepEqual(await client.pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    await client.save(uri);
    const saved = await client.pull(uri, first.resultId);
    assert.equal(saved.kind, 'full');
    assert.deepEqual(saved.kind === 'full' ? ruleDiagnostics(saved.items) : undefined, []);
  });
});

describe('language server: push diagnostics', () => {
  it('publishes the same diagnostic on open, re-publishes on change and clears on close', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root], pull: false });
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    const opened = await client.waitForPublished(uri, (p) => p.version === 1);
    assert.equal(ruleDiagnostics(opened.diagnostics).length, 1);
    assertRootDiagnostic(ruleDiagnostics(opened.diagnostics)[0]);

    await client.change(uri, AS_ROOT.replace('CMD', 'USER 10001\nCMD'));
    const changed = await client.waitForPublished(uri, (p) => p.version === 2);
    assert.deepEqual(ruleDiagnostics(changed.diagnostics), []);

    await client.change(uri, AS_ROOT);
    await client.waitForPublished(uri, (p) => p.version === 3 && ruleDiagnostics(p.diagnostics).length === 1);
    await client.close(uri);
    const closed = await client.waitForPublished(uri, (p) => p.version === undefined);
    assert.deepEqual(closed.diagnostics, []);
  });

  it('never publishes a superseded version after a newer one, and ends on the latest', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root], pull: false });
    const uri = fileUri(root, 'Dockerfile');
    // Version v has v comment lines before FROM, so each diagnostic tells which text it came from.
    const textFor = (version: number): string => `${'# v\n'.repeat(version - 1)}FROM alpine:3.20\nCMD ["sh"]\n`;
    await client.open(uri, textFor(1));
    const last = 30;
    for (let v = 2; v <= last; v++) await client.change(uri, textFor(v));
    await client.waitForPublished(uri, (p) => p.version === last);
    const forUri = client.published.filter((p) => p.uri === uri);
    let previous = 0;
    for (const p of forUri) {
      assert.ok(p.version !== undefined && p.version >= previous, `version ${p.version} published after ${previous}`);
      previous = p.version;
      assert.equal(ruleDiagnostics(p.diagnostics)[0]?.range.start.line, p.version - 1, `diagnostics of version ${p.version} do not match its text`);
    }
  });
});
