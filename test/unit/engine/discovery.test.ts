import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverFiles } from '../../../server/src/engine/discovery';

function workspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-discovery-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('discoverFiles', () => {
  it('honours .gitignore at every level, with negation', async () => {
    const root = workspace({
      '.gitignore': 'build/\n*.generated.yaml\n',
      'Dockerfile': 'FROM alpine:3.20\n',
      'build/Dockerfile': 'FROM alpine:3.20\n',
      'deploy/app.generated.yaml': 'kind: Pod\n',
      'deploy/app.yaml': 'kind: Pod\n',
      'services/api/.gitignore': 'local/\n!keep.generated.yaml\n',
      'services/api/Dockerfile': 'FROM node:20\n',
      'services/api/local/Dockerfile': 'FROM node:20\n',
      'services/api/keep.generated.yaml': 'kind: Pod\n',
    });
    roots.push(root);
    const result = await discoverFiles(root, { maxFileSize: 1024 * 1024 });
    assert.deepEqual(
      result.files.map((f) => f.path),
      ['Dockerfile', 'deploy/app.yaml', 'services/api/Dockerfile', 'services/api/keep.generated.yaml'],
    );
  });

  it('skips dependency and build folders and configured globs', async () => {
    const root = workspace({
      'node_modules/pkg/Dockerfile': 'FROM x\n',
      'vendor/github.com/x/Dockerfile': 'FROM x\n',
      'target/Dockerfile': 'FROM x\n',
      'dist/Dockerfile': 'FROM x\n',
      '.git/Dockerfile': 'FROM x\n',
      'examples/demo/Dockerfile': 'FROM x\n',
      'app/Dockerfile': 'FROM x\n',
    });
    roots.push(root);
    const result = await discoverFiles(root, { maxFileSize: 1024 * 1024, ignore: ['examples/**'] });
    assert.deepEqual(result.files.map((f) => f.path), ['app/Dockerfile']);
  });

  it('reports binary and over-size files as skipped with a reason', async () => {
    const root = workspace({
      'Dockerfile': 'FROM alpine:3.20\n',
      'images/Dockerfile.bin.dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x01, 0x02, 0xff, 0x00, 0x00]),
      'big/Dockerfile': `FROM alpine\n${'#'.repeat(4096)}\n`,
    });
    roots.push(root);
    const result = await discoverFiles(root, { maxFileSize: 1024 });
    assert.deepEqual(result.files.map((f) => f.path), ['Dockerfile']);
    assert.deepEqual(result.skipped.map((s) => s.file), ['big/Dockerfile', 'images/Dockerfile.bin.dockerfile']);
    assert.match(result.skipped[0]?.reason ?? '', /larger than 1 KiB/);
    assert.equal(result.skipped[1]?.reason, 'binary');
  });

  it('follows symlinks inside the workspace once, refuses ones leading out, survives loops', async () => {
    const outside = workspace({ 'Dockerfile': 'FROM outside\n' });
    const root = workspace({ 'real/Dockerfile': 'FROM alpine:3.20\n' });
    roots.push(outside, root);
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    symlinkSync(root, path.join(root, 'real', 'loop'));
    symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'Dockerfile'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling'));
    const result = await discoverFiles(root, { maxFileSize: 1024 * 1024 });
    assert.deepEqual(result.files.map((f) => f.path), ['alias/Dockerfile']);
    assert.deepEqual(
      result.skipped.map((s) => `${s.file}: ${s.reason}`),
      ['Dockerfile: symlink out of the workspace', 'dangling: broken symlink'],
    );
  });

  it('classifies what it reads and strips a BOM', async () => {
    const root = workspace({
      'Containerfile': '\ufeffFROM alpine:3.20\n',
      'docker-compose.yml': 'services: {}\n',
      'chart/Chart.yaml': 'name: x\n',
      'chart/values.yaml': 'replicaCount: 1\n',
      'chart/templates/deployment.yaml': 'kind: Deployment\n',
      'chart/templates/_helpers.tpl': '{{/* */}}\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    roots.push(root);
    const result = await discoverFiles(root, { maxFileSize: 1024 * 1024 });
    assert.deepEqual(
      result.files.map((f) => `${f.path}=${f.kind}`),
      [
        '.github/workflows/ci.yml=ci',
        'Containerfile=dockerfile',
        'chart/Chart.yaml=helm-chart',
        'chart/templates/_helpers.tpl=helm-helper',
        'chart/templates/deployment.yaml=helm-template',
        'chart/values.yaml=helm-values',
        'docker-compose.yml=compose',
      ],
    );
    assert.equal(result.files.find((f) => f.path === 'Containerfile')?.text, 'FROM alpine:3.20\n');
    assert.ok(result.allPaths.has('logo.png'), 'files that are not read are still known to exist');
  });
});
