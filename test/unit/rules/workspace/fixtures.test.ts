import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../../rules';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { scanWorkspace } from '../../../../server/src/engine/scan';

const fixtures = path.resolve(__dirname, '../../../fixtures/repo-evidence');
const rules = ['workspace/require-ci', 'workspace/require-dependency-scanning', 'workspace/require-load-tests'].map((id) => {
  const rule = RULES[id];
  assert.ok(rule, id);
  return rule;
});

async function scan(name: string) {
  return scanWorkspace(path.join(fixtures, name), { rules, config: DEFAULT_CONFIG });
}

describe('repository evidence fixtures', () => {
  it('a repository with CI, Dependabot and a k6 script meets the three items, with linked evidence', async () => {
    const result = await scan('with-ci');
    assert.deepEqual(result.findings, []);
    const entry = (item: string) => result.checklist.find((e) => e.item === item);
    for (const item of ['testing.ci', 'security.dependency-scanning', 'testing.load-tests']) assert.equal(entry(item)?.status, 'met', item);
    assert.deepEqual(entry('testing.ci')?.evidence, [
      { item: 'testing.ci', file: '.github/workflows/ci.yml', line: 22, note: 'GitHub Actions workflow ci.yml runs tests (npm test)' },
      { item: 'testing.ci', file: '.github/workflows/release.yml', line: 19, note: 'GitHub Actions workflow release.yml runs docker/build-push-action' },
    ]);
    assert.deepEqual(
      entry('security.dependency-scanning')?.evidence.map((e) => `${e.file}:${(e.line ?? -1) + 1} ${e.note}`),
      ['.github/dependabot.yml:2 Dependabot updates npm, docker, github-actions', '.github/workflows/ci.yml:25 GitHub Actions workflow ci.yml runs npm audit'],
    );
    assert.deepEqual(entry('testing.load-tests')?.evidence.map((e) => `${e.file}:${(e.line ?? -1) + 1} ${e.note}`), ['load/checkout.js:2 k6 load test load/checkout.js']);
  });

  it('a repository without any of it gets the missing reasons and no finding', async () => {
    const result = await scan('without-ci');
    assert.deepEqual(result.findings, []);
    const entry = (item: string) => result.checklist.find((e) => e.item === item);
    assert.equal(entry('testing.ci')?.status, 'gap');
    assert.match(entry('testing.ci')?.reason ?? '', /^No CI configuration found/);
    assert.equal(entry('security.dependency-scanning')?.status, 'gap');
    assert.match(entry('security.dependency-scanning')?.reason ?? '', /^No Dependabot or Renovate config/);
    assert.equal(entry('testing.load-tests')?.status, 'gap');
    assert.match(entry('testing.load-tests')?.reason ?? '', /^No load or performance tests found/);
  });
});
