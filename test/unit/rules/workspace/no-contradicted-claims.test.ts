import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import nonRoot from '../../../../rules/dockerfile/require-non-root-user';
import rule from '../../../../rules/workspace/no-contradicted-claims';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { scanWorkspace } from '../../../../server/src/engine/scan';

// Claims are judged against what the other rules decide, so these cases scan a whole
// workspace with the claims rule and the rule that decides the claimed item.
const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

async function scan(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-claims-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return scanWorkspace(root, { rules: [nonRoot, rule], config: DEFAULT_CONFIG });
}

const ROOT_IMAGE = 'FROM node:20.11-slim\nCMD ["node", "server.js"]\n';
const NON_ROOT_IMAGE = 'FROM node:20.11-slim\nUSER node\nCMD ["node", "server.js"]\n';
const claimsOf = (result: Awaited<ReturnType<typeof scan>>) => result.findings.filter((f) => f.rule === rule.id);
const item = (result: Awaited<ReturnType<typeof scan>>) => result.checklist.find((e) => e.item === 'operations.readiness-claims');

describe(rule.id, () => {
  it('a ticked claim whose item is a gap is a finding on the claim line, naming the contradicting evidence', async () => {
    const result = await scan({ Dockerfile: ROOT_IMAGE, 'docs/PRODUCTION_READINESS.md': '# Readiness\n\n- [x] Containers run as non-root\n- [ ] Runbook\n' });
    const findings = claimsOf(result);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.file, 'docs/PRODUCTION_READINESS.md');
    assert.equal(findings[0]?.range.start.line, 2);
    assert.match(findings[0]?.message ?? '', /claims "Containers run as non-root", but Readiness finds "Runs as a non-root user" a gap: The final stage never sets USER, so the container runs as root and any exploit gets root in it \(Dockerfile:1\)/);
    assert.equal(item(result)?.status, 'gap');
  });

  it('a claim the evidence supports is not a finding, and is evidence', async () => {
    const result = await scan({ Dockerfile: NON_ROOT_IMAGE, 'PRODUCTION_READINESS.md': '- [x] Containers run as non-root\n' });
    assert.deepEqual(claimsOf(result), []);
    assert.equal(item(result)?.status, 'met');
    assert.equal(item(result)?.evidence[0]?.file, 'PRODUCTION_READINESS.md');
  });

  it('leaves unticked, unmatched and out-of-section claims alone', async () => {
    const result = await scan({
      Dockerfile: ROOT_IMAGE,
      'PRODUCTION_READINESS.md': '- [ ] Containers run as non-root\n- [x] Coffee machine refilled\n',
      'README.md': '# Orders\n\n## Todo\n\n- [x] Containers run as non-root\n',
    });
    assert.deepEqual(claimsOf(result), []);
  });

  it('claims in a README count under a readiness heading', async () => {
    const result = await scan({ Dockerfile: ROOT_IMAGE, 'README.md': '# Orders\n\n## Production readiness\n\n| Item | Status |\n|---|---|\n| Non-root containers | ✅ |\n' });
    assert.equal(claimsOf(result).length, 1);
    assert.equal(claimsOf(result)[0]?.range.start.line, 6);
  });

  it('a readiness doc in examples/ or tests/ is not the project\'s claim', async () => {
    const result = await scan({ Dockerfile: ROOT_IMAGE, 'examples/PRODUCTION_READINESS.md': '- [x] Containers run as non-root\n' });
    assert.deepEqual(claimsOf(result), []);
    assert.notEqual(item(result)?.status, 'gap');
  });
});

describe(`${rule.id} suppressions`, () => {
  it('an HTML comment above the claim suppresses it', async () => {
    const result = await scan({
      Dockerfile: ROOT_IMAGE,
      'PRODUCTION_READINESS.md': '# Readiness\n\n<!-- readiness-ignore workspace/no-contradicted-claims -- target state for Q3 -->\n- [x] Containers run as non-root\n',
    });
    assert.deepEqual(claimsOf(result), []);
    assert.equal(result.suppressed, 1);
  });
});
