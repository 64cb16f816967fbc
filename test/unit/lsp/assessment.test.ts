import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import { WorkDoneProgressCreateRequest } from 'vscode-languageserver-protocol/node';
import { ASSESSMENT_REQUEST, REPORT_REQUEST, SARIF_REQUEST, type AssessmentResult, type ReportResult } from '../../../server/src/shared/protocol';
import { fileUri, removeTempWorkspaces, tempWorkspace, TestClient } from './client';

const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

const FILES = {
  'services/api/Dockerfile': 'FROM node:20.11-slim\nWORKDIR /app\nCOPY package.json .\nCMD ["node", "server.js"]\n',
  'services/worker/Dockerfile': 'FROM node:20.11-slim\nUSER node\nCMD ["node", "worker.js"]\n',
};

async function start(files: Record<string, string>): Promise<{ client: TestClient; root: string }> {
  const root = tempWorkspace(files);
  const client = await TestClient.start({ folders: [root] });
  clients.push(client);
  client.connection.onRequest(WorkDoneProgressCreateRequest.method, () => null);
  return { client, root };
}

describe('language server: the checklist, the report and SARIF', () => {
  it('answers the checklist of the folder with statuses, evidence and findings linked to their lines', async () => {
    const { client, root } = await start(FILES);
    const result = await client.connection.sendRequest<AssessmentResult>(ASSESSMENT_REQUEST, {});
    assert.equal(result.folders.length, 1);
    const folder = result.folders[0];
    assert.ok(folder);
    assert.equal(folder.items.length, 44);
    const nonRoot = folder.items.find((i) => i.item === 'container.non-root');
    assert.equal(nonRoot?.status, 'partial');
    assert.deepEqual(nonRoot?.evidence[0]?.location, { uri: fileUri(root, 'services/worker/Dockerfile'), line: 1, character: 0 });
    const finding = nonRoot?.findings.find((f) => f.rule === 'dockerfile/require-non-root-user');
    assert.deepEqual(finding?.location, { uri: fileUri(root, 'services/api/Dockerfile'), line: 0, character: 0 });
    assert.equal(typeof folder.score, 'number');
    assert.ok(['Ready', 'Ready with gaps', 'Not ready', 'Not assessed'].includes(folder.verdict));
  });

  it('answers the Markdown report and SARIF of the same scan', async () => {
    const { client } = await start(FILES);
    const report = await client.connection.sendRequest<ReportResult>(REPORT_REQUEST, {});
    assert.match(report.markdown, /^# Production readiness: /);
    assert.match(report.markdown, /\[services\/api\/Dockerfile:1\]\(services\/api\/Dockerfile#L1\)/);
    const sarif = JSON.parse((await client.connection.sendRequest<ReportResult>(SARIF_REQUEST, {})).markdown);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'dockerfile/require-non-root-user'));
  });

  it('scans again after a save, so the checklist follows the files', async () => {
    const { client, root } = await start(FILES);
    const before = await client.connection.sendRequest<AssessmentResult>(ASSESSMENT_REQUEST, {});
    assert.equal(before.folders[0]?.items.find((i) => i.item === 'container.non-root')?.status, 'partial');
    const uri = fileUri(root, 'services/api/Dockerfile');
    const fixed = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY package.json .\nUSER node\nCMD ["node", "server.js"]\n';
    await client.open(uri, FILES['services/api/Dockerfile']);
    await client.change(uri, fixed);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/services/api/Dockerfile`, fixed);
    await client.save(uri);
    const after = await client.connection.sendRequest<AssessmentResult>(ASSESSMENT_REQUEST, {});
    assert.equal(after.folders[0]?.items.find((i) => i.item === 'container.non-root')?.status, 'met');
  });
});
