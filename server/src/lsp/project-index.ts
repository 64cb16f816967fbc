import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../engine/config';
import { discoverFiles } from '../engine/discovery';
import { classifyPaths, type ProjectFile } from '../engine/project';

interface RootIndex {
  paths: Set<string>;
  classified: ProjectFile[] | undefined;
  /** The last unsaved buffer's path with the classified files it makes, reused while it is edited. */
  withExtra: { extra: string; files: readonly ProjectFile[] } | undefined;
  loading: Promise<void> | undefined;
}

/**
 * Which files each workspace root holds, as the CLI's walk sees them (ignore rules
 * included), so cross-file rules in the editor see the same project as a scan: the
 * NetworkPolicy in another manifest, the chart's templates behind a values.yaml.
 * Filled in the background at first use and kept current from file events.
 */
export class ProjectIndex {
  private readonly roots = new Map<string, RootIndex>();

  /** Called when a root's first walk completes, so lints made before it can be redone. */
  onLoaded: (root: string) => void = () => undefined;

  /** The classified files of a root, plus `extra` (the document being linted, perhaps unsaved). */
  files(root: string, config: ResolvedConfig, extra: string): readonly ProjectFile[] {
    const index = this.ensure(root, config);
    if (!index.classified) {
      index.classified = classifyPaths(index.paths, { hasFile: (p) => index.paths.has(p) });
      index.withExtra = undefined;
    }
    if (index.paths.has(extra)) return index.classified;
    // An unsaved buffer: classify just it, not the whole workspace again on every keystroke,
    // and not even it again while the index stands.
    if (index.withExtra?.extra !== extra) {
      const [own] = classifyPaths([extra], { hasFile: (p) => index.paths.has(p) || existsSync(path.join(root, p)) });
      index.withExtra = { extra, files: own ? [...index.classified, own] : index.classified };
    }
    return index.withExtra.files;
  }

  /** Notes a created or deleted file; answers whether the root is indexed at all. */
  update(root: string, relativePath: string, exists: boolean): boolean {
    const index = this.roots.get(root);
    if (!index) return false;
    const had = index.paths.has(relativePath);
    if (exists) index.paths.add(relativePath);
    else index.paths.delete(relativePath);
    if (had !== exists) {
      index.classified = undefined;
      index.withExtra = undefined;
    }
    return true;
  }

  /** Forgets every root (configuration or ignore files changed); the next use walks again. */
  clear(): void {
    this.roots.clear();
  }

  /** Resolves when every root asked for so far has been walked. */
  async ready(): Promise<void> {
    await Promise.all([...this.roots.values()].map((r) => r.loading));
  }

  private ensure(root: string, config: ResolvedConfig): RootIndex {
    let index = this.roots.get(root);
    if (!index) {
      const created: RootIndex = { paths: new Set(), classified: undefined, withExtra: undefined, loading: undefined };
      index = created;
      this.roots.set(root, created);
      created.loading = discoverFiles(root, { ignore: config.ignore, maxFileSize: config.maxFileSize, shouldRead: () => false })
        .then((result) => {
          if (this.roots.get(root) !== created) return;
          for (const p of result.allPaths) created.paths.add(p);
          created.classified = undefined;
          created.withExtra = undefined;
          this.onLoaded(root);
        })
        .catch(() => undefined)
        .finally(() => {
          created.loading = undefined;
        });
    }
    return index;
  }
}
