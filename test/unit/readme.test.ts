import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { formatRulesMarkdown } from '../../server/src/cli/formats/rules';

it('the README rule table matches the rules (run `npm run docs:rules` to update)', () => {
  const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const between = readme.slice(readme.indexOf('<!-- rules:start -->') + '<!-- rules:start -->'.length + 1, readme.indexOf('<!-- rules:end -->'));
  assert.equal(between, formatRulesMarkdown([...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id))));
});
