import * as path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import type { SourceText, Span } from '../../engine/source';
import { entries, items, keySpan, pairOf, spanOf, str } from '../yaml/nodes';
import type { YamlFile } from '../yaml/yaml-file';

/**
 * What a Compose file is for, from its name: `docker-compose.dev.yml`, `compose.test.yaml`
 * and `docker-compose.ci.yml` describe a laptop or a test run, not what is deployed.
 */
export type ComposePurpose = 'production' | 'development' | 'test';

const DEVELOPMENT_WORDS = new Set(['dev', 'devel', 'develop', 'development', 'local', 'debug', 'sandbox', 'devcontainer']);
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'ci', 'e2e', 'it', 'integration', 'acceptance', 'functional', 'smoke']);

export function composePurpose(relativePath: string): ComposePurpose {
  const words = path.posix
    .basename(relativePath.toLowerCase())
    .replace(/\.ya?ml$/, '')
    .split(/[.\-_]+/)
    .filter((w) => w !== 'docker' && w !== 'compose');
  if (words.some((w) => TEST_WORDS.has(w))) return 'test';
  if (words.some((w) => DEVELOPMENT_WORDS.has(w))) return 'development';
  return 'production';
}

/** A value after interpolation, as far as the file alone decides it. */
export interface Interpolated {
  /** The text with defaults substituted; undefined when some variable has no default. */
  text: string | undefined;
  /** Whether the text refers to any variable at all. */
  hasVariables: boolean;
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^{}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * `${VAR:-default}`-style interpolation as Compose does it, with no environment: a
 * variable with a default takes the default; one without (or `${VAR:?error}`,
 * `${VAR:+alt}`) leaves the value unknown. `$$` is a literal dollar.
 */
export function interpolate(text: string): Interpolated {
  let unresolved = false;
  let hasVariables = false;
  const out = text.replace(VARIABLE, (whole, braced: string | undefined, _colon: string | undefined, modifier: string | undefined, word: string | undefined) => {
    if (whole === '$$') return '$';
    hasVariables = true;
    if (braced !== undefined && modifier === '-') return word ?? '';
    unresolved = true;
    return '';
  });
  // A nested or malformed expression (`${A:-${B}}`) is left with a `${` we cannot read.
  if (/\$\{/.test(out)) unresolved = true;
  return { text: unresolved ? undefined : out, hasVariables };
}

/** One `environment` entry: `KEY: value` in the map form, `KEY=value` in the list form. */
export interface EnvironmentEntry {
  name: string;
  /** Undefined when the variable is passed through from the shell (`KEY` alone, `KEY:` with no value). */
  value: string | undefined;
  /** The value's text, or the whole entry when it has none. */
  span: Span;
  form: 'map' | 'list';
}

/** One mount of a service, in short (`src:/target:ro`) or long (`type: bind`) syntax. */
export interface Mount {
  /** `volume` for a named volume, `bind` for a host path, `anonymous` for a bare target, `tmpfs`, or another long-syntax type. */
  type: 'volume' | 'bind' | 'anonymous' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** The volume name or host path, as written. */
  source: string | undefined;
  /** The path inside the container; undefined when unreadable. */
  target: string | undefined;
  readOnly: boolean;
  /** The whole entry. */
  span: Span;
  node: unknown;
}

/** One published port of a service, in short (`"127.0.0.1:5432:5432"`) or long syntax. */
export interface PortBinding {
  /** The host interface, undefined for all interfaces; undefined too when not known statically. */
  hostIp: string | undefined;
  /** The host port or range; undefined when Docker picks one. */
  published: string | undefined;
  /** The container port or range. */
  target: string | undefined;
  protocol: string | undefined;
  /** False when a variable without a default makes the binding unknowable. */
  known: boolean;
  syntax: 'short' | 'long';
  span: Span;
  node: unknown;
}

export interface Dependency {
  service: string;
  condition: string | undefined;
}

/**
 * One service of a Compose file. Fields are read as Compose merges them: the service's
 * own keys first, then YAML merge keys (`<<: *defaults`), then a service of the same
 * file it `extends`. A service that extends one in another file is flagged, since its
 * missing keys may be set there.
 */
export class ComposeService {
  constructor(
    readonly doc: ComposeDocument,
    readonly name: string,
    /** The service's own map. */
    readonly node: YAMLMap,
    /** The `name:` pair under `services:`. */
    readonly pair: Pair,
  ) {}

  /** The service name under `services:`, where findings about the service as a whole point. */
  get anchor(): Span {
    return spanOf(this.pair.key) ?? spanOf(this.node) ?? { start: 0, end: 0 };
  }

  /** A field's pair as Compose resolves it, with whether it was inherited (a merge key or `extends`). */
  fieldPair(key: string): { pair: Pair; inherited: boolean } | undefined {
    const own = pairOf(this.node, key);
    if (own) return { pair: own, inherited: false };
    const merged = mergedPair(this.doc, this.node, key, 0);
    if (merged) return { pair: merged, inherited: true };
    const base = this.extendsBase();
    const inherited = base?.fieldPair(key);
    return inherited ? { pair: inherited.pair, inherited: true } : undefined;
  }

  /** A field's value (aliases followed once), as `fieldPair` resolves it. */
  field(key: string): unknown {
    const found = this.fieldPair(key);
    return found ? this.doc.deref(found.pair.value) : undefined;
  }

  has(key: string): boolean {
    return this.fieldPair(key) !== undefined;
  }

  /** Span of the key, when the service itself writes it; else of the service name. */
  keySpanOr(key: string): Span {
    return keySpan(this.node, key) ?? this.anchor;
  }

  /** `extends: base` or `extends: { service: base }` naming a service of this file. */
  extendsBase(seen: Set<string> = new Set([this.name])): ComposeService | undefined {
    const ext = this.doc.deref(pairOf(this.node, 'extends')?.value);
    if (ext === undefined) return undefined;
    if (isMap(ext) && pairOf(ext, 'file')) return undefined;
    const baseName = str(ext) ?? str(this.doc.deref(pairOf(ext, 'service')?.value));
    if (!baseName || seen.has(baseName)) return undefined;
    seen.add(baseName);
    const base = this.doc.service(baseName);
    return base ? new ExtendedService(base, seen) : undefined;
  }

  /** Whether the service extends one in another file, whose keys this file cannot see. */
  get extendsOtherFile(): boolean {
    const ext = this.field('extends');
    return isMap(ext) && pairOf(ext, 'file') !== undefined;
  }

  /** The `image:` as written. */
  get image(): string | undefined {
    return str(this.field('image'));
  }

  /** The image with `${VAR:-default}` resolved; undefined when unknown or absent. */
  get resolvedImage(): string | undefined {
    const image = this.image;
    return image === undefined ? undefined : interpolate(image).text;
  }

  get hasBuild(): boolean {
    return this.has('build');
  }

  /**
   * A service with no image, no build and no `extends` only adds to a service defined
   * in another file (`docker-compose.override.yml`): what it leaves out is not missing.
   */
  get isFragment(): boolean {
    return !this.has('image') && !this.has('build') && !this.has('extends');
  }

  /** The build context and Dockerfile, workspace-relative; undefined for remote contexts or inline Dockerfiles. */
  buildDockerfile(): { dockerfile: string; target: string | undefined } | undefined {
    const build = this.field('build');
    if (build === undefined) return undefined;
    const context = isMap(build) ? str(this.doc.deref(pairOf(build, 'context')?.value)) ?? '.' : str(build);
    if (context === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@')) return undefined;
    if (isMap(build) && pairOf(build, 'dockerfile_inline')) return undefined;
    const dockerfile = isMap(build) ? str(this.doc.deref(pairOf(build, 'dockerfile')?.value)) ?? 'Dockerfile' : 'Dockerfile';
    const target = isMap(build) ? str(this.doc.deref(pairOf(build, 'target')?.value)) : undefined;
    const contextText = interpolate(context).text;
    const dockerfileText = interpolate(dockerfile).text;
    if (contextText === undefined || dockerfileText === undefined) return undefined;
    const dir = path.posix.dirname(this.doc.source.path);
    const contextPath = path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, contextText));
    const joined = path.posix.isAbsolute(dockerfileText) ? dockerfileText : path.posix.join(contextPath, dockerfileText);
    const normalized = path.posix.normalize(joined).replace(/^\.\//, '');
    if (normalized.startsWith('../') || path.posix.isAbsolute(normalized)) return undefined;
    return { dockerfile: normalized, target };
  }

  /** Every `environment` entry, in either form. */
  environment(): EnvironmentEntry[] {
    const env = this.field('environment');
    const source = this.doc.source;
    if (isMap(env)) {
      const out: EnvironmentEntry[] = [];
      const seen = new Set<string>();
      const collect = (map: unknown, depth: number): void => {
        const own = entries(map);
        for (const { key, value, pair } of own) {
          if (key === '<<' || seen.has(key)) continue;
          seen.add(key);
          const node = this.doc.deref(value);
          const text = isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
          out.push({ name: key, value: text, span: spanOf(node) ?? spanOf(pair.key) ?? this.anchor, form: 'map' });
        }
        // Merged maps (`<<: *common-env`) fill in what the map does not set itself.
        const merge = own.find((e) => e.key === '<<');
        if (!merge || depth > 4) return;
        for (const m of isSeq(merge.value) ? merge.value.items : [merge.value]) collect(this.doc.deref(m), depth + 1);
      };
      collect(env, 0);
      return out;
    }
    const out: EnvironmentEntry[] = [];
    for (const item of items(env)) {
      const text = str(this.doc.deref(item));
      const span = spanOf(item);
      if (text === undefined || !span) continue;
      const eq = text.indexOf('=');
      if (eq < 0) {
        out.push({ name: text.trim(), value: undefined, span, form: 'list' });
        continue;
      }
      const raw = source.text.slice(span.start, span.end);
      const quoted = raw.startsWith('"') || raw.startsWith("'");
      const rawEq = raw.indexOf('=');
      const valueSpan = rawEq >= 0 ? { start: span.start + rawEq + 1, end: span.end - (quoted ? 1 : 0) } : span;
      out.push({ name: text.slice(0, eq).trim(), value: text.slice(eq + 1), span: valueSpan, form: 'list' });
    }
    return out;
  }

  /** Every mount of `volumes:`, plus `tmpfs:` paths as tmpfs mounts. */
  mounts(): Mount[] {
    const out: Mount[] = [];
    for (const item of items(this.field('volumes'))) {
      const node = this.doc.deref(item);
      const span = this.doc.spanOf(item);
      if (!span) continue;
      if (isMap(node)) {
        const type = (str(pairOf(node, 'type')?.value) ?? 'volume') as Mount['type'];
        const source = str(pairOf(node, 'source')?.value);
        out.push({
          type: type === 'volume' && source === undefined ? 'anonymous' : type,
          source,
          target: str(pairOf(node, 'target')?.value),
          readOnly: str(pairOf(node, 'read_only')?.value) === 'true',
          span,
          node,
        });
        continue;
      }
      const text = str(node);
      if (text !== undefined) out.push({ ...parseShortVolume(text), span, node });
    }
    const tmpfs = this.field('tmpfs');
    for (const item of isSeq(tmpfs) ? tmpfs.items : tmpfs === undefined ? [] : [tmpfs]) {
      const text = str(item);
      const span = spanOf(item);
      if (text !== undefined && span) out.push({ type: 'tmpfs', source: undefined, target: text.split(':')[0], readOnly: false, span, node: item });
    }
    return out;
  }

  /** Every published port of `ports:`. */
  ports(): PortBinding[] {
    const out: PortBinding[] = [];
    for (const item of items(this.field('ports'))) {
      const node = this.doc.deref(item);
      const span = this.doc.spanOf(item);
      if (!span) continue;
      if (isMap(node)) {
        const hostIp = str(pairOf(node, 'host_ip')?.value);
        const published = str(pairOf(node, 'published')?.value);
        const ip = hostIp === undefined ? undefined : interpolate(hostIp).text;
        out.push({
          hostIp: ip === '' ? undefined : ip,
          published,
          target: str(pairOf(node, 'target')?.value),
          protocol: str(pairOf(node, 'protocol')?.value),
          known: hostIp === undefined || ip !== undefined,
          syntax: 'long',
          span,
          node,
        });
        continue;
      }
      const text = str(node);
      if (text !== undefined) out.push({ ...parseShortPort(text), syntax: 'short', span, node });
    }
    return out;
  }

  /** `command:` as words: the list form as written, the string form split as a shell would. */
  command(): string[] | undefined {
    return words(this.field('command'));
  }

  entrypoint(): string[] | undefined {
    return words(this.field('entrypoint'));
  }

  /** `depends_on:` in either form. */
  dependsOn(): Dependency[] {
    const deps = this.field('depends_on');
    if (isMap(deps)) {
      return entries(deps).map(({ key, value }) => ({ service: key, condition: str(pairOf(this.doc.deref(value), 'condition')?.value) }));
    }
    return items(deps)
      .map((i) => str(i))
      .filter((s): s is string => s !== undefined)
      .map((service) => ({ service, condition: undefined }));
  }

  /** `profiles:` names; a service with profiles only starts when one is enabled. */
  profiles(): string[] {
    return items(this.field('profiles'))
      .map((p) => str(p))
      .filter((p): p is string => p !== undefined);
  }
}

/** A base service seen through `extends`, carrying the chain so a cycle stops. */
class ExtendedService extends ComposeService {
  constructor(
    base: ComposeService,
    private readonly seen: Set<string>,
  ) {
    super(base.doc, base.name, base.node, base.pair);
  }

  override extendsBase(): ComposeService | undefined {
    return super.extendsBase(this.seen);
  }
}

/** `<<: *anchor` / `<<: [*a, *b]` merge keys, followed to a small depth. */
function mergedPair(doc: ComposeDocument, map: YAMLMap, key: string, depth: number): Pair | undefined {
  if (depth > 4) return undefined;
  const merge = pairOf(map, '<<');
  if (!merge) return undefined;
  const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
  for (const source of sources) {
    const target = doc.deref(source);
    if (!isMap(target)) continue;
    const found = pairOf(target, key) ?? mergedPair(doc, target, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function words(node: unknown): string[] | undefined {
  if (node === undefined) return undefined;
  if (isSeq(node)) return node.items.map((i) => str(i) ?? '');
  const text = str(node);
  return text === undefined ? undefined : shellWords(text);
}

/** Splits a command string into words with POSIX-shell quoting (no expansion). */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) out.push(current);
  return out;
}

const VOLUME_MODES = /^(ro|rw|z|Z|cached|delegated|consistent|nocopy|shared|slave|private|rshared|rslave|rprivate)(,(ro|rw|z|Z|cached|delegated|consistent|nocopy|shared|slave|private|rshared|rslave|rprivate))*$/;

/** `[SOURCE:]TARGET[:MODE]`, with Windows drive letters kept in the source. */
export function parseShortVolume(text: string): Pick<Mount, 'type' | 'source' | 'target' | 'readOnly'> {
  const parts = splitOutsideVariables(text, ':');
  if (parts.length >= 2 && /^[A-Za-z]$/.test(parts[0] as string) && /^[\\/]/.test(parts[1] as string)) {
    parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  }
  let mode: string | undefined;
  if (parts.length >= 2 && VOLUME_MODES.test(parts[parts.length - 1] as string)) mode = parts.pop();
  const readOnly = mode?.split(',').includes('ro') ?? false;
  if (parts.length === 1) return { type: 'anonymous', source: undefined, target: parts[0], readOnly };
  const target = parts.pop();
  const source = parts.join(':');
  const bind = /^([./~$\\]|[A-Za-z]:[\\/])/.test(source);
  return { type: bind ? 'bind' : 'volume', source, target, readOnly };
}

/** Splits on a separator that is not inside `${…}`. */
function splitOutsideVariables(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '$' && text[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** `[[IP:]HOST:]CONTAINER[/PROTOCOL]`, IPv6 addresses bare or in brackets. */
export function parseShortPort(raw: string): Pick<PortBinding, 'hostIp' | 'published' | 'target' | 'protocol' | 'known'> {
  const resolved = interpolate(raw).text;
  if (resolved === undefined) return { hostIp: undefined, published: undefined, target: undefined, protocol: undefined, known: false };
  let text = resolved.trim();
  let protocol: string | undefined;
  const slash = text.lastIndexOf('/');
  if (slash >= 0) {
    protocol = text.slice(slash + 1);
    text = text.slice(0, slash);
  }
  const lastColon = text.lastIndexOf(':');
  if (lastColon < 0) return { hostIp: undefined, published: undefined, target: text, protocol, known: true };
  const target = text.slice(lastColon + 1);
  const host = text.slice(0, lastColon);
  const hostColon = host.lastIndexOf(':');
  if (hostColon < 0) return { hostIp: undefined, published: host || undefined, target, protocol, known: true };
  const ip = host.slice(0, hostColon).replace(/^\[(.*)\]$/, '$1');
  const published = host.slice(hostColon + 1);
  return { hostIp: ip === '' ? undefined : ip, published: published || undefined, target, protocol, known: true };
}

/** Whether a host IP binds all interfaces (absent, `0.0.0.0`, `::`). */
export function bindsAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]';
}

export function isLoopback(hostIp: string | undefined): boolean {
  return hostIp !== undefined && (/^127\./.test(hostIp) || hostIp === '::1' || hostIp === 'localhost');
}

/**
 * A Compose file as rules read it: its services with their fields resolved through
 * merge keys and `extends`, the named volumes it declares, and what it is for.
 */
export class ComposeDocument {
  readonly services: ComposeService[];
  readonly purpose: ComposePurpose;
  private readonly document: Document.Parsed | undefined;

  constructor(
    readonly yaml: YamlFile,
    readonly source: SourceText,
  ) {
    this.document = yaml.documents.find((d) => pairOf(d.contents, 'services')) ?? yaml.documents[0];
    this.purpose = composePurpose(source.path);
    this.services = [];
    for (const { key, value, pair } of entries(this.deref(pairOf(this.root, 'services')?.value))) {
      const node = this.deref(value);
      if (isMap(node)) this.services.push(new ComposeService(this, key, node, pair));
    }
  }

  /** The top-level map of the file. */
  get root(): unknown {
    return this.document?.contents ?? undefined;
  }

  /** The `services:` node as written. */
  get servicesNode(): unknown {
    return this.deref(pairOf(this.root, 'services')?.value);
  }

  service(name: string): ComposeService | undefined {
    return this.services.find((s) => s.name === name);
  }

  /** The top-level declaration of a named volume, if the file declares it. */
  volume(name: string): unknown {
    const volumes = this.deref(pairOf(this.root, 'volumes')?.value);
    const pair = pairOf(volumes, name);
    return pair ? (this.deref(pair.value) ?? null) : undefined;
  }

  /** A node's span with trailing blanks and line breaks left out (a block map's range runs to the next line). */
  spanOf(node: unknown): Span | undefined {
    const span = spanOf(node);
    if (!span) return undefined;
    let end = span.end;
    while (end > span.start && /\s/.test(this.source.text[end - 1] ?? '')) end--;
    return { start: span.start, end };
  }

  /** An alias's anchored node (one step, so an alias bomb stays unexpanded); other nodes as they are. */
  deref(node: unknown): unknown {
    if (isAlias(node) && this.document) {
      try {
        return node.resolve(this.document) ?? undefined;
      } catch {
        return undefined;
      }
    }
    return node ?? undefined;
  }
}
