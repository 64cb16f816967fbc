import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, pullRuleUntil, removeTempWorkspaces, tempWorkspace, TestClient } from './client';

const RULE = 'dockerfile/require-healthcheck';
const DOCKERFILE = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
const PROBED = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: cart',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: cart',
  '          image: ghcr.io/acme/cart:1.4.0',
  '          readinessProbe:',
  '            httpGet: {path: /healthz, port: 8080}',
  '',
].join('\n');
const UNPROBED = PROBED.split('\n').slice(0, 11).join('\n') + '\n';

const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

const pullUntil = (client: TestClient, uri: string, done: (items: Diagnostic[]) => boolean): Promise<Diagnostic[]> => pullRuleUntil(client, uri, RULE, done);

describe('language server: a Dockerfile and the workloads that run its image', () => {
  it('follows the manifests it depends on, in open buffers and on disk, while the Dockerfile is edited', async () => {
    const root = tempWorkspace({ 'services/cart/Dockerfile': DOCKERFILE, 'deploy/cart.yaml': PROBED });
    const client = await TestClient.start({ folders: [root] });
    clients.push(client);
    const dockerfile = fileUri(root, 'services/cart/Dockerfile');
    await client.open(dockerfile, DOCKERFILE);
    // The server learns the workspace's files in the background; a lint before that
    // lacks the manifests until the next edit.
    let edits = 0;
    const editUntilClean = async (): Promise<Diagnostic[]> => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const items = (await client.diagnostics(dockerfile)).filter((d) => d.code === RULE);
        if (items.length === 0 || Date.now() > deadline) return items;
        await new Promise((resolve) => setTimeout(resolve, 100));
        await client.change(dockerfile, `${DOCKERFILE}# edit ${++edits}\n`);
      }
    };
    assert.deepEqual(await editUntilClean(), [], 'Kubernetes probes the image');

    // Typing in the Dockerfile reuses what the manifests said…
    await client.change(dockerfile, `${DOCKERFILE}# a comment\n`);
    assert.deepEqual(await pullUntil(client, dockerfile, (d) => d.length === 0), []);

    // …until an open manifest changes: its buffer is what counts.
    const manifest = fileUri(root, 'deploy/cart.yaml');
    await client.open(manifest, PROBED, 'yaml');
    await client.change(manifest, UNPROBED);
    await client.change(dockerfile, `${DOCKERFILE}# another comment\n`);
    assert.equal((await pullUntil(client, dockerfile, (d) => d.length === 1)).length, 1, 'the probe was removed in the open manifest');
    await client.close(manifest);

    // A manifest changed on disk, reported by the editor, counts at once.
    writeFileSync(path.join(root, 'deploy/cart.yaml'), PROBED);
    await client.watchedFilesChanged([{ uri: manifest, type: FileChangeType.Changed }]);
    await client.change(dockerfile, `${DOCKERFILE}# a third comment\n`);
    assert.deepEqual(await pullUntil(client, dockerfile, (d) => d.length === 0), [], 'the probe is back on disk');
  });
});
