import type { K8sDocument } from '../targets/k8s/document';
import type { K8sObject } from '../targets/k8s/objects';
import { k8sTarget } from '../targets/k8s/target';
import { parseYamlFile } from '../targets/yaml/yaml-file';
import type { Target } from '../targets/target';
import { TARGETS, targetOfKind, type TargetName, type TargetParsed } from '../targets';
import type { YamlFile } from '../targets/yaml/yaml-file';
import { classify, type FileKind } from './classify';
import { isProductionPath } from './liveness';
import type { ParseCache } from './parse-cache';
import { SourceText } from './source';
import type { WorkspaceView } from './types';

export interface ProjectFile {
  path: string;
  kind: FileKind;
  /** False for test code, examples and fixtures: present, but not what ships. */
  production: boolean;
}

export interface K8sSnapshot {
  objects: readonly ProjectK8sObject[];
  unrendered: ReadonlyArray<{ file: string; reason: string }>;
}

export interface ProjectK8sObject {
  file: string;
  object: K8sObject;
  doc: K8sDocument;
}

/**
 * The whole workspace as cross-file rules see it: which files exist and what kind,
 * and every Kubernetes object that renders (plain manifests and Helm templates), parsed
 * once through the shared cache. Rules stay pure: they read this, never the disk.
 */
export interface ProjectView {
  files(kinds?: readonly FileKind[]): readonly ProjectFile[];
  source(path: string): SourceText | undefined;
  k8sObjects(): readonly ProjectK8sObject[];
  /**
   * Another file's parse, through the shared cache (a Go file's tree, a TS file's
   * ESTree), for workspace rules that look at code across files. Undefined for files
   * with no parser or that do not parse.
   */
  parsed<K extends TargetName>(path: string, target: K): TargetParsed[K] | undefined;
}

const valuesTarget: Target<YamlFile, YamlFile> = { name: 'yaml', parse: (source) => parseYamlFile(source), comments: () => [] };

/** A ProjectView over a list of paths, reading texts through the workspace view. */
export class Project implements ProjectView {
  private readonly all: readonly ProjectFile[];
  private objects: readonly ProjectK8sObject[] | undefined;
  private readonly sources = new Map<string, SourceText | undefined>();

  constructor(
    paths: Iterable<string> | { classified: readonly ProjectFile[] },
    private readonly workspace: WorkspaceView,
    private readonly cache: ParseCache,
    /** The Kubernetes objects of an earlier project over the same, unchanged files. */
    k8s?: K8sSnapshot,
  ) {
    // A classified list is taken as it is: the editor builds a project per lint over the same one.
    this.all = 'classified' in paths ? paths.classified : classifyPaths(paths, workspace);
    if (k8s) {
      // The same arrays, not copies: what is memoised on them stays valid with them.
      this.objects = k8s.objects;
      this.unrendered = k8s.unrendered;
    }
  }

  /** What `k8sObjects` found, for a later project over the same files to start from. */
  k8sSnapshot(): K8sSnapshot {
    return { objects: this.k8sObjects(), unrendered: this.unrenderedTemplates() };
  }

  /** Whether the Kubernetes objects were read, so a snapshot of them costs nothing. */
  get hasK8sObjects(): boolean {
    return this.objects !== undefined;
  }

  files(kinds?: readonly FileKind[]): readonly ProjectFile[] {
    return kinds ? this.all.filter((f) => kinds.includes(f.kind)) : this.all;
  }

  source(path: string): SourceText | undefined {
    if (!this.sources.has(path)) {
      const text = this.workspace.readText?.(path);
      this.sources.set(path, text === undefined ? undefined : new SourceText(path, text));
    }
    return this.sources.get(path);
  }

  parsed<K extends TargetName>(path: string, target: K): TargetParsed[K] | undefined {
    const file = this.all.find((f) => f.path === path);
    if (!file || targetOfKind(file.kind) !== target) return undefined;
    const source = this.source(path);
    if (!source) return undefined;
    return this.cache.get(TARGETS[target] as Target<TargetParsed[K], unknown>, source, file.kind).doc;
  }

  /**
   * Helm templates whose objects none render with the chart's default values, or whose
   * rendering no static reading decides, with why: their objects are not judged and
   * count for nothing, which the report says.
   */
  unrenderedTemplates(): ReadonlyArray<{ file: string; reason: string }> {
    this.k8sObjects();
    return this.unrendered;
  }

  private unrendered: ReadonlyArray<{ file: string; reason: string }> = [];

  k8sObjects(): readonly ProjectK8sObject[] {
    if (!this.objects) {
      const objects: ProjectK8sObject[] = [];
      const unrendered: Array<{ file: string; reason: string }> = [];
      this.unrendered = unrendered;
      for (const file of this.files(['yaml', 'helm-template', 'kustomization'])) {
        if (!file.production) continue;
        const source = this.source(file.path);
        if (!source) continue;
        const parsed = this.cache.get(k8sTarget, source, file.kind).doc;
        if (!parsed || parsed.objects.length === 0) continue;
        const doc = k8sTarget.prepare
          ? k8sTarget.prepare(parsed, source, { workspace: this.workspace, parseYaml: (s) => this.cache.get(valuesTarget, s, 'helm-values').doc })
          : undefined;
        if (!doc) continue;
        const rendered = doc.renderedObjects();
        for (const object of rendered) objects.push({ file: file.path, object, doc });
        const first = doc.objects[0];
        if (rendered.length === 0 && first) {
          const state = doc.renderState(first);
          if (state.state !== 'rendered') {
            unrendered.push({
              file: file.path,
              reason: state.state === 'not-rendered' ? `Helm template that renders nothing: ${state.reason}` : `Helm template not assessed: ${state.reason}`,
            });
          }
        }
      }
      this.objects = objects;
    }
    return this.objects;
  }
}

/** Classifies a workspace's paths once, for projects built again and again over the same files. */
export function classifyPaths(paths: Iterable<string>, workspace: WorkspaceView): ProjectFile[] {
  const list = [...paths].sort();
  const set = new Set(list);
  const context = { hasFile: (p: string) => set.has(p) || workspace.hasFile(p) };
  return list.map((path) => ({ path, kind: classify(path, context), production: isProductionPath(path) }));
}

/** A project with no other files: what single-file tests and lone buffers see. */
export function emptyProject(): ProjectView {
  return { files: () => [], source: () => undefined, k8sObjects: () => [], parsed: () => undefined };
}
