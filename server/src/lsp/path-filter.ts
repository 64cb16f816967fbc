import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { ALWAYS_SKIPPED_DIRS, isIgnoredPath } from '../engine/discovery';

/**
 * Answers "would a scan of this root skip this file?" for one path at a time, with the
 * rules of discovery.ts (skipped folders, configured globs, `.gitignore` at every level,
 * `.git/info/exclude`), so an open file the CLI never reports gets no diagnostics
 * either. Ignore files are read on first use and kept until `clear()`.
 */
export class PathFilter {
  private readonly ignoreFiles = new Map<string, Ignore | null>();
  private readonly configured: picomatch.Matcher | undefined;

  constructor(
    private readonly root: string,
    globs: readonly string[],
  ) {
    this.configured = globs.length ? picomatch(globs as string[], { dot: true }) : undefined;
  }

  clear(): void {
    this.ignoreFiles.clear();
  }

  /** `relativePath` is workspace-relative with `/` separators. */
  isIgnored(relativePath: string): boolean {
    const segments = relativePath.split('/');
    const levels: Array<{ dir: string; matcher: Ignore }> = [];
    const exclude = this.read(path.join(this.root, '.git', 'info', 'exclude'));
    if (exclude) levels.push({ dir: '', matcher: exclude });
    let dir = '';
    for (let i = 0; i < segments.length; i++) {
      const own = this.read(path.join(this.root, dir, '.gitignore'));
      if (own) levels.push({ dir, matcher: own });
      const rel = dir ? `${dir}/${segments[i]}` : (segments[i] as string);
      const isDir = i < segments.length - 1;
      if (isDir && ALWAYS_SKIPPED_DIRS.has(segments[i] as string)) return true;
      if (this.matches(rel, isDir, levels)) return true;
      dir = rel;
    }
    return false;
  }

  private matches(rel: string, isDir: boolean, levels: ReadonlyArray<{ dir: string; matcher: Ignore }>): boolean {
    return isIgnoredPath(rel, isDir, levels, this.configured);
  }

  private read(file: string): Ignore | undefined {
    let cached = this.ignoreFiles.get(file);
    if (cached === undefined) {
      try {
        cached = ignore().add(readFileSync(file, 'utf8'));
      } catch {
        cached = null;
      }
      this.ignoreFiles.set(file, cached);
    }
    return cached ?? undefined;
  }
}
