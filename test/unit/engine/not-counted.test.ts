import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../rules';
import { formatMarkdown } from '../../../server/src/cli/formats/markdown';
import { formatJson } from '../../../server/src/cli/formats/json';
import { scanFiles } from '../rules/workspace/scan-files';

const CHART = {
  'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
  'charts/api/values.yaml': 'autoscaling:\n  enabled: false\nimage:\n  tag: 1.0.0\n',
  'charts/api/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "ghcr.io/acme/api:{{ .Values.image.tag }}"\n',
  'charts/api/templates/hpa.yaml':
    '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\nspec:\n  minReplicas: 2\n  maxReplicas: 5\n{{- end }}\n',
  'charts/api/templates/pdb.yaml':
    '{{- if .Capabilities.APIVersions.Has "policy/v1" }}\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  minAvailable: 1\n{{- end }}\n',
};

const RUST = {
  'Cargo.toml': '[package]\nname = "orders"\nversion = "0.1.0"\nedition = "2021"\n',
  'src/main.rs': 'mod routes;\n\nfn main() {\n    routes::serve();\n}\n',
  'src/routes.rs': 'pub fn serve() {}\n',
  'src/old_routes.rs': 'pub fn serve_legacy() {}\n',
};

describe('files read but not counted as evidence', () => {
  it('names test code, examples, Rust files no mod reaches and Helm templates that render nothing, with why', async () => {
    const result = await scanFiles(
      {
        ...CHART,
        ...RUST,
        'services/worker/main.go': 'package main\n\nfunc main() {}\n',
        'services/worker/main_test.go': 'package main\n\nimport "testing"\n\nfunc TestMain(t *testing.T) {}\n',
        'examples/client/main.go': 'package main\n\nfunc main() {}\n',
      },
      ALL_RULES,
    );
    const byFile = new Map(result.files.notCounted.map((n) => [n.file, n.reason]));
    assert.equal(byFile.get('services/worker/main_test.go'), 'test code');
    assert.equal(byFile.get('examples/client/main.go'), 'example code');
    assert.match(byFile.get('src/old_routes.rs') ?? '', /no `mod` declaration reaches/);
    assert.match(byFile.get('charts/api/templates/hpa.yaml') ?? '', /renders nothing: \{\{ if \.Values\.autoscaling\.enabled \}\} is false with the default values/);
    assert.match(byFile.get('charts/api/templates/pdb.yaml') ?? '', /^Helm template not assessed: it depends on \{\{ if \.Capabilities/);
    for (const live of ['services/worker/main.go', 'src/main.rs', 'src/routes.rs', 'charts/api/templates/deployment.yaml']) {
      assert.equal(byFile.has(live), false, `${live} is built and deployed`);
    }
  });

  it('appear in the report and the JSON', async () => {
    const result = await scanFiles({ ...RUST, 'tests/smoke.rs': '#[test]\nfn smoke() {}\n' }, ALL_RULES);
    const report = formatMarkdown(result, { date: new Date('2026-01-01') });
    assert.match(report, /## Not counted as evidence\n\nRead, but neither judged nor counted[^\n]*\n\n- Rust file no `mod` declaration reaches[^\n]*\(1\): `src\/old_routes\.rs`\./);
    assert.match(report, /- Test code \(1\): `tests\/smoke\.rs`\./);
    const json = JSON.parse(formatJson(result)) as { files: { notCounted: Array<{ file: string; reason: string }> } };
    assert.deepEqual(
      json.files.notCounted.map((n) => n.file),
      ['src/old_routes.rs', 'tests/smoke.rs'],
    );
  });

  it('leave the report without the section when everything counts', async () => {
    const result = await scanFiles({ 'services/worker/main.go': 'package main\n\nfunc main() {}\n' }, ALL_RULES);
    assert.deepEqual(result.files.notCounted, []);
    assert.doesNotMatch(formatMarkdown(result), /Not counted as evidence/);
  });
});
