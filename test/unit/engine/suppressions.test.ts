import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../rules/dockerfile/require-non-root-user';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { lintFile } from '../../../server/src/engine/linter';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { SourceText } from '../../../server/src/engine/source';

function lint(text: string) {
  return lintFile(new SourceText('Dockerfile', text), 'dockerfile', {
    rules: [rule],
    config: DEFAULT_CONFIG,
    workspace: { hasFile: () => false },
    cache: new ParseCache(),
  });
}

const ROOT_IMAGE = 'FROM node:20.11-slim\nCMD ["node", "server.js"]\n';

describe('suppressions', () => {
  it('a finding is reported without a directive', () => {
    assert.equal(lint(ROOT_IMAGE).findings.length, 1);
  });

  const suppressing: Array<[string, string]> = [
    ['rule id on the line before', '# readiness-ignore dockerfile/require-non-root-user -- runs a host agent\n'],
    ['item id on the line before', '# readiness-ignore container.non-root\n'],
    ['one of several ids', '# readiness-ignore dockerfile/require-healthcheck, container.non-root -- both\n'],
    ['hadolint pragma of a mapped rule', '# hadolint ignore=DL3002\n'],
  ];
  for (const [name, directive] of suppressing) {
    it(`suppresses with ${name}`, () => {
      const result = lint(directive + ROOT_IMAGE);
      assert.equal(result.findings.length, 0);
      assert.equal(result.suppressed, 1);
    });
  }

  it('a file-level directive anywhere suppresses in the whole file', () => {
    const result = lint(`${ROOT_IMAGE}# readiness-ignore-file dockerfile/require-non-root-user\n`);
    assert.equal(result.findings.length, 0);
  });

  it('hadolint global ignore works file-wide', () => {
    assert.equal(lint(`${ROOT_IMAGE}# hadolint global ignore=DL3002\n`).findings.length, 0);
  });

  const notSuppressing: Array<[string, string]> = [
    ['another rule', '# readiness-ignore dockerfile/require-healthcheck\n'],
    ['a hadolint code the rule does not map to', '# hadolint ignore=DL3007\n'],
    ['a directive two lines up', '# readiness-ignore container.non-root\n# another comment\n'],
  ];
  for (const [name, directive] of notSuppressing) {
    it(`does not suppress with ${name}`, () => assert.equal(lint(directive + ROOT_IMAGE).findings.length, 1));
  }

  it('a directive naming nothing is a problem on the file, not a silent no-op', () => {
    const result = lint(`# readiness-ignore -- because\n${ROOT_IMAGE}`);
    assert.equal(result.findings.length, 1);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]?.message ?? '', /names no rule or checklist item/);
  });
});
