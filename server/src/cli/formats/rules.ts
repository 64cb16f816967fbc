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
