import * as path from 'node:path';
import type { ProjectView } from '../../../server/src/engine/project';
import { interpolate, shellWords, type ComposeService } from '../../../server/src/targets/compose/document';
import { dataStoreOf, isRedis, type DataStore } from '../../k8s/support/databases';

export { dataStoreOf, isRedis, type DataStore };

/** Every word the container starts with: entrypoint then command, `sh -c "…"` scripts split too. */
export function startWords(service: ComposeService): string[] {
  const words = [...(service.entrypoint() ?? []), ...(service.command() ?? [])];
  return words.flatMap((w) => (/\s/.test(w) ? shellWords(w) : [w]));
}

/** Whether the container runs a client of the store (`psql`, `pg_dump`, `redis-cli`) rather than the server. */
export function runsClient(service: ComposeService, store: DataStore): boolean {
  const first = startWords(service).find((w) => !/^(sh|bash|ash|-c|-ec|-e|exec|\/bin\/sh|\/bin\/bash)$/.test(w));
  return first !== undefined && store.clients.includes(path.posix.basename(first));
}

/**
 * Where the store keeps its data in this service: what `dataEnv` (`PGDATA`) or a data
 * flag (`--datadir`) says, else the image defaults. Undefined when it cannot be known
 * statically (a variable with no default, MinIO drives written as an expansion).
 */
export function dataDirectories(service: ComposeService, store: DataStore): string[] | undefined {
  if (store.dataEnv) {
    const entry = service.environment().find((e) => e.name === store.dataEnv);
    if (entry && entry.value !== undefined) {
      const value = interpolate(entry.value).text;
      return value ? [trimSlash(value)] : undefined;
    }
  }
  const words = startWords(service);
  for (const flag of store.dataFlags ?? []) {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const value = word === flag ? words[i + 1] : word.startsWith(`${flag}=`) ? word.slice(flag.length + 1) : undefined;
      if (value !== undefined) {
        const resolved = interpolate(value).text;
        return resolved ? [trimSlash(resolved)] : undefined;
      }
    }
  }
  if (store.positionalAfter) {
    const at = words.indexOf(store.positionalAfter);
    if (at >= 0) {
      const paths = words.slice(at + 1).filter((w) => !w.startsWith('-'));
      const dir = paths[0];
      if (dir === undefined || !dir.startsWith('/') || dir.includes('{')) return undefined;
      return [trimSlash(dir)];
    }
  }
  return [...store.dataPaths];
}

/** Whether a mount at `target` holds `dir` (the directory itself or one above it). */
export function covers(target: string, dir: string): boolean {
  const t = trimSlash(target);
  return t !== '' && (t === dir || dir.startsWith(`${t}/`));
}

function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** What Redis is told about persistence, on its command line or in a config file it is given. */
export interface RedisPersistence {
  /** Snapshots off (`save ""`) and no append-only file: nothing survives a restart. */
  off: boolean;
  /** An eviction policy over all keys: used as a cache, where losing data on restart is fine. */
  cache: boolean;
  /** A config file we could not read: persistence unknown. */
  unknown: boolean;
}

/** Reads `--save`, `--appendonly` and `--maxmemory-policy` from the command and from a mounted redis.conf in the workspace. */
export function redisPersistence(project: ProjectView, service: ComposeService): RedisPersistence {
  const words = startWords(service);
  const settings = new Map<string, string>();
  const config = words.find((w) => /\.conf$/.test(w));
  if (config) {
    const text = mountedFileText(project, service, config);
    if (text === undefined) return { off: false, cache: false, unknown: true };
    for (const line of text.split(/\r?\n/)) {
      const parts = shellWords(line.replace(/^\s*#.*$/, ''));
      const [key, ...values] = parts;
      if (key) settings.set(key.toLowerCase(), values.join(' '));
    }
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.startsWith('--')) settings.set(word.slice(2).toLowerCase(), words[i + 1] ?? '');
  }
  const save = settings.get('save');
  const appendonly = settings.get('appendonly')?.toLowerCase();
  const policy = settings.get('maxmemory-policy')?.toLowerCase() ?? '';
  return { off: save !== undefined && save.trim() === '' && appendonly !== 'yes', cache: policy.startsWith('allkeys-'), unknown: false };
}

/** The workspace text of a file bind-mounted at `target`, resolved from the compose file's folder. */
function mountedFileText(project: ProjectView, service: ComposeService, target: string): string | undefined {
  const mount = service.mounts().find((m) => m.type === 'bind' && m.target === target && m.source !== undefined);
  const source = mount?.source && interpolate(mount.source).text;
  if (!source || path.posix.isAbsolute(source) || source.startsWith('~')) return undefined;
  const dir = path.posix.dirname(service.doc.source.path);
  const file = path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, source));
  return project.source(file)?.text;
}
