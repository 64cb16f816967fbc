import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnyRule } from '../../../../rules/define-rule';
import { ruleDocPath } from '../../../../rules/define-rule';

export function formatRulesText(rules: readonly AnyRule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.item.padEnd(30)}  ${r.meta.description}`);
  return `${lines.join('\n')}\n`;
}

export function formatRulesJson(rules: readonly AnyRule[]): string {
  return `${JSON.stringify(
    rules.map((r) => ({
      id: r.id,
      item: r.meta.item,
      target: r.target,
      severity: r.meta.severity,
      description: r.meta.description,
      rationale: r.meta.rationale,
      remediation: r.meta.remediation,
      fixable: r.meta.fixable ?? false,
      related: r.meta.related ?? [],
      docs: ruleDocPath(r.id),
    })),
    null,
    2,
  )}\n`;
}

/** A rule's documentation, read from the package (`rules/<id>.md` beside `dist/`). */
export function readRuleDoc(id: string): string | undefined {
  const candidates = [path.join(__dirname, '..', ruleDocPath(id)), path.join(__dirname, '..', '..', '..', '..', ruleDocPath(id))];
  for (const file of candidates) {
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
}

/** Every rule's table row, then every rule's documentation: the rule reference as one document. */
export function formatRulesReference(rules: readonly AnyRule[]): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const docs = sorted.map((r) => (readRuleDoc(r.id) ?? `# ${r.id}\n\n${r.meta.description}\n`).replace(/^# /, '## ').replace(/\n## /g, '\n### ').replace(/\n### (Incorrect|Correct)/g, '\n#### $1'));
  return `# Readiness rules\n\n${formatRulesMarkdown(sorted)}\n${docs.join('\n')}`;
}

/** The rule table of the README, generated from rule metadata. */
export function formatRulesMarkdown(rules: readonly AnyRule[]): string {
  const lines = ['| Rule | Item | Severity | Fix | What it checks |', '|---|---|---|---|---|'];
  for (const r of rules) {
    lines.push(
      `| [\`${r.id}\`](${ruleDocPath(r.id)}) | \`${r.meta.item}\` | ${r.meta.severity} | ${r.meta.fixable ? 'yes' : ''} | ${r.meta.description.replace(/\|/g, '\\|')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
