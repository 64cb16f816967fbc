import { isMap, type Document, type YAMLMap } from 'yaml';
import type { Span } from '../../engine/source';
import { asMap, get, items, spanOf, str, stringRecord } from '../yaml/nodes';

/** One Kubernetes object of a manifest (a document, or an item of a `kind: List`). */
export interface K8sObject {
  document: Document.Parsed;
  node: YAMLMap;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  /** Where to point a finding about the object as a whole: its `kind:` value. */
  anchor: Span;
  /**
   * How to name a scalar of this object in a message: its value, or in a Helm
   * template the expression as written (`{{ include "api.fullname" . }}`) rather
   * than the placeholder the masking left.
   */
  label(node: unknown): string | undefined;
}

export interface K8sContainer {
  node: YAMLMap;
  name: string;
  /** `initContainers` run to completion before the pod starts; probes do not apply to them. */
  init: boolean;
  /** Where to point a finding about the container: its `name:` value, else the item. */
  anchor: Span;
}

/** Kinds that run pods, and where their pod template lives. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
};

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(Object.keys(POD_SPEC_PATHS));

/** Workloads that serve continuously, as opposed to run-to-completion Jobs. */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'Pod']);

/** Where a Helm template's masking replaced expressions, to name things as written. */
export interface TemplateText {
  original: string;
  placeholders: ReadonlyArray<{ span: Span }>;
}

export function k8sObjects(documents: readonly Document.Parsed[], template?: TemplateText): K8sObject[] {
  const objects: K8sObject[] = [];
  const label = (node: unknown): string | undefined => {
    const value = str(node);
    const span = spanOf(node);
    if (!template || value === undefined || !span) return value;
    const templated = template.placeholders.some((p) => p.span.start < span.end && p.span.end > span.start);
    return templated ? template.original.slice(span.start, span.end).replace(/^["']|["']$/g, '') : value;
  };
  for (const document of documents) collect(document, document.contents, objects, 0, label);
  return objects;
}

function collect(document: Document.Parsed, node: unknown, out: K8sObject[], depth: number, label: (node: unknown) => string | undefined): void {
  const map = asMap(node);
  if (!map || depth > 2) return;
  const apiVersion = str(get(map, 'apiVersion'));
  const kind = str(get(map, 'kind'));
  if (!apiVersion || !kind) return;
  if (kind.endsWith('List') && get(map, 'items') !== undefined) {
    for (const item of items(get(map, 'items'))) collect(document, item, out, depth + 1, label);
    return;
  }
  out.push({
    document,
    node: map,
    apiVersion,
    kind,
    name: label(get(map, 'metadata', 'name')),
    namespace: label(get(map, 'metadata', 'namespace')),
    anchor: spanOf(get(map, 'kind')) ?? spanOf(map) ?? { start: 0, end: 0 },
    label,
  });
}

export function podSpecOf(object: K8sObject): YAMLMap | undefined {
  const path = POD_SPEC_PATHS[object.kind];
  return path ? asMap(get(object.node, ...path)) : undefined;
}

/** The pod template's metadata (labels, annotations); the object's own for a bare Pod. */
export function podMetadataOf(object: K8sObject): YAMLMap | undefined {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path) return undefined;
  return asMap(get(object.node, ...path.slice(0, -1), 'metadata'));
}

export function podLabelsOf(object: K8sObject): Record<string, string> {
  return stringRecord(get(podMetadataOf(object), 'labels'));
}

export function containersOf(object: K8sObject): K8sContainer[] {
  const spec = podSpecOf(object);
  if (!spec) return [];
  const out: K8sContainer[] = [];
  for (const [field, init] of [
    ['initContainers', true],
    ['containers', false],
  ] as const) {
    for (const item of items(get(spec, field))) {
      if (!isMap(item)) continue;
      const nameNode = get(item, 'name');
      out.push({ node: item, name: object.label(nameNode) ?? '(unnamed)', init, anchor: spanOf(nameNode) ?? spanOf(item) ?? object.anchor });
    }
  }
  return out;
}

/**
 * Whether a label selector (`matchLabels` / `matchExpressions`, or the plain map a
 * Service uses) selects a set of labels. An empty selector selects everything.
 */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const map = asMap(selector);
  if (!map) return false;
  const matchLabels = get(map, 'matchLabels');
  const matchExpressions = get(map, 'matchExpressions');
  const plain = matchLabels === undefined && matchExpressions === undefined ? stringRecord(map) : stringRecord(matchLabels);
  for (const [key, value] of Object.entries(plain)) if (labels[key] !== value) return false;
  for (const expression of items(matchExpressions)) {
    const key = str(get(expression, 'key'));
    const operator = str(get(expression, 'operator'));
    const values = items(get(expression, 'values')).map(str).filter((v): v is string => v !== undefined);
    if (!key || !operator) return false;
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const value = labels[key];
    if (operator === 'In' && !(has && values.includes(value as string))) return false;
    if (operator === 'NotIn' && has && values.includes(value as string)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
