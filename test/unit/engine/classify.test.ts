import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify, isTestPath } from '../../../server/src/engine/classify';
import { isProductionPath } from '../../../server/src/engine/liveness';

describe('classify', () => {
  const none = { hasFile: () => false };
  const cases: Array<[string, string]> = [
    ['Dockerfile', 'dockerfile'],
    ['services/api/Dockerfile.prod', 'dockerfile'],
    ['build/api.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['.dockerignore', 'dockerignore'],
    ['compose.yaml', 'compose'],
    ['docker-compose.override.yml', 'compose'],
    ['deploy/k8s/deployment.yaml', 'yaml'],
    ['deploy/kustomization.yaml', 'kustomization'],
    ['.gitlab-ci.yml', 'ci'],
    ['.github/workflows/release.yaml', 'ci'],
    ['Jenkinsfile', 'ci'],
    ['.github/dependabot.yml', 'dependency-bot'],
    ['renovate.json', 'dependency-bot'],
    ['go.mod', 'package-manifest'],
    ['requirements-dev.txt', 'package-manifest'],
    ['src/server.ts', 'typescript'],
    ['src/types.d.ts', 'other'],
    ['cmd/main.go', 'go'],
    ['src/lib.rs', 'rust'],
    ['docs/RUNBOOK.md', 'markdown'],
    ['assets/logo.png', 'other'],
  ];
  for (const [file, kind] of cases) {
    it(`${file} → ${kind}`, () => assert.equal(classify(file, none), kind));
  }

  it('finds Helm chart parts through the enclosing Chart.yaml', () => {
    const chart = { hasFile: (p: string) => p === 'charts/api/Chart.yaml' };
    assert.equal(classify('charts/api/values.yaml', chart), 'helm-values');
    assert.equal(classify('charts/api/values-prod.yaml', chart), 'helm-values');
    assert.equal(classify('charts/api/templates/deployment.yaml', chart), 'helm-template');
    assert.equal(classify('charts/api/templates/_helpers.tpl', chart), 'helm-helper');
    assert.equal(classify('charts/api/templates/NOTES.txt', chart), 'helm-helper');
    assert.equal(classify('deploy/values.yaml', chart), 'yaml');
  });
});

describe('test and example code', () => {
  const tests = ['pkg/server_test.go', 'src/app.test.ts', 'web/app.spec.tsx', 'tests/integration/Dockerfile', 'src/test/java/AppTest.java', 'app/test_api.py', 'src/__tests__/x.ts', 'internal/testdata/Dockerfile'];
  for (const file of tests) it(`${file} is test code`, () => assert.equal(isTestPath(file), true));
  const production = ['pkg/server.go', 'src/app.ts', 'Dockerfile', 'src/main/java/App.java', 'app/api.py', 'services/testing-api/Dockerfile', 'src/contest.ts'];
  for (const file of production) it(`${file} is production code`, () => assert.equal(isProductionPath(file), true));
  it('examples are not production code', () => assert.equal(isProductionPath('examples/demo/Dockerfile'), false));
});
