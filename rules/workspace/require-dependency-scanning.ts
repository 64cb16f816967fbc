import * as path from 'node:path';
import type { ProjectView } from '../../server/src/engine/project';
import type { SourceText, Span } from '../../server/src/engine/source';
import { get, items, keySpan, str } from '../../server/src/targets/yaml/nodes';
import { parseYamlFile } from '../../server/src/targets/yaml/yaml-file';
import { defineRule } from '../define-rule';
import { ciConfigs, findCommand, firstMatch, WORD_START as S, type CommandPattern } from './support/ci-configs';
import { lineOffset, lineSpan, productionManifests } from './support/service-files';

const re = (source: string): RegExp => new RegExp(source);

/** CI steps and actions that check dependencies for known vulnerabilities, with how a reader names them. */
const SCANNERS: ReadonlyArray<CommandPattern & { tool: string }> = [
  { tool: 'npm audit', pattern: re(`${S}(npm|pnpm|yarn)(\\s+npm)?\\s+audit(?![\\w-])`) },
  { tool: 'cargo audit', pattern: re(`${S}cargo\\s+audit(?![\\w-])|rustsec/audit-check`) },
  { tool: 'cargo deny', pattern: re(`${S}cargo\\s+deny(?![\\w-])|EmbarkStudios/cargo-deny-action`) },
  { tool: 'govulncheck', pattern: /govulncheck/ },
  { tool: 'pip-audit', pattern: /pip-audit|pypa\/gh-action-pip-audit/ },
  { tool: 'safety', pattern: re(`${S}safety\\s+(check|scan)(?![\\w-])`) },
  { tool: 'Trivy', pattern: re(`${S}trivy\\s+(fs|filesystem|repo|repository|image|sbom|rootfs)(?![\\w-])|aquasecurity/trivy-action`) },
  { tool: 'Snyk', pattern: re(`${S}snyk\\s+(test|monitor)(?![\\w-])|snyk/actions/`) },
  { tool: 'OSV-Scanner', pattern: /osv-scanner/ },
  { tool: 'OWASP dependency-check', pattern: /dependency-check(\.sh|-maven|\/Dependency-Check_Action|:check|:aggregate)|dependencyCheckAnalyze|dependencyCheckAggregate/ },
  { tool: 'Grype', pattern: re(`${S}grype(?![\\w-])|anchore/scan-action`) },
  { tool: 'dependency review', pattern: /actions\/dependency-review-action/ },
  { tool: 'bundler-audit', pattern: re(`${S}bundle(r)?[\\s-]audit(?![\\w-])`) },
  { tool: 'GitLab dependency scanning', pattern: /Dependency-Scanning\.gitlab-ci\.yml/ },
];

/** Build plugins that scan dependencies on every build. */
const BUILD_PLUGINS: ReadonlyArray<{ tool: string; pattern: RegExp; files: RegExp }> = [
  { tool: 'OWASP dependency-check plugin', pattern: /dependency-check-maven/, files: /^pom\.xml$/ },
  { tool: 'OSS Index audit plugin', pattern: /ossindex-maven-plugin/, files: /^pom\.xml$/ },
  { tool: 'OWASP dependency-check plugin', pattern: /org\.owasp\.dependencycheck/, files: /^build\.gradle(\.kts)?$/ },
];

/** Dependabot's ecosystem for each kind of manifest, and the ecosystems that cover it. */
const ECOSYSTEMS: ReadonlyArray<{ manifest: RegExp; ecosystem: string; coveredBy: readonly string[] }> = [
  { manifest: /^package\.json$/, ecosystem: 'npm', coveredBy: ['npm', 'bun'] },
  { manifest: /^go\.mod$/, ecosystem: 'gomod', coveredBy: ['gomod'] },
  { manifest: /^cargo\.toml$/, ecosystem: 'cargo', coveredBy: ['cargo'] },
  { manifest: /^pom\.xml$/, ecosystem: 'maven', coveredBy: ['maven'] },
  { manifest: /^build\.gradle(\.kts)?$/, ecosystem: 'gradle', coveredBy: ['gradle', 'maven'] },
  { manifest: /^(pyproject\.toml|setup\.py|pipfile|requirements.*\.txt)$/, ecosystem: 'pip', coveredBy: ['pip', 'uv', 'pipenv', 'poetry'] },
];

const RENOVATE = /^(renovate\.json5?|\.renovaterc(\.json5?)?)$/;
const RENOVATE_DIRS = new Set(['.', '.github', '.gitlab']);

interface Dependabot {
  source: SourceText;
  ecosystems: Set<string>;
  span: Span | undefined;
}

function readDependabot(project: ProjectView): Dependabot | undefined {
  for (const file of project.files(['dependency-bot'])) {
    if (!/^\.github\/dependabot\.ya?ml$/.test(file.path)) continue;
    const source = project.source(file.path);
    if (!source) continue;
    const root = parseYamlFile(source).doc?.documents[0]?.contents;
    const updates = get(root, 'updates');
    const ecosystems = new Set(items(updates).map((u) => str(get(u, 'package-ecosystem'))?.toLowerCase()).filter((e): e is string => e !== undefined));
    return { source, ecosystems, span: keySpan(root, 'updates') };
  }
  return undefined;
}

