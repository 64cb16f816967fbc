import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseToml } from 'smol-toml';
import type { ProjectView } from './project';

export type Ecosystem = 'npm' | 'go' | 'cargo' | 'maven' | 'gradle' | 'pypi';

/** One dependency a manifest declares, with where it is declared so evidence can link to it. */
export interface Dependency {
  name: string;
  ecosystem: Ecosystem;
  /** Workspace-relative manifest path. */
  manifest: string;
  /** 0-based line of the declaration in the manifest, when known. */
  line: number | undefined;
  dev: boolean;
}

/**
 * What the workspace is built with, from its package manifests: which frameworks and
 * libraries are in use (express, gin, axum, Spring Boot, FastAPI…) and where each is
 * declared. Rules use it to know what to look for (an HTTP service at all? which
 * rate limiter?) and as evidence (prom-client declared → metrics library in use).
 */
export interface Stack {
  dependencies: readonly Dependency[];
  /** The production dependency of this name (any ecosystem), if declared. */
  find(name: string | RegExp): Dependency | undefined;
  has(name: string | RegExp): boolean;
}

const cache = new WeakMap<ProjectView, Stack>();

export function stackOf(project: ProjectView): Stack {
  let stack = cache.get(project);
  if (!stack) {
    stack = buildStack(project);
    cache.set(project, stack);
  }
  return stack;
}

type ManifestReader = (text: string, manifest: string) => Dependency[];

/** Readers per manifest file name; more ecosystems plug in here. */
export const MANIFEST_READERS: Record<string, ManifestReader> = {
  'package.json': readPackageJson,
  'go.mod': readGoMod,
  'cargo.toml': readCargoToml,
  'pyproject.toml': readPyproject,
  'pom.xml': readPom,
  'build.gradle': readGradle,
  'build.gradle.kts': readGradle,
};

/** `requirements.txt`, `requirements-prod.txt`, `requirements/base.txt`-style names. */
function readerFor(basename: string): ManifestReader | undefined {
  const lower = basename.toLowerCase();
  const exact = MANIFEST_READERS[lower] ?? MANIFEST_READERS[basename];
  if (exact) return exact;
  return /^requirements.*\.txt$/.test(lower) ? readRequirements : undefined;
}

function buildStack(project: ProjectView): Stack {
  const dependencies: Dependency[] = [];
  for (const file of project.files(['package-manifest'])) {
    if (!file.production) continue;
    const reader = readerFor(path.posix.basename(file.path));
    if (!reader) continue;
    const source = project.source(file.path);
    if (!source) continue;
    try {
      dependencies.push(...reader(source.text, file.path));
    } catch {
      // A manifest that does not parse declares nothing we can rely on.
    }
  }
  const matches = (dep: Dependency, name: string | RegExp): boolean => (typeof name === 'string' ? dep.name === name : name.test(dep.name));
  return {
    dependencies,
    find: (name) => dependencies.find((d) => !d.dev && matches(d, name)),
    has: (name) => dependencies.some((d) => !d.dev && matches(d, name)),
  };
}

function lineOf(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length - 1;
}

function readPackageJson(text: string, manifest: string): Dependency[] {
  const json = JSON.parse(text) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const out: Dependency[] = [];
  for (const [section, dev] of [
    ['dependencies', false],
    ['devDependencies', true],
  ] as const) {
    for (const name of Object.keys(json[section] ?? {})) out.push({ name, ecosystem: 'npm', manifest, line: lineOf(text, `"${name}"`), dev });
  }
  return out;
}

/** `require` lines and blocks of go.mod: module paths, versions ignored. */
function readGoMod(text: string, manifest: string): Dependency[] {
  const out: Dependency[] = [];
  let inBlock = false;
  text.split('\n').forEach((raw, line) => {
    const content = raw.replace(/\/\/.*$/, '').trim();
    if (content.startsWith('require (')) inBlock = true;
    else if (inBlock && content === ')') inBlock = false;
    else {
      const single = /^require\s+(\S+)\s+\S+/.exec(content);
      const inner = inBlock ? /^(\S+)\s+\S+/.exec(content) : null;
      const name = single?.[1] ?? inner?.[1];
      if (name) out.push({ name, ecosystem: 'go', manifest, line, dev: raw.includes('// indirect') });
    }
  });
  return out;
}

/** The 0-based line of the first line of `text` matching `pattern`, for evidence links. */
function lineMatching(text: string, pattern: RegExp): number | undefined {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  return index < 0 ? undefined : index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type TomlTable = Record<string, unknown>;

function table(value: unknown): TomlTable | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as TomlTable) : undefined;
}

