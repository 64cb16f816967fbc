import type { ProjectView } from '../../../server/src/engine/project';
import type { SourceText } from '../../../server/src/engine/source';
import type { WorkspaceView } from '../../../server/src/engine/types';
import type { K8sDocument } from '../../../server/src/targets/k8s/document';
import { containersOf, podSpecOf, WORKLOAD_KINDS, type K8sContainer, type K8sObject } from '../../../server/src/targets/k8s/objects';
import { get, str } from '../../../server/src/targets/yaml/nodes';
import { isKustomizePatch } from './kustomize';
import { Rendered, type Field, type Known } from './rendered';

/** A container of a workload as it renders, with the names messages use. */
export interface RenderedContainer {
  container: K8sContainer;
  field: Known;
  /** `"api"`, or the template expression in backticks when the name is templated. */
  label: string;
  /** The plain name when it is written literally. */
  name: string | undefined;
}

/** A workload object that renders, with its pod spec and containers. */
export interface Workload {
  object: K8sObject;
  kind: string;
  /** `"orders-api"`, or the template expression in backticks. */
  label: string;
  /** The plain name when it is written literally. */
  name: string | undefined;
  pod: Field;
  /** Containers that render, `initContainers` first; those under undecidable guards are left out. */
  containers: RenderedContainer[];
  /** Message data naming the workload: `{{kind}} {{name}}`. */
  data: { kind: string; name: string };
}

/** What `workloads` reads: the rule context of a `k8s` rule. */
export interface WorkloadContext {
  source: SourceText;
  doc: K8sDocument;
  project: ProjectView;
  workspace: WorkspaceView;
}

/**
 * The workload objects of a manifest or Helm template that render with the default
 * values, each with its pod spec and containers read through `Rendered`. A Kustomize
 * patch is a fragment merged into another object, not a workload of its own: it has none.
 */
export function workloads(ctx: WorkloadContext, kinds: ReadonlySet<string> = WORKLOAD_KINDS): { rendered: Rendered; list: Workload[] } {
  const doc = ctx.doc;
  const rendered = new Rendered(doc);
  const list: Workload[] = [];
  if (!doc.isHelmTemplate && isKustomizePatch(ctx.project, ctx.source.path)) return { rendered, list };
  for (const object of doc.renderedObjects()) {
    if (!kinds.has(object.kind)) continue;
    const nameNode = get(object.node, 'metadata', 'name');
    const label = labelOf(rendered, nameNode);
    const spec = podSpecOf(object);
    const pod: Field = spec ? rendered.of(spec) : { state: 'unknown', reason: 'no pod spec' };
    const containers: RenderedContainer[] = [];
    for (const container of containersOf(object)) {
      const state = containerState(rendered, pod, container);
      if (!state) continue;
      const containerName = get(container.node, 'name');
      containers.push({ container, field: state, label: labelOf(rendered, containerName), name: rendered.isTemplated(containerName) ? undefined : str(containerName) });
    }
    list.push({
      object,
      kind: object.kind,
      label,
      name: rendered.isTemplated(nameNode) ? undefined : str(nameNode),
      pod,
      containers,
      data: { kind: object.kind, name: label },
    });
  }
  return { rendered, list };
}

/** The container as a field when it renders with the default values; undefined otherwise. */
function containerState(rendered: Rendered, pod: Field, container: K8sContainer): Known | undefined {
  const list = rendered.field(pod, container.init ? 'initContainers' : 'containers');
  for (const item of rendered.items(list)) {
    if (item.state === 'known' && item.node === container.node) return item;
  }
  return undefined;
}

/**
 * How messages name an object or container: `"api"`; `"adservice"` for a name read from
 * the chart's values (`{{ .Values.adService.name }}`); `` `{{ .Chart.Name }}` `` when the
 * name needs a real render.
 */
export function labelOf(rendered: Rendered, node: unknown): string {
  if (rendered.isTemplated(node)) {
    const unquote = (text: string) => text.trim().replace(/^(["'])(.*)\1$/, '$2');
    const resolved = unquote(rendered.interpolate(node) ?? '');
    if (resolved !== '' && !resolved.includes('{{')) return `"${resolved}"`;
    return `\`${unquote(rendered.written(node) ?? '')}\``;
  }
  const name = str(node);
  return name === undefined ? '(unnamed)' : `"${name}"`;
}

/** Message data for a container of a workload: `Container {{container}} of {{kind}} {{name}}`. */
export function containerData(workload: Workload, container: RenderedContainer): { container: string; kind: string; name: string } {
  return { container: container.label, kind: workload.kind, name: workload.label };
}
