import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { runCli } from '../../../server/src/cli/main';
import { fileUri, pullRuleUntil, removeTempWorkspaces, tempWorkspace, TestClient } from './client';

const RULE = 'k8s/require-resources';
const CHART = {
  'charts/orders/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
  'charts/orders/values.yaml': 'replicaCount: 2\nimage:\n  repository: ghcr.io/acme/orders\n  tag: 1.4.2\nresources: {}\n',
  'charts/orders/templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "orders.fullname" . }}',
    'spec:',
    '  replicas: {{ .Values.replicaCount }}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
    '',
  ].join('\n'),
  'deploy/worker.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          image: ghcr.io/acme/worker:1.4.2\n',
};

const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.kill()));
after(removeTempWorkspaces);

const pullUntil = (client: TestClient, uri: string, done: (items: Diagnostic[]) => boolean): Promise<Diagnostic[]> => pullRuleUntil(client, uri, RULE, done);

describe('language server: Kubernetes manifests and Helm charts', () => {
  it("shows a chart's values.yaml the finding its templates point at, at the key", async () => {
    const root = tempWorkspace(CHART);
    const client = await TestClient.start({ folders: [root] });
    clients.push(client);
    const uri = fileUri(root, 'charts/orders/values.yaml');
    await client.open(uri, CHART['charts/orders/values.yaml'], 'yaml');
    const items = await pullUntil(client, uri, (d) => d.length > 0);
    assert.equal(items.length, 1);
    assert.deepEqual(items[0]?.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } });
    assert.match(String(items[0]?.message), /^The chart's default `resources` is empty/);

    // The buffer being edited is what the templates read.
    await client.change(uri, 'replicaCount: 2\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}\n');
    assert.deepEqual(await pullUntil(client, uri, (d) => d.length === 0), []);
  });

  it('gives a plain manifest the same findings as the CLI, and none of the values.yaml ones to the template', async () => {
    const root = tempWorkspace(CHART);
    const client = await TestClient.start({ folders: [root] });
    clients.push(client);
    const worker = fileUri(root, 'deploy/worker.yaml');
    await client.open(worker, CHART['deploy/worker.yaml'], 'yaml');
    const items = await pullUntil(client, worker, (d) => d.length > 0);
    let stdout = '';
    await runCli(['scan', root, '--format', 'json'], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: root, isTTY: false, colorEnv: {} });
    const cli = JSON.parse(stdout).findings.filter((f: { rule: string; file: string }) => f.rule === RULE && f.file === 'deploy/worker.yaml');
    assert.deepEqual(
      items.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.message]),
      cli.map((f: { line: number; column: number; message: string }) => [f.line, f.column, f.message]),
    );
    assert.equal(items.length, 1);

    const template = fileUri(root, 'charts/orders/templates/deployment.yaml');
    await client.open(template, CHART['charts/orders/templates/deployment.yaml'], 'helm');
    assert.deepEqual((await client.diagnostics(template)).filter((d) => d.code === RULE), []);
  });

  it('a YAML file that does not parse is a diagnostic on it, and the server goes on', async () => {
    const root = tempWorkspace({});
    const client = await TestClient.start({ folders: [root] });
    clients.push(client);
    const broken = fileUri(root, 'deploy/broken.yaml');
    await client.open(broken, 'apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n', 'yaml');
    const items = await client.diagnostics(broken);
    assert.equal(items.length, 1);
    assert.match(String(items[0]?.message), /YAML syntax error/);
    const good = fileUri(root, 'deploy/worker.yaml');
    await client.open(good, CHART['deploy/worker.yaml'], 'yaml');
    assert.equal((await client.diagnostics(good)).filter((d) => d.code === RULE).length, 1);
  });
});
