import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type { ProjectView } from '../../../server/src/engine/project';
import { get, items, str } from '../../../server/src/targets/yaml/nodes';

const PATCH_FILES = new WeakMap<ProjectView, ReadonlySet<string>>();

/**
 * Whether a file is a Kustomize patch (`patchesStrategicMerge`, `patches[].path`,
 * `patchesJson6902[].path` of a kustomization in the workspace): a fragment merged into
 * another object, not an object of its own, so per-object rules must not judge it.
 */
export function isKustomizePatch(project: ProjectView, file: string): boolean {
  let files = PATCH_FILES.get(project);
  if (!files) {
    files = patchFiles(project);
    PATCH_FILES.set(project, files);
  }
  return files.has(file);
}

export interface Kustomization {
  /** The folder the kustomization's relative paths start from. */
  dir: string;
  /** Its YAML root node. */
  root: unknown;
}

const KUSTOMIZATIONS = new WeakMap<ProjectView, readonly Kustomization[]>();

/** The workspace's kustomization files, parsed once per project; unreadable ones are left out. */
export function kustomizations(project: ProjectView): readonly Kustomization[] {
  let found = KUSTOMIZATIONS.get(project);
  if (!found) {
    const list: Kustomization[] = [];
    for (const file of project.files(['kustomization'])) {
      const text = project.source(file.path)?.text;
      if (text === undefined) continue;
      try {
        list.push({ dir: path.posix.dirname(file.path), root: parseDocument(text).contents });
      } catch {
        // A kustomization that does not parse says nothing about other files.
      }
    }
    KUSTOMIZATIONS.set(project, (found = list));
  }
  return found;
}

function patchFiles(project: ProjectView): Set<string> {
  const out = new Set<string>();
  for (const { dir, root } of kustomizations(project)) {
    const add = (ref: string | undefined): void => {
      if (ref === undefined || /\n/.test(ref) || /^\s*(apiVersion|kind):/.test(ref)) return;
      out.add(path.posix.normalize(dir === '.' ? ref : `${dir}/${ref}`));
    };
    for (const item of items(get(root, 'patchesStrategicMerge'))) add(str(item));
    for (const field of ['patches', 'patchesJson6902']) {
      for (const item of items(get(root, field))) add(str(get(item, 'path')));
    }
  }
  return out;
}