/** A Renovate config that is not switched off, from its usual places or `package.json`. */
function renovateConfigs(project: ProjectView): Array<{ source: SourceText; span: Span | undefined }> {
  const found: Array<{ source: SourceText; span: Span | undefined }> = [];
  for (const file of project.files()) {
    const base = path.posix.basename(file.path).toLowerCase();
    const dir = path.posix.dirname(file.path);
    const inPackageJson = base === 'package.json' && dir === '.';
    if (!(RENOVATE.test(base) && RENOVATE_DIRS.has(dir)) && !inPackageJson) continue;
    const source = project.source(file.path);
    if (!source) continue;
    const config = renovateSettings(source.text, inPackageJson);
    // `enabled: false` at the top switches Renovate off; inside `packageRules` it only skips some packages.
    if (config === null || (typeof config === 'object' && (config as { enabled?: unknown }).enabled === false)) continue;
    const at = lineOffset(source.text, inPackageJson ? /"renovate"\s*:/ : /"?extends"?\s*:/);
    found.push({ source, span: at === undefined ? undefined : lineSpan(source.text, at) });
  }
  return found;
}

/**
 * The Renovate settings of a config file, or of `package.json`'s `renovate` key: null when
 * there are none, undefined when the file is JSON5 and cannot be read as JSON (then it
 * is taken as enabled).
 */
function renovateSettings(text: string, inPackageJson: boolean): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return inPackageJson ? null : undefined;
  }
  if (!inPackageJson) return parsed;
  const settings = parsed && typeof parsed === 'object' ? (parsed as { renovate?: unknown }).renovate : undefined;
  return settings === undefined ? null : settings;
}

export default defineRule({
  id: 'workspace/require-dependency-scanning',
  target: 'workspace',
  meta: {
    item: 'security.dependency-scanning',
    severity: 'info',
    description: 'Require dependency updates (Dependabot, Renovate) or a vulnerability scan of dependencies (npm audit, govulncheck, Trivy…) for every ecosystem the workspace uses.',
    rationale:
      'Most of what a service runs is its dependencies. Without a bot that proposes updates or a scan that fails the build, a published vulnerability in one of them ships and stays in production until someone happens to notice.',
    remediation:
      'Add `.github/dependabot.yml` (or a Renovate config) with an entry for each package ecosystem, and run a scanner such as `npm audit`, `govulncheck`, `cargo audit`, `pip-audit`, Trivy or OSV-Scanner in CI.',
    fixable: false,
  },
  messages: {
    uncoveredEcosystem:
      'Dependabot does not watch the {{ecosystem}} dependencies of {{manifest}}, so their security fixes and updates go unnoticed. Add an `updates` entry with `package-ecosystem: "{{ecosystem}}"`.',
  },
  check(ctx) {
    const project = ctx.project;
    const manifests = productionManifests(project);
    let evidence = 0;
    const dependabot = readDependabot(project);
    if (dependabot) {
      const list = [...dependabot.ecosystems].join(', ');
      ctx.evidence({ span: dependabot.span, source: dependabot.source, note: list ? `Dependabot updates ${list}` : 'Dependabot config' });
      evidence++;
    }
    const renovate = renovateConfigs(project);
    for (const config of renovate) {
      ctx.evidence({ span: config.span, source: config.source, note: `Renovate config ${config.source.path}` });
      evidence++;
    }
    let scanners = 0;
    for (const config of ciConfigs(project)) {
      const seen = new Set<string>();
      for (const scanner of SCANNERS) {
        const found = findCommand(config, (line) => firstMatch([scanner], line));
        if (!found || seen.has(scanner.tool)) continue;
        seen.add(scanner.tool);
        ctx.evidence({ span: found.span, source: config.source, note: `${config.label} runs ${scanner.tool}` });
        scanners++;
      }
    }
    for (const manifest of manifests) {
      const base = path.posix.basename(manifest.path);
      for (const plugin of BUILD_PLUGINS) {
        if (!plugin.files.test(base)) continue;
        const source = project.source(manifest.path);
        const at = source && lineOffset(source.text, plugin.pattern);
        if (source && at !== undefined) {
          ctx.evidence({ span: lineSpan(source.text, at), source, note: `${plugin.tool} in ${manifest.path}` });
          scanners++;
        }
      }
    }
    evidence += scanners;
    // Dependabot alone covers only the ecosystems it lists; Renovate and scanners cover what they find.
    if (dependabot && renovate.length === 0 && scanners === 0) {
      const reported = new Set<string>();
      for (const manifest of manifests) {
        const entry = ECOSYSTEMS.find((e) => e.manifest.test(path.posix.basename(manifest.path).toLowerCase()));
        if (!entry || reported.has(entry.ecosystem) || entry.coveredBy.some((e) => dependabot.ecosystems.has(e))) continue;
        reported.add(entry.ecosystem);
        ctx.report({
          span: dependabot.span ?? { start: 0, end: 0 },
          source: dependabot.source,
          messageId: 'uncoveredEcosystem',
          data: { ecosystem: entry.ecosystem, manifest: manifest.path },
        });
      }
    }
    if (evidence === 0 && manifests.length > 0) {
      ctx.missing(
        'No Dependabot or Renovate config and no dependency scan in CI (npm audit, govulncheck, cargo audit, pip-audit, Trivy, OSV-Scanner…), so dependencies with known vulnerabilities ship unnoticed.',
      );
    }
  },
});
