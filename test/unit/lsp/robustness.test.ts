import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import { LSPErrorCodes, ResponseError, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { fileUri, removeTempWorkspaces, tempWorkspace, TestClient } from './client';

const RULE = 'dockerfile/require-non-root-user';
const AS_ROOT = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
const FIXED = AS_ROOT.replace('CMD', 'USER 10001\nCMD');
const ruleDiagnostics = (items: Diagnostic[]): Diagnostic[] => items.filter((d) => d.code === RULE);

const clients: TestClient[] = [];
async function start(...args: Parameters<typeof TestClient.start>): Promise<TestClient> {
  const client = await TestClient.start(...args);
  clients.push(client);
  return client;
}
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

function isServerCancelled(error: unknown): boolean {
  return error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled && (error.data as { retriggerRequest?: boolean })?.retriggerRequest === true;
}

/** Deterministic pseudo-random text: control characters, NULs, lone surrogates, Dockerfile fragments. */
function garbage(length: number): string {
  const pieces = ['\0', '\u0007', '\uD800', '\uDFFF', '\uFFFD', '\\\n', '\r', '\t', 'FROM', ' AS ', 'RUN <<EOF', '$', '{', '"', '[', '#', '\n', 'ONBUILD', '\u202E'];
  let seed = 42;
  let out = '';
  while (out.length < length) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += pieces[seed % pieces.length];
  }
  return out;
}

describe('language server: hostile input', () => {
  it('survives garbage, binary-ish and very long texts and still answers afterwards', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    const inputs: Record<string, string> = {
      'garbage/Dockerfile': garbage(20_000),
      'noise/Dockerfile': garbage(5_000).replace(/\0/g, ''),
      'long/Dockerfile': `FROM alpine:3.20\nRUN echo ${'a'.repeat(200_000)}\nCMD ["sh"]\n`,
      'continued/Dockerfile': `FROM alpine:3.20\nRUN ${'echo x \\\n'.repeat(5_000)}\n`,
    };
    for (const [rel, text] of Object.entries(inputs)) {
      const uri = fileUri(root, rel);
      await client.open(uri, text);
      const report = await client.pull(uri);
      assert.equal(report.kind, 'full', rel);
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, report.kind === 'full' ? report.items : [], ['quickfix', 'source.fixAll']);
      assert.ok(Array.isArray(actions), rel);
    }
    const long = ruleDiagnostics(await client.diagnostics(fileUri(root, 'long/Dockerfile')));
    assert.equal(long[0]?.range.start.line, 0, 'the 200k-character line is linted, not skipped');

    const healthy = fileUri(root, 'Dockerfile');
    await client.open(healthy, AS_ROOT);
    assert.equal(ruleDiagnostics(await client.diagnostics(healthy)).length, 1);
    assert.deepEqual(client.errors(), []);
    assert.equal(client.process.exitCode, null);
  });

  it('answers requests about documents it does not have with empty results', async () => {
    const client = await start();
    const uri = 'file:///nowhere/Dockerfile';
    assert.deepEqual(await client.pull(uri), { kind: 'full', items: [] });
    assert.deepEqual(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
    assert.deepEqual(client.errors(), []);
  });
});

describe('language server: superseded versions', () => {
  it('a pull whose document changed while it waited answers ServerCancelled, and the next pull sees the new text', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The server asks for settings before it lints: hold that answer until the change is sent.
    client.settings = async () => {
      await gate;
      return {};
    };
    const uri = fileUri(root, 'Dockerfile');
    await client.open(uri, AS_ROOT);
    const pending = client.pull(uri);
    await client.waitFor('the settings request of the pull', () => client.configurationRequests.length > 0);
    await client.change(uri, FIXED);
    release();
    await assert.rejects(pending, isServerCancelled);
    assert.deepEqual(ruleDiagnostics(await client.diagnostics(uri)), []);
  });

  it('pulls racing rapid changes are cancelled or describe a version at least as new as the one they were sent for', async () => {
    const root = tempWorkspace();
    const client = await start({ folders: [root] });
    const uri = fileUri(root, 'Dockerfile');
    // Version v has v - 1 comment lines before FROM, so a diagnostic tells which text it came from.
    const textFor = (version: number): string => `${'# v\n'.repeat(version - 1)}FROM alpine:3.20\nCMD ["sh"]\n`;
    await client.open(uri, textFor(1));
    const last = 40;
    const pulls: Array<{ sentAt: number; answer: Promise<DocumentDiagnosticReport | 'cancelled'> }> = [];
    for (let v = 2; v <= last; v++) {
      await client.change(uri, textFor(v));
      const answer = client.pull(uri).catch((error: unknown) => {
        assert.ok(isServerCancelled(error), `unexpected error ${String(error)}`);
        return 'cancelled' as const;
      });
      pulls.push({ sentAt: v, answer });
    }
    let full = 0;
    for (const { sentAt, answer } of pulls) {
      const report = await answer;
      if (report === 'cancelled') continue;
      assert.equal(report.kind, 'full');
      const line = report.kind === 'full' ? ruleDiagnostics(report.items)[0]?.range.start.line : undefined;
      assert.ok(line !== undefined && line + 1 >= sentAt, `a pull sent at version ${sentAt} answered for version ${line === undefined ? '?' : line + 1}`);
      full++;
    }
    assert.ok(full >= 1, 'at least the last pull is answered');
    assert.equal(ruleDiagnostics(await client.diagnostics(uri))[0]?.range.start.line, last - 1);
  });
});
