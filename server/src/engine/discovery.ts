import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isBinaryFileSync } from 'isbinaryfile';
import picomatch from 'picomatch';
import { classify, type FileKind } from './classify';

/** Folders no one wants assessed: dependencies, build output, VCS metadata. */
export const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', 'vendor', 'target', 'dist', '.hg', '.svn', '.venv', '__pycache__']);

export interface DiscoveredFile {
  /** Workspace-relative, `/` separators. */
  path: string;
  kind: FileKind;
  text: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** Every path the walk saw and kept, read or not: what `WorkspaceView.hasFile` answers from. */
  allPaths: Set<string>;
  skipped: SkippedFile[];
}

export interface DiscoveryOptions {
  /** Globs relative to the root, on top of .gitignore (`.readiness.yaml` `ignore`). */
  ignore?: readonly string[];
  maxFileSize: number;
  /** Which kinds to read; the rest are only listed. Defaults to every kind but 'other'. */
  shouldRead?: (kind: FileKind) => boolean;
}

/**
 * Whether git would ignore a path given the .gitignore files above it (the deepest
 * rule that matches decides, so `!keep.log` re-includes), or a configured glob does.
 * Shared by the scan and by the editor, which asks one path at a time.
 */
export function isIgnoredPath(rel: string, isDir: boolean, levels: readonly IgnoreLevel[], configured?: (path: string) => boolean): boolean {
  if (configured && (configured(rel) || (isDir && configured(`${rel}/`)))) return true;
  let ignored = false;
  for (const level of levels) {
    const local = level.dir ? rel.slice(level.dir.length + 1) : rel;
    const test = level.matcher.test(isDir ? `${local}/` : local);
    if (test.ignored) ignored = true;
    else if (test.unignored) ignored = false;
  }
  return ignored;
}

export interface IgnoreLevel {
  /** The folder the .gitignore lives in, relative to the root ('' for the root). */
  dir: string;
  matcher: Ignore;
}

/**
 * Walks a workspace the way git sees it: .gitignore files at every level (and
 * .git/info/exclude), the configured ignore globs, no dependency or build folders.
 * Symlinks are followed only inside the workspace and never twice (loops end).
 */
export async function discoverFiles(root: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const absoluteRoot = path.resolve(root);
  const realRoot = await fs.realpath(absoluteRoot);
  const configured = options.ignore?.length ? picomatch(options.ignore as string[], { dot: true }) : undefined;
  const shouldRead = options.shouldRead ?? ((kind: FileKind) => kind !== 'other');
  const result: DiscoveryResult = { files: [], allPaths: new Set(), skipped: [] };
  const visitedDirs = new Set<string>([realRoot]);
  const toRead: Array<{ abs: string; rel: string }> = [];

  const rootLevels: IgnoreLevel[] = [];
  const exclude = await readIgnoreFile(path.join(absoluteRoot, '.git', 'info', 'exclude'));
  if (exclude) rootLevels.push({ dir: '', matcher: exclude });

  const isIgnored = (rel: string, isDir: boolean, levels: readonly IgnoreLevel[]): boolean => isIgnoredPath(rel, isDir, levels, configured);

  const walk = async (absDir: string, realDir: string, relDir: string, inherited: readonly IgnoreLevel[]): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(absDir, { withFileTypes: true });
    } catch (error) {
      result.skipped.push({ file: relDir || '.', reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const own = await readIgnoreFile(path.join(absDir, '.gitignore'));
    const levels = own ? [...inherited, { dir: relDir, matcher: own }] : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: Array<Promise<void>> = [];
    for (const entry of entries) {
      const abs = path.join(absDir, entry.name);
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = path.join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await resolveLink(abs);
        if (!target) {
          result.skipped.push({ file: rel, reason: 'broken symlink' });
          continue;
        }
        if (!isInside(realRoot, target.real)) {
          result.skipped.push({ file: rel, reason: 'symlink out of the workspace' });
          continue;
        }
        isDir = target.isDir;
        isFile = target.isFile;
        real = target.real;
      }
      if (isDir) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(rel, true, levels)) continue;
        if (visitedDirs.has(real)) continue;
        visitedDirs.add(real);
        subdirs.push(walk(abs, real, rel, levels));
      } else if (isFile) {
        if (isIgnored(rel, false, levels)) continue;
        result.allPaths.add(rel);
        toRead.push({ abs, rel });
      }
    }
    await Promise.all(subdirs);
  };

  await walk(absoluteRoot, realRoot, '', rootLevels);

  const context = { hasFile: (p: string) => result.allPaths.has(p) };
  const candidates = toRead
    .map((f) => ({ ...f, kind: classify(f.rel, context) }))
    .filter((f) => shouldRead(f.kind))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  await forEachLimited(candidates, 32, async (candidate) => {
    const outcome = await readCandidate(candidate.abs, options.maxFileSize);
    if (typeof outcome === 'string') result.files.push({ path: candidate.rel, kind: candidate.kind, text: outcome });
    else result.skipped.push({ file: candidate.rel, reason: outcome.reason });
  });
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}

async function readCandidate(abs: string, maxFileSize: number): Promise<string | { reason: string }> {
  try {
    const stat = await fs.stat(abs);
    if (stat.size > maxFileSize) return { reason: `larger than ${formatBytes(maxFileSize)} (${formatBytes(stat.size)})` };
    const buffer = await fs.readFile(abs);
    if (buffer.length > 0 && isBinaryFileSync(buffer)) return { reason: 'binary' };
    return stripBom(buffer.toString('utf8'));
  } catch (error) {
    return { reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readIgnoreFile(file: string): Promise<Ignore | undefined> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return ignore().add(text);
  } catch {
    return undefined;
  }
}

async function resolveLink(abs: string): Promise<{ real: string; isDir: boolean; isFile: boolean } | undefined> {
  try {
    const real = await fs.realpath(abs);
    const stat = await fs.stat(real);
    return { real, isDir: stat.isDirectory(), isFile: stat.isFile() };
  } catch {
    return undefined;
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function forEachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}
