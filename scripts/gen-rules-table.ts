// Regenerates the rule table of README.md from rule metadata (`npm run docs:rules`),
// between the `<!-- rules:start -->` and `<!-- rules:end -->` markers.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../rules';
import { formatRulesMarkdown } from '../server/src/cli/formats/rules';

const readme = path.join(__dirname, '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < from) throw new Error('README.md lacks the rules markers');
const table = formatRulesMarkdown([...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id)));
const updated = `${text.slice(0, from + start.length)}\n${table}${text.slice(to)}`;
if (process.argv.includes('--check')) {
  if (updated !== text) {
    console.error('README.md rule table is out of date: run `npm run docs:rules`.');
    process.exit(1);
  }
} else {
  writeFileSync(readme, updated);
}
