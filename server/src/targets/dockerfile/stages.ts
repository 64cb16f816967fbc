// Stages of a Dockerfile and the images they run on, as rules need them.
import type { Arg, Instruction } from 'dockerfile-ast';
import type { DockerfileDocument, Stage } from './document';

/** An image reference split as Docker reads it: `[registry/]path[:tag][@digest]`. */
export interface ImageRef {
  /** The reference as written (after variable resolution). */
  raw: string;
  /** The reference without tag and digest, as written: `gcr.io/distroless/static`. */
  repository: string;
  /** `gcr.io`, `localhost:5000`; undefined for Docker Hub written without one. */
  registry: string | undefined;
  /** The repository path without registry, `library/` dropped for Docker Hub: `golang`, `dotnet/sdk`, `distroless/static-debian12`. */
  path: string;
  /** The last path segment, lower-case: `golang`, `sdk`, `static-debian12`. */
  name: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImageRef(raw: string): ImageRef {
  const at = raw.indexOf('@');
  const digest = at >= 0 ? raw.slice(at + 1) : undefined;
  let rest = at >= 0 ? raw.slice(0, at) : raw;
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const repository = rest;
  const segments = rest.split('/');
  let registry: string | undefined;
  const first = segments[0] ?? '';
  if (segments.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first.toLowerCase();
    segments.shift();
  }
  if ((registry === undefined || registry === 'docker.io' || registry === 'index.docker.io') && segments[0] === 'library' && segments.length > 1) segments.shift();
  const path = segments.join('/').toLowerCase();
  return { raw, repository, registry, path, name: segments[segments.length - 1]?.toLowerCase() ?? '', tag, digest };
}

/**
 * The image of a stage's `FROM` with `${VAR}`/`$VAR` replaced by the defaults of the
 * ARGs declared before the first `FROM` (the only ones in scope there), honouring
 * `${VAR:-default}` and `${VAR:+alt}`. Undefined when a variable has no value we can
 * know (a build argument without default) or the FROM names no image.
 */
export function resolvedImage(doc: DockerfileDocument, stage: Stage): string | undefined {
  const image = stage.image;
  if (!image) return undefined;
  if (!image.includes('$')) return image;
  const defaults = globalArgs(doc);
  let unresolved = false;
  const resolved = image.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_whole, braced: string | undefined, colon: string | undefined, modifier: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = defaults.get(name) ?? null;
    const set = value !== null && (colon !== ':' || value !== '');
    if (modifier === '-') return set ? (value as string) : (word ?? '');
    if (modifier === '+') return set ? (word ?? '') : '';
    if (value === null) unresolved = true;
    return value ?? '';
  });
  return unresolved || resolved.includes('$') || resolved === '' ? undefined : resolved;
}

const globalArgsCache = new WeakMap<DockerfileDocument, Map<string, string | null>>();

/** The ARGs declared before the first `FROM`, with their defaults (null without one). */
function globalArgs(doc: DockerfileDocument): Map<string, string | null> {
  let defaults = globalArgsCache.get(doc);
  if (!defaults) {
    defaults = new Map();
    for (const arg of doc.ast.getInitialARGs() as Arg[]) {
      const property = arg.getProperty();
      if (property) defaults.set(property.getName(), property.getValue());
    }
    globalArgsCache.set(doc, defaults);
  }
  return defaults;
}

/** The earlier stage a stage builds on: `FROM build`, or `FROM ${BASE}` with `ARG BASE=build`. */
export function parentOf(doc: DockerfileDocument, stage: Stage): Stage | undefined {
  if (stage.parentStage) return stage.parentStage;
  if (!stage.image?.includes('$')) return undefined;
  const lower = resolvedImage(doc, stage)?.toLowerCase();
  return lower === undefined ? undefined : doc.stages.find((s) => s.index < stage.index && s.name === lower);
}

/** Whether a stage builds on an earlier stage (`FROM build`) rather than on an image. */
export function isStageReference(doc: DockerfileDocument, stage: Stage): boolean {
  return parentOf(doc, stage) !== undefined;
}

/** The stage and every earlier stage it builds on, nearest first: what ends up in its image. */
export function stageChain(doc: DockerfileDocument, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  let current: Stage | undefined = stage;
  // Parents always come earlier, so the walk ends; the index check guards it anyway.
  while (current && (chain.length === 0 || current.index < (chain[chain.length - 1] as Stage).index)) {
    chain.push(current);
    current = parentOf(doc, current);
  }
  return chain;
}

/** The external image a stage ultimately runs on, following `FROM <stage>` links; undefined when unresolvable. */
export function baseImage(doc: DockerfileDocument, stage: Stage): { stage: Stage; image: string } | undefined {
  const chain = stageChain(doc, stage);
  const root = chain[chain.length - 1] as Stage;
  const image = resolvedImage(doc, root);
  return image ? { stage: root, image } : undefined;
}

/** The last instruction with this keyword in a stage or, failing that, in the stages it builds on. */
export function lastInChain(doc: DockerfileDocument, stage: Stage, keyword: string): Instruction | undefined {
  for (const s of stageChain(doc, stage)) {
    const found = doc.instructions(keyword, s);
    const last = found[found.length - 1];
    if (last) return last;
  }
  return undefined;
}

/** An instruction on one line with blanks and line continuations collapsed, cut to `max` characters: for evidence notes. */
export function instructionSummary(doc: DockerfileDocument, instruction: Instruction, max = 100): string {
  const span = doc.span(instruction.getRange());
  const text = doc.source.text
    .slice(span.start, span.end)
    .replace(new RegExp(`\\${doc.ast.getEscapeCharacter()}\\r?\\n`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
