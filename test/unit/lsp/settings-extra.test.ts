import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import { normalizeSettings } from '../../../server/src/shared/settings';
import { fileUri, removeTempWorkspaces, tempWorkspace, TestClient } from './client';

const AS_ROOT = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY package.json .\nCMD ["node", "server.js"]\n';
const RULE = 'dockerfile/require-non-root-user';

const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

async function diagnosticsWith(settings: unknown, file = 'services/api/Dockerfile') {
  const root = tempWorkspace({ [file]: AS_ROOT });
  const client = await TestClient.start({ folders: [root], settings: () => settings });
  clients.push(client);
  const uri = fileUri(root, file);
  await client.open(uri, AS_ROOT);
  return (await client.diagnostics(uri)).map((d) => d.code);
}

describe('language server: readiness.items and readiness.ignore', () => {
  it('reports the rule with default settings', async () => {
    assert.ok((await diagnosticsWith({})).includes(RULE));
  });

  it('readiness.items turns an item off, and its rules with it', async () => {
    const codes = await diagnosticsWith({ items: { 'container.non-root': 'off' } });
    assert.equal(codes.includes(RULE), false);
    assert.ok(codes.length > 0, 'other items still report');
  });

  it('readiness.ignore leaves matching files alone', async () => {
    assert.deepEqual(await diagnosticsWith({ ignore: ['services/**'] }), []);
    assert.ok((await diagnosticsWith({ ignore: ['legacy/**'] })).includes(RULE));
  });

  it('normalizes what a client sends', () => {
    const settings = normalizeSettings({ items: { 'a.b': false, 'c.d': 'on', 'e.f': 3 }, ignore: ['x/**', 4, ''] });
    assert.deepEqual(settings.items, { 'a.b': 'off', 'c.d': 'on' });
    assert.deepEqual(settings.ignore, ['x/**']);
  });
});