/**
 * Cargo.toml: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`,
 * `[workspace.dependencies]` and `[target.'cfg(…)'.dependencies]`, in every form
 * (`serde = "1"`, inline tables, `[dependencies.tokio]` sub-tables). A renamed crate
 * (`http_client = { package = "reqwest" }`) is recorded under the crate's real name.
 * Build dependencies count as development ones: they never run in production.
 */
function readCargoToml(text: string, manifest: string): Dependency[] {
  const doc = parseToml(text) as TomlTable;
  const out: Dependency[] = [];
  const add = (deps: unknown, dev: boolean, header: string): void => {
    for (const [key, spec] of Object.entries(table(deps) ?? {})) {
      const name = typeof table(spec)?.['package'] === 'string' ? (table(spec)?.['package'] as string) : key;
      const k = escapeRegExp(key);
      // `key = …` inside the section, or a `[dependencies.key]` sub-table header.
      const line = lineMatching(text, new RegExp(`^\\s*\\[${escapeRegExp(header)}\\.${k}\\]`)) ?? lineMatching(text, new RegExp(`^\\s*["']?${k}["']?\\s*[=.]`));
      out.push({ name, ecosystem: 'cargo', manifest, line, dev });
    }
  };
  const sections = (owner: TomlTable | undefined, prefix: string): void => {
    add(owner?.['dependencies'], false, `${prefix}dependencies`);
    add(owner?.['dev-dependencies'], true, `${prefix}dev-dependencies`);
    add(owner?.['build-dependencies'], true, `${prefix}build-dependencies`);
  };
  sections(doc, '');
  add(table(doc['workspace'])?.['dependencies'], false, 'workspace.dependencies');
  for (const [cfg, platform] of Object.entries(table(doc['target']) ?? {})) sections(table(platform), `target.${cfg}.`);
  return out;
}

/** The distribution name of a PEP 508 requirement: `fastapi[all]>=0.110; python_version>"3.8"` → `fastapi`. */
function requirementName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return match?.[1];
}

/** PyPI names compare case-insensitively with `-`, `_` and `.` alike (PEP 503). */
function normalisePypi(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * pyproject.toml: PEP 621 `project.dependencies` (and `optional-dependencies`, as
 * development ones), Poetry `tool.poetry.dependencies` (`python` itself skipped) and
 * its `dev-dependencies` / `group.<name>.dependencies`.
 */
function readPyproject(text: string, manifest: string): Dependency[] {
  const doc = parseToml(text) as TomlTable;
  const out: Dependency[] = [];
  const push = (raw: string, dev: boolean): void => {
    const name = normalisePypi(raw);
    const line = lineMatching(text, new RegExp(`^\\s*["']?${escapeRegExp(raw)}\\b`, 'i')) ?? lineMatching(text, new RegExp(`["']${escapeRegExp(raw)}\\b`, 'i'));
    out.push({ name, ecosystem: 'pypi', manifest, line, dev });
  };
  const project = table(doc['project']);
  for (const requirement of Array.isArray(project?.['dependencies']) ? project['dependencies'] : []) {
    const name = typeof requirement === 'string' ? requirementName(requirement) : undefined;
    if (name) push(name, false);
  }
  for (const group of Object.values(table(project?.['optional-dependencies']) ?? {})) {
    for (const requirement of Array.isArray(group) ? group : []) {
      const name = typeof requirement === 'string' ? requirementName(requirement) : undefined;
      if (name) push(name, true);
    }
  }
  const poetry = table(table(doc['tool'])?.['poetry']);
  const poetryDeps = (deps: unknown, dev: boolean): void => {
    for (const name of Object.keys(table(deps) ?? {})) if (name.toLowerCase() !== 'python') push(name, dev);
  };
  poetryDeps(poetry?.['dependencies'], false);
  poetryDeps(poetry?.['dev-dependencies'], true);
  for (const group of Object.values(table(poetry?.['group']) ?? {})) poetryDeps(table(group)?.['dependencies'], true);
  return out;
}

/**
 * requirements*.txt: one requirement a line, the name before any extras, version
 * specifier, marker or hash. Options (`-r base.txt`, `-c`, `-e`, `--index-url`),
 * comments and direct URLs are skipped; `name @ https://…` keeps its name. Files
 * whose name says dev or test (`requirements-dev.txt`) declare development dependencies.
 */
function readRequirements(text: string, manifest: string): Dependency[] {
  const dev = /(^|[-_.])(dev|test|tests|lint|docs|ci)([-_.]|$)/i.test(path.posix.basename(manifest).replace(/\.txt$/i, ''));
  const out: Dependency[] = [];
  text.split('\n').forEach((raw, line) => {
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!content || content.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(content)) return;
    const name = requirementName(content);
    if (name) out.push({ name: normalisePypi(name), ecosystem: 'pypi', manifest, line, dev });
  });
  return out;
}

