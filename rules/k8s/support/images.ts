/** An image reference split into its parts: `registry:5000/team/api:1.4.2@sha256:…`. */
export interface ImageRef {
  /** Everything before the tag and digest: `registry:5000/team/api`. */
  name: string;
  /** The last path segment of the name, lower-cased: `api`. */
  base: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Parses an image reference; undefined for an empty one. */
export function parseImage(reference: string): ImageRef | undefined {
  const text = reference.trim();
  if (text === '') return undefined;
  const at = text.indexOf('@');
  const withoutDigest = at >= 0 ? text.slice(0, at) : text;
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined;
  const base = (name.slice(name.lastIndexOf('/') + 1) || name).toLowerCase();
  return { name, base, tag, digest: digest === '' ? undefined : digest };
}

/** Whether a reference is pinned: a digest, or a tag other than `latest`. */
export function isPinned(ref: ImageRef): boolean {
  if (ref.digest) return true;
  return ref.tag !== undefined && ref.tag !== '' && ref.tag.toLowerCase() !== 'latest';
}

/** Image strings filled in by tools before deploying (`${IMAGE}`, `$(TAG)`), which a rule cannot judge. */
export function isSubstituted(reference: string): boolean {
  return /\$[({A-Za-z_]|\{\{/.test(reference);
}
