import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

// The injection grammar's patterns are Oniguruma regexes that VS Code runs; the
// subset used here is also valid JavaScript, so its behaviour can be checked here.
const grammar = JSON.parse(readFileSync(path.join(__dirname, '../../syntaxes/readiness-ignore.injection.json'), 'utf8'));
const directive = grammar.repository.directive;
const [reason, rule, item] = directive.patterns as Array<{ match: string }>;

describe('readiness-ignore injection grammar', () => {
  it('is contributed for every language the extension reads', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
    for (const scope of ['source.dockerfile', 'source.yaml', 'source.ts', 'source.go', 'source.rust', 'source.java', 'source.python', 'text.html.markdown']) {
      assert.ok(contributed.injectTo.includes(scope), scope);
    }
  });

  it('starts on the directive keyword inside comments', () => {
    const begin = new RegExp(directive.begin);
    assert.equal(begin.exec('# readiness-ignore dockerfile/require-healthcheck')?.[1], 'readiness-ignore');
    assert.equal(begin.exec('// readiness-ignore-file container.non-root')?.[1], 'readiness-ignore-file');
    assert.equal(begin.exec('# readinessignore x'), null);
  });

  it('marks rule ids, item ids and the reason', () => {
    const text = ' dockerfile/require-healthcheck, container.non-root -- probed by the orchestrator';
    assert.deepEqual(text.match(new RegExp(rule?.match ?? '', 'g')), ['dockerfile/require-healthcheck']);
    assert.deepEqual(text.match(new RegExp(item?.match ?? '', 'g')), ['container.non-root']);
    assert.equal(new RegExp(reason?.match ?? '').exec(text)?.[2]?.trim(), 'probed by the orchestrator');
  });
});
