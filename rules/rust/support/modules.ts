import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { ProjectView } from '../../../server/src/engine/project';
import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';
import { attributesOf, isCfgTest } from './syntax';

/**
 * Which Rust files the compiler builds. Cargo compiles a crate from its roots
 * (`src/main.rs`, `src/lib.rs`, `src/bin/*.rs`, `build.rs`, and `[lib]`/`[[bin]]` paths
 * in Cargo.toml) and from there only the files that `mod name;` items reach. A file no
 * `mod` declares (an `old.rs` left behind) is not built: rules do not judge it and
 * nothing in it counts as evidence. Modules declared under `#[cfg(test)]` are built
 * for tests only and do not count either.
 *
 * Files outside any crate (no Cargo.toml above them) and files of a crate whose roots
 * are not in the workspace are taken as live: nothing says they are not.
 */
interface CrateModules {
  /** Crate directory (`''` for the workspace root) → files reached from its roots. */
  crates: Map<string, Set<string>>;
}

const cache = new WeakMap<ProjectView, CrateModules>();

/** Whether the Rust file is compiled into a production build of its crate. */
export function isLiveRustFile(project: ProjectView, file: string): boolean {
  let modules = cache.get(project);
  if (!modules) {
    modules = computeModules(project);
    cache.set(project, modules);
  }
  const crate = crateOf(modules, file);
  if (crate === undefined) return true;
  const live = modules.crates.get(crate);
  // A crate whose roots are all missing from the workspace: nothing to resolve from.
  if (!live || live.size === 0) return true;
  return live.has(file);
}

/** The innermost crate directory holding the file, if any. */
function crateOf(modules: CrateModules, file: string): string | undefined {
  let best: string | undefined;
  for (const dir of modules.crates.keys()) {
    if (dir !== '' && !file.startsWith(`${dir}/`)) continue;
    if (best === undefined || dir.length > best.length) best = dir;
  }
  return best;
}

function join(dir: string, ...parts: string[]): string {
  return path.posix.normalize(path.posix.join(dir, ...parts)).replace(/^\.\//, '');
}

function computeModules(project: ProjectView): CrateModules {
  const rustFiles = new Set(project.files(['rust']).map((f) => f.path));
  const crates = new Map<string, Set<string>>();
  for (const manifest of project.files(['package-manifest'])) {
    if (path.posix.basename(manifest.path).toLowerCase() !== 'cargo.toml') continue;
    const dir = path.posix.dirname(manifest.path) === '.' ? '' : path.posix.dirname(manifest.path);
    const roots = crateRoots(dir, project.source(manifest.path)?.text ?? '', rustFiles);
    crates.set(dir, reach(project, roots, rustFiles));
  }
  return { crates };
}

/** The crate's root files that exist: conventional ones and those Cargo.toml names. */
function crateRoots(dir: string, manifestText: string, rustFiles: ReadonlySet<string>): string[] {
  const candidates = [join(dir, 'src/main.rs'), join(dir, 'src/lib.rs'), join(dir, 'build.rs')];
  const binDir = join(dir, 'src/bin') + '/';
  for (const file of rustFiles) {
    if (!file.startsWith(binDir)) continue;
    const rest = file.slice(binDir.length);
    if (/^[^/]+\.rs$/.test(rest) || /^[^/]+\/main\.rs$/.test(rest)) candidates.push(file);
  }
  try {
    const manifest = parseToml(manifestText) as Record<string, unknown>;
    const targets = [manifest['lib'], ...(Array.isArray(manifest['bin']) ? manifest['bin'] : [])];
    const pkg = manifest['package'] as Record<string, unknown> | undefined;
    if (typeof pkg?.['build'] === 'string') targets.push({ path: pkg['build'] });
    for (const target of targets) {
      const p = (target as { path?: unknown } | undefined)?.path;
      if (typeof p === 'string') candidates.push(join(dir, p));
    }
  } catch {
    // A Cargo.toml that does not parse: the conventional roots still stand.
  }
  return [...new Set(candidates)].filter((file) => rustFiles.has(file));
}

/** Every file reached from the roots through `mod name;` items. */
function reach(project: ProjectView, roots: readonly string[], rustFiles: ReadonlySet<string>): Set<string> {
  const live = new Set<string>();
  const queue = roots.map((file) => ({ file, ownsDir: true }));
  while (queue.length > 0) {
    const next = queue.shift() as { file: string; ownsDir: boolean };
    if (live.has(next.file)) continue;
    live.add(next.file);
    const doc = project.parsed(next.file, 'rust');
    if (!doc) continue;
    for (const child of declaredModules(doc, next.file, next.ownsDir)) {
      const found = child.candidates.find((c) => rustFiles.has(c));
      if (found) queue.push({ file: found, ownsDir: child.ownsDir(found) });
    }
  }
  return live;
}

interface DeclaredModule {
  /** Where the module's file may be, in the order rustc tries them. */
  candidates: string[];
  /** Whether a resolved file's own `mod` items resolve beside it (mod.rs, #[path]) or in a folder named after it. */
  ownsDir(file: string): boolean;
}

/**
 * The out-of-line modules (`mod name;`) a file declares, outside `#[cfg(test)]`.
 * A crate root or `mod.rs` file owns its folder: `mod a;` is `a.rs` or `a/mod.rs` beside
 * it. Any other file `x.rs` resolves into `x/`. Inline modules (`mod a { mod b; }`) add
 * their name to the path; `#[path = "…"]` names the file relative to the declaring
 * file's folder.
 */
function declaredModules(doc: SyntaxDocument, file: string, ownsDir: boolean): DeclaredModule[] {
  const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
  const base = ownsDir ? dir : join(dir, path.posix.basename(file, '.rs'));
  const out: DeclaredModule[] = [];
  for (const { node } of doc.captures('(mod_item name: (identifier) @name) @mod')) {
    if (node.type !== 'mod_item' || node.childForFieldName('body')) continue;
    const name = node.childForFieldName('name')?.text;
    if (!name) continue;
    const inline: string[] = [];
    let testOnly = attributesOf(node).some(isCfgTest);
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (parent.type !== 'mod_item') continue;
      if (attributesOf(parent).some(isCfgTest)) testOnly = true;
      const parentName = parent.childForFieldName('name')?.text;
      if (parentName) inline.unshift(parentName);
    }
    if (testOnly) continue;
    const pathAttribute = attributesOf(node)
      .map((a) => doc.matches('(attribute (identifier) @key value: (string_literal (string_content) @value))', a))
      .flat()
      .find((m) => m.captures.find((c) => c.name === 'key')?.node.text === 'path');
    const explicit = pathAttribute?.captures.find((c) => c.name === 'value')?.node.text;
    if (explicit) {
      out.push({ candidates: [join(dir, ...inline, explicit)], ownsDir: () => true });
      continue;
    }
    const folder = join(base, ...inline);
    out.push({ candidates: [join(folder, `${name}.rs`), join(folder, name, 'mod.rs')], ownsDir: (f) => path.posix.basename(f) === 'mod.rs' });
  }
  return out;
}
