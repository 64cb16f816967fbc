import * as path from 'node:path';
import { Document, parseAllDocuments } from 'yaml';
import type { ProjectView } from '../../../server/src/engine/project';
import { get, items, str } from '../../../server/src/targets/yaml/nodes';

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

/** Image strings filled in by tools before deploying (`${IMAGE}`, `$(TAG)`, ko's `ko://…`), which a rule cannot judge. */
export function isSubstituted(reference: string): boolean {
  return /\$[({A-Za-z_]|\{\{/.test(reference) || /^\s*ko:\/\//.test(reference);
}

const DEV_BUILT = new WeakMap<ProjectView, ReadonlySet<string>>();

/**
 * Image names a build tool of the workspace builds and re-tags at deploy time: Skaffold
 * `build.artifacts[].image` (top level and profiles) and Tilt `docker_build('name', …)`.
 * Such a tool replaces every reference to the name with the tag or digest it built, so
 * an untagged `image: frontend` in the manifests it deploys is a placeholder, not `latest`.
 */
export function toolBuiltImages(project: ProjectView): ReadonlySet<string> {
  let names = DEV_BUILT.get(project);
  if (!names) {
    names = readToolBuiltImages(project);
    DEV_BUILT.set(project, names);
  }
  return names;
}

function readToolBuiltImages(project: ProjectView): Set<string> {
  const names = new Set<string>();
  for (const file of project.files()) {
    const base = path.posix.basename(file.path).toLowerCase();
    const text = /^skaffold(\.[^/]*)?\.ya?ml$/.test(base) || base === 'tiltfile' ? project.source(file.path)?.text : undefined;
    if (text === undefined) continue;
    if (base === 'tiltfile') {
      for (const match of text.matchAll(/^\s*(?:docker_build|custom_build)\(\s*(?:ref\s*=\s*)?['"]([^'"]+)['"]/gm)) if (match[1]) names.add(match[1]);
      continue;
    }
    for (const document of parseAllDocuments(text)) {
      if (!(document instanceof Document)) continue;
      const root = document.contents;
      if (!/^skaffold\//.test(str(get(root, 'apiVersion')) ?? '')) continue;
      const builds = [get(root, 'build'), ...items(get(root, 'profiles')).map((p) => get(p, 'build'))];
      for (const build of builds) {
        for (const artifact of items(get(build, 'artifacts'))) {
          const image = str(get(artifact, 'image'));
          if (image) names.add(image);
        }
      }
    }
  }
  return names;
}
