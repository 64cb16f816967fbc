import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ruleDocPath, type AnyRule } from '../../../../rules/define-rule';
import type { ScanResult } from '../../engine/scan';
import type { Finding, Severity } from '../../engine/types';
import { TOOL_NAME, TOOL_VERSION } from '../../shared/version';
import pkg from '../../../../package.json';

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' };

/** Where rule documentation lives on the web, for `helpUri`: the repository's blob of the rule's doc. */
export function ruleHelpUri(id: string): string {
  const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  return `${repository}/blob/main/${ruleDocPath(id)}`;
}

/**
 * SARIF 2.1.0 for code-scanning tools: one run, every rule with help, every finding
 * with a relative location and a fingerprint that survives lines moving. The
 * fingerprint hashes the rule, the file, the text of the finding's line and how many
 * identical ones came before it in that file, never the line number.
 */
export function formatSarif(result: ScanResult, rules: readonly AnyRule[]): string {
  const sortedRules = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(sortedRules.map((rule, i) => [rule.id, i]));
  const driverRules: ReportingDescriptor[] = sortedRules.map((rule) => ({
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.rationale },
    helpUri: ruleHelpUri(rule.id),
    help: {
      text: `${rule.meta.rationale} ${rule.meta.remediation}`,
      markdown: `${rule.meta.rationale}\n\n**How to fix:** ${rule.meta.remediation}\n\n[Rule documentation](${ruleHelpUri(rule.id)})`,
    },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    properties: {
      item: rule.meta.item,
      tags: [rule.meta.item.split('.')[0] ?? 'readiness', rule.meta.item],
      ...(rule.meta.severity === 'error' && rule.meta.item.startsWith('security.') ? { 'security-severity': '8.0' } : {}),
    },
  }));

  const occurrences = new Map<string, number>();
  const results: Result[] = result.findings.map((finding) => {
    const base = `${finding.rule}\0${finding.file}\0${finding.lineText}`;
    const nth = occurrences.get(base) ?? 0;
    occurrences.set(base, nth + 1);
    const ruleIndex = index.get(finding.rule);
    return {
      ruleId: finding.rule,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(finding)],
      partialFingerprints: { 'readinessFinding/v1': `${createHash('sha256').update(`${base}\0${nth}`).digest('hex').slice(0, 32)}:${nth + 1}` },
      properties: { item: finding.item },
    };
  });

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: pkg.homepage, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileUri(result.root)}/` } },
        results,
        columnKind: 'utf16CodeUnits',
        properties: { score: result.score, verdict: result.verdict },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(finding: Finding): NonNullable<Result['locations']>[number] {
  const { start, end } = finding.range;
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: start.line + 1,
        startColumn: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        snippet: { text: finding.lineText },
      },
    },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function pathToFileUri(path: string): string {
  return `file://${encodeURI(path.replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:'))}`;
}
