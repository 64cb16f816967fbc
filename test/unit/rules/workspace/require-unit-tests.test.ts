import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../../rules/workspace/require-unit-tests';
import { entryOf, EXPRESS_SERVER, scanFiles } from './scan-files';

const pkg = (test?: string) => JSON.stringify({ name: 'orders', scripts: test ? { test } : {}, dependencies: { express: '^4' } }, null, 2) + '\n';

describe(rule.id, () => {
  it('test files and a test script are evidence, linking the first two files and the script line', async () => {
    const result = await scanFiles(
      {
        'package.json': pkg('node --test'),
        'src/server.js': EXPRESS_SERVER,
        'src/a.test.js': "test('a', () => {});\n",
        'src/b.test.js': "test('b', () => {});\n",
        'test/c.spec.ts': "it('c', () => {});\n",
      },
      [rule],
    );
    const entry = entryOf(result, 'testing.unit-tests');
    assert.equal(entry.status, 'met');
    assert.deepEqual(
      entry.evidence.map((e) => `${e.file}:${e.line ?? '-'} ${e.note}`),
      ['src/a.test.js:- 3 test files, among them src/a.test.js', 'src/b.test.js:- 3 test files, among them src/b.test.js', 'package.json:3 test script in package.json (node --test)'],
    );
  });

  it('Go tests with go.mod name `go test`, a Makefile target counts', async () => {
    const result = await scanFiles({ 'go.mod': 'module x\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n', 'main_test.go': 'package main\n', Makefile: 'build:\n\tgo build\n\ntest:\n\tgo test ./...\n' }, [rule]);
    const notes = entryOf(result, 'testing.unit-tests').evidence.map((e) => e.note);
    assert.ok(notes.includes('Go tests run with `go test ./...` (go.mod)'), JSON.stringify(notes));
    assert.ok(notes.includes('`make test` target in Makefile'), JSON.stringify(notes));
  });

  it('Rust #[cfg(test)] modules are tests', async () => {
    const result = await scanFiles({ 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n', 'src/lib.rs': 'pub fn f() -> u8 { 1 }\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn f1() { assert_eq!(super::f(), 1); }\n}\n' }, [rule]);
    assert.equal(entryOf(result, 'testing.unit-tests').status, 'met');
  });

  it('a service with no test files is a gap, whatever its test script says', async () => {
    const result = await scanFiles({ 'package.json': pkg('echo "Error: no test specified" && exit 1'), 'src/server.js': EXPRESS_SERVER, 'test/fixtures/data.json': '{}\n' }, [rule]);
    const entry = entryOf(result, 'testing.unit-tests');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^No tests found/);
  });

  it('npm\'s default test script is not a test command', async () => {
    const result = await scanFiles({ 'package.json': pkg('echo "Error: no test specified" && exit 1'), 'src/a.test.js': "test('a', () => {});\n" }, [rule]);
    assert.ok(!entryOf(result, 'testing.unit-tests').evidence.some((e) => e.note.startsWith('test script')));
  });
});
