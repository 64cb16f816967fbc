import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { ConfigError, CONFIG_FILE, DEFAULT_CONFIG, loadConfig, type ResolvedConfig } from '../engine/config';
import { PathFilter } from './path-filter';

/** Where a document sits: the root it is linted against and its path relative to it. */
export interface Location {
  /** Absolute folder path; undefined for documents with no file path (untitled). */
  root: string | undefined;
  /** Root-relative path with `/` separators, as the CLI prints it. */
  relativePath: string;
}

/** One root's `.readiness.yaml` outcome and ignore rules. */
export interface RootState {
  root: string;
  config: ResolvedConfig;
  /** The reason `.readiness.yaml` could not be used; the defaults apply meanwhile. */
  configError: ConfigError | undefined;
  filter: PathFilter;
}

/**
 * The workspace folders and, per root, what the CLI would read there. A document
 * belongs to the innermost folder containing it; a file outside every folder is
 * linted with its own directory as root, as `readiness scan <dir>` would.
 */
export class WorkspaceModel {
  private folders: string[] = [];
  private readonly roots = new Map<string, RootState>();
  /** Told of every (re)load, so configuration errors reach the editor wherever a root was found. */
  onLoaded: (state: RootState) => void = () => undefined;

  constructor(private readonly knownRules: ReadonlySet<string>) {}

  setFolders(uris: readonly string[]): void {
    // Longest first, so the innermost of nested folders claims its files.
    this.folders = uris
      .map((uri) => URI.parse(uri))
      .filter((uri) => uri.scheme === 'file')
      .map((uri) => path.resolve(uri.fsPath))
      .sort((a, b) => b.length - a.length);
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map((uri) => path.resolve(URI.parse(uri).fsPath)));
    const kept = this.folders.filter((f) => !gone.has(f)).map((f) => URI.file(f).toString());
    this.setFolders([...kept, ...added]);
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  locate(uri: string, languageId: string): Location {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') {
      // A buffer with no file behind it: named so classification picks its language.
      const base = path.posix.basename(parsed.path) || 'untitled';
      return { root: undefined, relativePath: languageId === 'dockerfile' ? 'Dockerfile' : base };
    }
    const file = path.resolve(parsed.fsPath);
    const folder = this.folders.find((f) => isInside(f, file));
    const root = folder ?? path.dirname(file);
    return { root, relativePath: path.relative(root, file).split(path.sep).join('/') };
  }

  /** The root's state, loading `.readiness.yaml` on first use. */
  state(root: string): RootState {
    let state = this.roots.get(root);
    if (!state) {
      state = this.load(root);
      this.roots.set(root, state);
    }
    return state;
  }

  /** Reloads one root's configuration (or every loaded root's). */
  reload(root?: string): RootState[] {
    const targets = root === undefined ? [...this.roots.keys()] : [root];
    return targets.map((r) => {
      const state = this.load(r);
      this.roots.set(r, state);
      return state;
    });
  }

  /** Forgets every cached `.gitignore`, read again on the next lint. */
  invalidateFilters(): void {
    for (const state of this.roots.values()) state.filter.clear();
  }

  /** The loaded root (or folder) whose `.readiness.yaml` is `file`. */
  rootOfConfigFile(file: string): string | undefined {
    const dir = path.dirname(path.resolve(file));
    return this.roots.has(dir) || this.folders.includes(dir) ? dir : undefined;
  }

  private load(root: string): RootState {
    let config = DEFAULT_CONFIG;
    let configError: ConfigError | undefined;
    try {
      config = loadConfig(root, undefined, this.knownRules);
    } catch (error) {
      configError = error instanceof ConfigError ? error : new ConfigError(CONFIG_FILE, 1, (error as Error).message);
    }
    const state: RootState = { root, config, configError, filter: new PathFilter(root, config.ignore) };
    this.onLoaded(state);
    return state;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Reads a file for positions in a diagnostic; empty when it vanished meanwhile. */
export function readTextOrEmpty(file: string): string {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}
