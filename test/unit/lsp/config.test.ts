import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, removeTempWorkspaces, tempWorkspace, TestClient, type ClientOptions } from './client';

const RULE = 'dockerfile/require-non-root-user';
const AS_ROOT = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
const RULE_OFF = `rules:\n  ${RULE}: off\n`;
const INVALID = `ignore:\n  - "**/testdata/**"\nrules:\n  ${RULE}: sometimes\n`;
const ruleDiagnostics = (items: Diagnostic[]): Diagnostic[] => items.filter((d) => d.code === RULE);

const clients: TestClient[] = [];
async function start(options: ClientOptions): Promise<TestClient> {
  const client = await TestClient.start(options);
  clients.push(client);
  return client;
}
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

async function ruleFindings(client: TestClient, uri: string): Promise<number> {
  if (client.version(uri) === 0) await client.open(uri, AS_ROOT);
  return ruleDiagnostics(await client.diagnostics(uri)).length;
}

describe('language server: .readiness.yaml', () => {
  it('turns a rule off for the folder it sits in, and only there (multi-root)', async () => {
    const quiet = tempWorkspace({ '.readiness.yaml': RULE_OFF });
    const plain = tempWorkspace();
    const nested = tempWorkspace({ '.readiness.yaml': RULE_OFF });
    const client = await start({ folders: [quiet, plain] });
    assert.equal(await ruleFindings(client, fileUri(quiet, 'services/api/Dockerfile')), 0);
    assert.equal(await ruleFindings(client, fileUri(plain, 'Dockerfile')), 1);
    // Outside every folder: the file's own directory is the root, with its configuration.
    assert.equal(await ruleFindings(client, fileUri(nested, 'Dockerfile')), 0);
  });

  it('the innermost folder wins for nested workspace folders', async () => {
    const outer = tempWorkspace({ 'inner/.readiness.yaml': RULE_OFF });
    const client = await start({ folders: [outer, path.join(outer, 'inner')] });
    assert.equal(await ruleFindings(client, fileUri(outer, 'inner/Dockerfile')), 0);
    assert.equal(await ruleFindings(client, fileUri(outer, 'Dockerfile')), 1);
  });

  it('an invalid file is an error on its line, and the defaults keep Dockerfiles linted', async () => {
    const root = tempWorkspace({ '.readiness.yaml': INVALID });
    const client = await start({ folders: [root] });
    const configUri = fileUri(root, '.readiness.yaml');
    const published = await client.waitForPublished(configUri);
    assert.equal(published.diagnostics.length, 1);
    const [error] = published.diagnostics;
    assert.deepEqual(error?.range, { start: { line: 3, character: 0 }, end: { line: 3, character: `  ${RULE}: sometimes`.length } });
    assert.equal(error?.severity, DiagnosticSeverity.Error);
    assert.equal(error?.code, 'readiness/config');
    assert.equal(error?.source, 'readiness');
    assert.match(String(error?.message), /dockerfile\/require-non-root-user/);
    assert.equal(await ruleFindings(client, fileUri(root, 'Dockerfile')), 1);
  });

  it('an unknown rule id is an error too', async () => {
    const root = tempWorkspace({ '.readiness.yaml': 'rules:\n  dockerfile/no-such-rule: off\n' });
    const client = await start({ folders: [root] });
    const published = await client.waitForPublished(fileUri(root, '.readiness.yaml'));
    assert.equal(published.diagnostics[0]?.range.start.line, 1);
    assert.match(String(published.diagnostics[0]?.message), /unknown rule "dockerfile\/no-such-rule"/);
  });

  it('reloads on a watched-file change: clears the error, asks for a refresh and applies the new rules', async () => {
    const root = tempWorkspace({ '.readiness.yaml': INVALID });
    const client = await start({ folders: [root] });
    const configUri = fileUri(root, '.readiness.yaml');
    const dockerfile = fileUri(root, 'Dockerfile');
    await client.waitForPublished(configUri, (p) => p.diagnostics.length === 1);
    assert.equal(await ruleFindings(client, dockerfile), 1);

    writeFileSync(path.join(root, '.readiness.yaml'), RULE_OFF);
    const refreshes = client.refreshRequests;
    await client.watchedFilesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    await client.waitForPublished(configUri, (p) => p.diagnostics.length === 0);
    await client.waitFor('a diagnostic refresh', () => client.refreshRequests > refreshes);
    assert.equal(await ruleFindings(client, dockerfile), 0);
  });

  it('in push mode re-publishes open documents after a reload', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root], pull: false });
    const dockerfile = fileUri(root, 'Dockerfile');
    await client.open(dockerfile, AS_ROOT);
    await client.waitForPublished(dockerfile, (p) => ruleDiagnostics(p.diagnostics).length === 1);
    writeFileSync(path.join(root, '.readiness.yaml'), RULE_OFF);
    await client.watchedFilesChanged([{ uri: fileUri(root, '.readiness.yaml'), type: FileChangeType.Created }]);
    await client.waitForPublished(dockerfile, (p) => ruleDiagnostics(p.diagnostics).length === 0);
  });

  it('a .gitignore change is picked up without a restart', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'legacy/Dockerfile');
    assert.equal(await ruleFindings(client, uri), 1);
    writeFileSync(path.join(root, '.gitignore'), 'legacy/\n');
    await client.watchedFilesChanged([{ uri: fileUri(root, '.gitignore'), type: FileChangeType.Created }]);
    assert.equal(await ruleFindings(client, uri), 0);
  });
});
