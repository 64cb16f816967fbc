import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { ProjectIndex } from '../../../server/src/lsp/project-index';

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-index-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('ProjectIndex', () => {
  it('adds an unsaved buffer to the files once, and classifies it again when the index changes', async () => {
    const root = workspace({ 'chart/values.yaml': 'a: 1\n' });
    const index = new ProjectIndex();
    index.files(root, DEFAULT_CONFIG, 'x');
    await index.ready();
    const first = index.files(root, DEFAULT_CONFIG, 'chart/templates/new.yaml');
    assert.equal(index.files(root, DEFAULT_CONFIG, 'chart/templates/new.yaml'), first, 'the same list while the index stands');
    assert.equal(first.find((f) => f.path === 'chart/templates/new.yaml')?.kind, 'yaml');
    // The chart appears: the buffer is now one of its templates.
    index.update(root, 'chart/Chart.yaml', true);
    const after = index.files(root, DEFAULT_CONFIG, 'chart/templates/new.yaml');
    assert.equal(after.find((f) => f.path === 'chart/templates/new.yaml')?.kind, 'helm-template');
    assert.equal(after.find((f) => f.path === 'chart/values.yaml')?.kind, 'helm-values');
    assert.equal(after.filter((f) => f.path === 'chart/templates/new.yaml').length, 1);
  });

  it('lists a saved file once, not as an extra', async () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine\n' });
    const index = new ProjectIndex();
    index.files(root, DEFAULT_CONFIG, 'Dockerfile');
    await index.ready();
    assert.equal(index.files(root, DEFAULT_CONFIG, 'Dockerfile').filter((f) => f.path === 'Dockerfile').length, 1);
  });
});
