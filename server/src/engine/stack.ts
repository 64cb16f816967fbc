import * as path from 'node:path';
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
};

function buildStack(project: ProjectView): Stack {
  const dependencies: Dependency[] = [];
  for (const file of project.files(['package-manifest'])) {
    if (!file.production) continue;
    const reader = MANIFEST_READERS[path.posix.basename(file.path).toLowerCase()] ?? MANIFEST_READERS[path.posix.basename(file.path)];
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
