import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { CHECKLIST_ITEMS } from '../../../server/src/engine/checklist-items';

const repo = path.resolve(__dirname, '../../..');
const sample = path.join(repo, 'test/fixtures/sample-service');

async function cli(args: string[], cwd = repo) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY: false, colorEnv: {} });
  return { code, stdout, stderr };
}

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-cli-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('readiness scan --format json', () => {
  it('prints the shape of cli.md with every checklist item once, 1-based positions, relative paths', async () => {
    const { code, stdout } = await cli(['scan', sample, '--format', 'json', '--fail-on', 'none']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(json.tool, { name: 'readiness', version: '0.1.0' });
    assert.equal(json.root, sample);
    assert.deepEqual(
      json.checklist.map((e: { item: string }) => e.item),
      CHECKLIST_ITEMS.map((i) => i.id),
    );
    for (const e of json.checklist) {
      assert.ok(['met', 'partial', 'gap', 'n/a', 'unknown'].includes(e.status), e.status);
      assert.equal(typeof e.title, 'string');
      assert.equal(typeof e.category, 'string');
      assert.equal(typeof e.findings, 'number');
      assert.ok(Array.isArray(e.evidence));
    }
    const nonRoot = json.findings.find((f: { rule: string }) => f.rule === 'dockerfile/require-non-root-user');
    assert.ok(nonRoot, 'the API image runs as root');
    assert.equal(nonRoot.file, 'services/api/Dockerfile');
    assert.equal(nonRoot.line, 1);
    assert.equal(nonRoot.column, 1);
    assert.equal(nonRoot.item, 'container.non-root');
    assert.ok(nonRoot.fixes.length > 0);
    const nonRootItem = json.checklist.find((e: { item: string }) => e.item === 'container.non-root');
    assert.equal(nonRootItem.status, 'partial');
    assert.ok(
      nonRootItem.evidence.some((e: unknown) => JSON.stringify(e) === JSON.stringify({ file: 'services/worker/Dockerfile', line: 11, note: 'USER 65532:65532' })),
      JSON.stringify(nonRootItem.evidence),
    );
    assert.equal(typeof json.score, 'number');
    assert.ok(json.files.scanned >= 2);
    assert.ok(Array.isArray(json.files.skipped));
    assert.equal(typeof json.durationMs, 'number');
  });
});

describe('exit codes', () => {
  it('0 when nothing reaches --fail-on, 1 when something does', async () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\nCMD ["/app"]\n' });
    assert.equal((await cli(['scan', root, '--fail-on', 'error'])).code, 0);
    assert.equal((await cli(['scan', root, '--fail-on', 'warning'])).code, 1);
    assert.equal((await cli(['scan', root, '--fail-on', 'none'])).code, 0);
  });

  it('2 with a one-line message for usage errors', async () => {
    const unknownFormat = await cli(['scan', '--format', 'xml']);
    assert.equal(unknownFormat.code, 2);
    assert.match(unknownFormat.stderr.split('\n')[0] ?? '', /^readiness: unknown format "xml"$/);
    assert.equal((await cli(['lint'])).code, 2);
    assert.equal((await cli(['scan', '--fail-on', 'sometimes'])).code, 2);
    assert.equal((await cli(['scan', '/no/such/folder/anywhere'])).code, 2);
  });

  it('2 naming file and line for a bad .readiness.yaml', async () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\n', '.readiness.yaml': 'rules:\n  dockerfile/require-non-root-user: sometimes\n' });
    const result = await cli(['scan', root]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^readiness: invalid configuration: \.readiness\.yaml:2: /);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });
});