interface PomDependency {
  groupId?: unknown;
  artifactId?: unknown;
  scope?: unknown;
}

/**
 * pom.xml: `<dependencies>` of the project and of its profiles, each recorded as its
 * `artifactId` and as `groupId:artifactId` so rules can ask for either. `test` and
 * `provided` scopes are development dependencies. `<dependencyManagement>` only pins
 * versions and declares nothing in use, so it is skipped.
 */
function readPom(text: string, manifest: string): Dependency[] {
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'dependency' || name === 'profile' });
  const doc = parser.parse(text) as { project?: { dependencies?: { dependency?: PomDependency[] }; profiles?: { profile?: Array<{ dependencies?: { dependency?: PomDependency[] } }> } } };
  const project = doc.project;
  if (!project) return [];
  const lists = [project.dependencies?.dependency ?? [], ...(project.profiles?.profile ?? []).map((p) => p.dependencies?.dependency ?? [])];
  const out: Dependency[] = [];
  for (const dependency of lists.flat()) {
    const artifactId = typeof dependency.artifactId === 'string' ? dependency.artifactId.trim() : undefined;
    if (!artifactId) continue;
    const groupId = typeof dependency.groupId === 'string' ? dependency.groupId.trim() : undefined;
    const scope = typeof dependency.scope === 'string' ? dependency.scope.trim() : 'compile';
    const dev = scope === 'test' || scope === 'provided';
    const line = lineMatching(text, new RegExp(`<artifactId>\\s*${escapeRegExp(artifactId)}\\s*</artifactId>`));
    out.push({ name: artifactId, ecosystem: 'maven', manifest, line, dev });
    if (groupId) out.push({ name: `${groupId}:${artifactId}`, ecosystem: 'maven', manifest, line, dev });
  }
  return out;
}

/** Gradle configurations that put a library on the runtime path, and the test-only ones. */
const GRADLE_RUNTIME = new Set(['implementation', 'api', 'compile', 'runtimeOnly', 'runtime', 'compileOnly', 'annotationProcessor', 'kapt', 'ksp']);
const GRADLE_TEST = /^(test|androidTest|integrationTest|testFixtures)[A-Z]/;

/**
 * build.gradle and build.gradle.kts. Gradle scripts are programs (Groovy or Kotlin),
 * and no parser of either is worth depending on, so this is a line scan of the common
 * declaration forms: `implementation 'g:a:v'`, `implementation("g:a:v")`,
 * `testImplementation(group: 'g', name: 'a')` is not read, nor are version-catalog
 * aliases (`implementation(libs.x)`) or dependencies declared in loops. Each coordinate
 * is recorded as `artifact` and as `group:artifact`, as for Maven.
 */
function readGradle(text: string, manifest: string): Dependency[] {
  const out: Dependency[] = [];
  let inBlockComment = false;
  text.split('\n').forEach((raw, line) => {
    let content = raw;
    if (inBlockComment) {
      const end = content.indexOf('*/');
      if (end < 0) return;
      content = content.slice(end + 2);
      inBlockComment = false;
    }
    content = content.replace(/\/\*.*?\*\//g, '');
    const start = content.indexOf('/*');
    if (start >= 0 && content.indexOf('*/', start) < 0) {
      content = content.slice(0, start);
      inBlockComment = true;
    }
    content = content.replace(/\/\/.*$/, '');
    const pattern = /\b([A-Za-z]+)\s*(?:\(\s*)?(?:platform\s*\(\s*)?["']([^"':\s]+):([^"':\s]+)(?::[^"'\s]*)?["']/g;
    for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
      const configuration = match[1] as string;
      const dev = GRADLE_TEST.test(configuration);
      if (!dev && !GRADLE_RUNTIME.has(configuration)) continue;
      const group = match[2] as string;
      const artifact = match[3] as string;
      out.push({ name: artifact, ecosystem: 'gradle', manifest, line, dev });
      out.push({ name: `${group}:${artifact}`, ecosystem: 'gradle', manifest, line, dev });
    }
  });
  return out;
}
