import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import resources from '../../../rules/k8s/require-resources';
import { classify } from '../../../server/src/engine/classify';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { lintDocument } from '../../../server/src/engine/lint-document';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { Project } from '../../../server/src/engine/project';
import { SourceText } from '../../../server/src/engine/source';

const files: Record<string, string> = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
  'chart/values.yaml': 'replicaCount: 2\nresources: {}\n',
  'chart/templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: ghcr.io/acme/api:1.0.0',
    '          resources:',
    '            {{- toYaml .Values.resources | nindent 12 }}',
    '',
  ].join('\n'),
  'chart/templates/worker.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: worker',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: worker',
    '          image: ghcr.io/acme/worker:1.0.0',
    '          resources: {{ toYaml .Values.resources | nindent 12 }}',
    '',
  ].join('\n'),
};

function lint(path: string, text: string) {
  const workspace = { hasFile: (p: string) => p in files, readText: (p: string) => files[p] };
  const cache = new ParseCache();
  const options = { rules: [resources], config: DEFAULT_CONFIG, workspace, cache, project: new Project(Object.keys(files), workspace, cache) };
  return lintDocument(new SourceText(path, text), classify(path, workspace), options);
}

describe('lintDocument', () => {
  it("shows a chart's values.yaml the findings its templates point at, once per key", () => {
    const result = lint('chart/values.yaml', files['chart/values.yaml'] as string);
    assert.deepEqual(
      result.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.messageId}`),
      ['chart/values.yaml:2 valuesEmpty'],
    );
  });

  it('reads the buffer being edited, not the saved values', () => {
    const edited = 'replicaCount: 2\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}\n';
    assert.deepEqual(lint('chart/values.yaml', edited).findings, []);
  });

  it("keeps a template's own diagnostics free of findings that belong to values.yaml", () => {
    const result = lint('chart/templates/deployment.yaml', files['chart/templates/deployment.yaml'] as string);
    assert.deepEqual(result.findings, []);
  });
});
