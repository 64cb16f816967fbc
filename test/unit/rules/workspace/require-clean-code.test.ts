import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import goIp from '../../../../rules/go/no-hardcoded-ip';
import goTodo from '../../../../rules/go/no-todo-comments';
import rule from '../../../../rules/workspace/require-clean-code';
import { entryOf, scanFiles } from './scan-files';

const GO_MOD = 'module x\n\ngo 1.22\n';

describe(rule.id, () => {
  it('code the hygiene rules read and found clean is met, counting the production files', async () => {
    const result = await scanFiles({ 'go.mod': GO_MOD, 'main.go': 'package main\n\nfunc main() {}\n', 'store.go': 'package main\n\nfunc get() {}\n', 'store_test.go': 'package main\n' }, [goTodo, goIp, rule]);
    const entry = entryOf(result, 'operations.code-hygiene');
    assert.equal(entry.status, 'met');
    assert.deepEqual(entry.evidence.map((e) => e.note), ['no TODO/FIXME/HACK markers or hardcoded IPs in 2 production source files']);
  });

  it('a TODO stays a gap', async () => {
    const result = await scanFiles({ 'go.mod': GO_MOD, 'main.go': 'package main\n\n// TODO: handle errors\nfunc main() {}\n' }, [goTodo, goIp, rule]);
    const entry = entryOf(result, 'operations.code-hygiene');
    assert.equal(entry.status, 'gap');
    assert.equal(entry.evidence.length, 0);
  });

  it('no code read: nothing recorded', async () => {
    const result = await scanFiles({ 'README.md': '# x\n' }, [goTodo, goIp, rule]);
    assert.equal(entryOf(result, 'operations.code-hygiene').evidence.length, 0);
  });
});