describe('configuration', () => {
  it('.readiness.yaml turns rules and items off', async () => {
    const root = workspace({
      'Dockerfile': 'FROM alpine:3.20\nCMD ["/app"]\n',
      '.readiness.yaml': 'rules:\n  dockerfile/require-non-root-user: off\nitems:\n  deploy.network-policy: off\n',
    });
    const json = JSON.parse((await cli(['scan', root, '--format', 'json'])).stdout);
    assert.equal(json.findings.some((f: { rule: string }) => f.rule === 'dockerfile/require-non-root-user'), false);
    assert.equal(json.checklist.length, 43);
  });

  it('--config points at another file, and severity overrides apply', async () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\nCMD ["/app"]\n', 'ci/readiness.yaml': 'rules:\n  dockerfile/require-non-root-user: error\n' });
    const result = await cli(['scan', root, '--config', path.join(root, 'ci/readiness.yaml'), '--format', 'json']);
    assert.equal(result.code, 1);
    const json = JSON.parse(result.stdout);
    assert.equal(json.findings.find((f: { rule: string }) => f.rule === 'dockerfile/require-non-root-user').severity, 'error');
  });

  it('scans only the given paths under the current folder', async () => {
    const root = workspace({ 'a/Dockerfile': 'FROM alpine:3.20\n', 'b/Dockerfile': 'FROM alpine:3.20\n', 'c/Dockerfile': 'FROM alpine:3.20\n' });
    const files = async (args: string[]) => {
      const json = JSON.parse((await cli(['scan', ...args, '--format', 'json'], root)).stdout);
      return [...new Set(json.findings.map((f: { file: string }) => f.file))];
    };
    assert.deepEqual(await files(['a/Dockerfile']), ['a/Dockerfile']);
    assert.deepEqual(await files(['a', 'c/Dockerfile']), ['a/Dockerfile', 'c/Dockerfile']);
    assert.deepEqual(await files(['b']), ['Dockerfile'], 'one folder is the root its paths are relative to');
  });
});

describe('text, markdown and rules output', () => {
  it('text groups findings by file and summarises the checklist', async () => {
    const { stdout } = await cli(['scan', sample, '--no-color']);
    assert.match(stdout, /^services\/api\/Dockerfile\n(?: {2}.*\n)* {2}1:1 +warning +The final stage never sets USER/m);
    assert.match(stdout, /Readiness: \d+\/100 — /);
    assert.match(stdout, /✖ \d+ findings? \(/);
    assert.doesNotMatch(stdout, /\x1b\[/, 'no colour codes when not a TTY');
  });

  it('report prints a Markdown assessment with relative links', async () => {
    const { code, stdout } = await cli(['report', sample]);
    assert.equal(code, 1, 'report is scan --format markdown: the sample has error findings');
    assert.match(stdout, /^# Production readiness: sample-service/);
    assert.match(stdout, /\*\*Verdict: /);
    assert.match(stdout, /\[services\/api\/Dockerfile:1\]\(services\/api\/Dockerfile#L1\)/);
    assert.match(stdout, /## Next steps/);
  });

  it('--output writes the file instead of stdout', async () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\n' });
    const out = path.join(root, 'report.json');
    const result = await cli(['scan', root, '--format', 'json', '--output', out]);
    assert.equal(result.stdout, '');
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).tool.name, 'readiness');
  });

  it('report --output in a subfolder links back to the root, so links work where it is saved', async () => {
    const root = workspace({ 'Dockerfile': 'FROM alpine:3.20\nCMD ["/app"]\n' });
    await cli(['report', root, '--output', path.join(root, 'docs/READINESS.md')]);
    const report = readFileSync(path.join(root, 'docs/READINESS.md'), 'utf8');
    assert.match(report, /\[Dockerfile:1\]\(\.\.\/Dockerfile#L1\)/);
  });

  it('rules --format markdown renders every rule with its documentation', async () => {
    const { stdout } = await cli(['rules', '--format', 'markdown']);
    const rules = JSON.parse((await cli(['rules', '--format', 'json'])).stdout) as Array<{ id: string }>;
    for (const rule of rules) {
      assert.ok(stdout.includes(`\n## ${rule.id}\n`), `no section for ${rule.id}`);
    }
    assert.match(stdout, /\n### Why\n/);
  });

  it('rules --format json lists every rule with its item', async () => {
    const rules = JSON.parse((await cli(['rules', '--format', 'json'])).stdout);
    assert.ok(rules.length >= 1);
    for (const rule of rules) {
      assert.match(rule.id, /^[a-z0-9]+\/[a-z0-9-]+$/);
      assert.ok(CHECKLIST_ITEMS.some((i) => i.id === rule.item), rule.item);
      assert.equal(rule.docs, `rules/${rule.id}.md`);
    }
  });
});

describe('the built bin', () => {
  it('dist/cli.js runs as a program', () => {
    const result = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', sample, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).checklist.length, 44);
  });
});
