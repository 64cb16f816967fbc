import * as path from 'node:path';

/**
 * What a file is, for choosing its parser and rules. Kinds that have a parser are
 * target names (see targets/index.ts); the rest are still counted as evidence
 * (a CI config, a runbook, test files) by project-level checks.
 */
export type FileKind =
  | 'dockerfile'
  | 'dockerignore'
  | 'compose'
  | 'yaml'
  | 'kustomization'
  | 'helm-chart'
  | 'helm-values'
  | 'helm-template'
  | 'helm-helper'
  | 'ci'
  | 'dependency-bot'
  | 'markdown'
  | 'typescript'
  | 'javascript'
  | 'go'
  | 'rust'
  | 'java'
  | 'python'
  | 'package-manifest'
  | 'json'
  | 'other';

const SOURCE_EXTENSIONS: Readonly<Record<string, FileKind>> = {
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.go': 'go',
  '.rs': 'rust',
  '.java': 'java',
  '.py': 'python',
};

const PACKAGE_MANIFESTS = new Set([
  'package.json',
  'go.mod',
  'cargo.toml',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'pyproject.toml',
  'setup.py',
  'pipfile',
]);

const CI_FILES = new Set([
  '.gitlab-ci.yml',
  '.gitlab-ci.yaml',
  'jenkinsfile',
  'azure-pipelines.yml',
  'azure-pipelines.yaml',
  'bitbucket-pipelines.yml',
  '.travis.yml',
  '.drone.yml',
  'cloudbuild.yaml',
  'cloudbuild.yml',
]);

export interface ClassifyContext {
  /** Whether a workspace-relative path exists; used to find the Helm chart a file belongs to. */
  hasFile(relativePath: string): boolean;
}

/** Classifies a workspace-relative path (with `/` separators) by name and place. */
export function classify(relativePath: string, context?: ClassifyContext): FileKind {
  const base = path.posix.basename(relativePath);
  const lower = base.toLowerCase();
  const ext = path.posix.extname(lower);

  if (isDockerfileName(base)) return 'dockerfile';
  if (lower === '.dockerignore' || lower.endsWith('.dockerignore')) return 'dockerignore';
  if (CI_FILES.has(lower)) return 'ci';
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(relativePath) || relativePath.endsWith('.circleci/config.yml')) return 'ci';
  if (lower === 'dependabot.yml' || lower === 'dependabot.yaml' || lower.startsWith('renovate.json') || lower === '.renovaterc' || lower === '.renovaterc.json') {
    return 'dependency-bot';
  }
  if (PACKAGE_MANIFESTS.has(lower) || /^requirements.*\.txt$/.test(lower)) return 'package-manifest';
  if (ext === '.yaml' || ext === '.yml' || ext === '.tpl' || lower === 'notes.txt') return classifyYaml(relativePath, lower, ext, context);
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  const source = SOURCE_EXTENSIONS[ext];
  if (source) return lower.endsWith('.d.ts') ? 'other' : source;
  if (ext === '.json') return 'json';
  return 'other';
}

function classifyYaml(relativePath: string, lower: string, ext: string, context: ClassifyContext | undefined): FileKind {
  if (lower === 'chart.yaml') return 'helm-chart';
  const chartRoot = context ? findChartRoot(relativePath, context) : undefined;
  if (chartRoot !== undefined) {
    const inChart = chartRoot === '' ? relativePath : relativePath.slice(chartRoot.length + 1);
    if (/^values[^/]*\.ya?ml$/.test(inChart)) return 'helm-values';
    if (inChart.startsWith('templates/')) {
      if (lower.startsWith('_') || lower === 'notes.txt' || ext === '.tpl') return 'helm-helper';
      return 'helm-template';
    }
  }
  if (ext === '.tpl' || lower === 'notes.txt') return 'other';
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/.test(lower)) return 'compose';
  if (lower === 'kustomization.yaml' || lower === 'kustomization.yml') return 'kustomization';
  return 'yaml';
}

/** The folder (relative, '' for the root) of the nearest enclosing Helm chart, if any. */
export function findChartRoot(relativePath: string, context: ClassifyContext): string | undefined {
  let dir = path.posix.dirname(relativePath);
  for (let depth = 0; depth < 4; depth++) {
    const prefix = dir === '.' ? '' : `${dir}/`;
    if (context.hasFile(`${prefix}Chart.yaml`)) return dir === '.' ? '' : dir;
    if (dir === '.' || dir === '') return undefined;
    dir = path.posix.dirname(dir);
  }
  return undefined;
}

export function isDockerfileName(base: string): boolean {
  const lower = base.toLowerCase();
  return (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.startsWith('dockerfile.') ||
    lower.startsWith('containerfile.') ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile')
  );
}

/**
 * Test code is not production code: findings about production readiness stay out of
 * it, and its presence is evidence for testing.unit-tests.
 */
export function isTestPath(relativePath: string): boolean {
  const lower = relativePath.toLowerCase();
  const base = path.posix.basename(lower);
  if (/(^|\/)(tests?|__tests__|__mocks__|testdata|fixtures|spec|e2e)\//.test(lower)) return true;
  if (/(^|\/)src\/test\//.test(lower)) return true;
  if (/_test\.go$/.test(base)) return true;
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(base)) return true;
  if (/^test_.*\.py$/.test(base) || /_test\.py$/.test(base) || base === 'conftest.py') return true;
  if (/(test|tests|it)\.java$/.test(base) && /\/src\/(test|it)\//.test(`/${lower}`)) return true;
  return false;
}
