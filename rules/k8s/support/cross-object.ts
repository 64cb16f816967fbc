import { isMap, isScalar, isSeq, parseAllDocuments, type Pair, type YAMLMap } from 'yaml';
import * as path from 'node:path';
import type { ProjectView } from '../../../server/src/engine/project';
import type { SourceText, Span } from '../../../server/src/engine/source';
import type { WorkspaceView } from '../../../server/src/engine/types';
import { maskTemplate, type TemplateAction } from '../../../server/src/targets/helm/template';
import type { K8sDocument, Resolved } from '../../../server/src/targets/k8s/document';
import { evaluateGuard, valuesNode, valuesPathOf } from '../../../server/src/targets/helm/values';
import { containersOf, type K8sObject } from '../../../server/src/targets/k8s/objects';
import { k8sTarget } from '../../../server/src/targets/k8s/target';
import { asMap, entries, get, items, keyString, pairOf, spanOf, str } from '../../../server/src/targets/yaml/nodes';
import { parseYamlFile } from '../../../server/src/targets/yaml/yaml-file';

/**
 * What the cross-object Kubernetes rules share: the objects of the whole workspace
 * (this file's first, as the editor holds it), values read through Helm values where
 * a template takes them from there, label selectors evaluated with a third answer
 * ("maybe") for what cannot be read without rendering, and what Kustomize patches and
 * overlays change. Rules report a gap only on a definite "no".
 */

/** An object of the workspace with the file it is in. */
export interface Placed {
  file: string;
  source: SourceText;
  object: K8sObject;
  doc: K8sDocument;
  /** In the linted file. */
  own: boolean;
  /** The `define`s of the chart's helper files, to read the labels an `include` adds. */
  helpers?: HelperIndex;
}

export type Match = 'yes' | 'no' | 'maybe';

export interface CrossObjectContext {
  source: SourceText;
  doc: K8sDocument;
  project: ProjectView;
  workspace: WorkspaceView;
}

export interface Workspace {
  /** Every object that renders with the default values, Kustomize patches left out. */
  objects: Placed[];
  /** Whether objects of a kind may exist that cannot be read statically (undecidable Helm guards, remote Kustomize bases). */
  mayHaveUnread(kind: string): boolean;
  /** What Kustomize patches set on an object: the nodes at `fieldPath`, or `true` when a patch changes something below it. */
  patched(kind: string, name: string | undefined, fieldPath: readonly string[]): Array<unknown | true>;
}

interface ProjectFacts {
  others: Placed[];
  helpers: HelperIndex;
  unread: Set<string>;
  /** A remote or missing Kustomize base: any kind may be unread. */
  opaque: boolean;
  patches: KustomizePatch[];
  patchFiles: Set<string>;
}

const FACTS = new WeakMap<ProjectView, ProjectFacts>();

/** The workspace as a cross-object rule on one file sees it. */
export function workspaceOf(ctx: CrossObjectContext): Workspace {
  let facts = FACTS.get(ctx.project);
  if (!facts) {
    facts = projectFacts(ctx.project, ctx.workspace);
    FACTS.set(ctx.project, facts);
  }
  const { patchFiles, patches } = facts;
  const helpers = facts.helpers;
  const own: Placed[] = patchFiles.has(ctx.source.path)
    ? []
    : ctx.doc.renderedObjects().map((object) => ({ file: ctx.source.path, source: ctx.source, object, doc: ctx.doc, own: true, helpers }));
  const objects = own.concat(facts.others.filter((p) => p.file !== ctx.source.path));
  const unread = new Set(facts.unread);
  for (const object of ctx.doc.objects) if (ctx.doc.renderState(object).state === 'unknown') unread.add(object.kind);
  const opaque = facts.opaque;
  return {
    objects,
    mayHaveUnread: (kind) => opaque || unread.has(kind),
    patched: (kind, name, fieldPath) => patchedValues(patches, kind, name, fieldPath),
  };
}

function projectFacts(project: ProjectView, workspace: WorkspaceView): ProjectFacts {
  const { patches, patchFiles, opaque } = kustomizeFacts(project);
  const helpers = new HelperIndex(project);
  const others: Placed[] = [];
  const unread = new Set<string>();
  const seenDocs = new Set<K8sDocument>();
  const listed = new Set<string>();
  for (const entry of project.k8sObjects()) {
    listed.add(entry.file);
    if (patchFiles.has(entry.file)) continue;
    others.push({ file: entry.file, source: entry.doc.source, object: entry.object, doc: entry.doc, own: false, helpers });
    if (!seenDocs.has(entry.doc)) {
      seenDocs.add(entry.doc);
      for (const object of entry.doc.objects) if (entry.doc.renderState(object).state === 'unknown') unread.add(object.kind);
    }
  }
  // Templates none of whose objects render for sure are not in the project's list: read their kinds.
  for (const file of project.files(['helm-template'])) {
    if (!file.production || listed.has(file.path)) continue;
    const source = project.source(file.path);
    if (!source || !/^\s*kind:/m.test(source.text)) continue;
    const parsed = k8sTarget.parse(source, 'helm-template').doc;
    if (!parsed || !k8sTarget.prepare) continue;
    const doc = k8sTarget.prepare(parsed, source, { workspace, parseYaml: (s) => parseYamlFile(s).doc });
    for (const object of doc.objects) if (doc.renderState(object).state === 'unknown') unread.add(object.kind);
  }
  return { others, helpers, unread, opaque, patches, patchFiles };
}

// ---------------------------------------------------------------------------
// Values as they render

/**
 * `doc.field`, also honouring a guard that opens right before the first key of a map
 * (`spec:` / `{{- if .Values.ingress.tls }}` / `tls:`): the map then starts inside the
 * guard, which `field` takes for a guard around the whole map and ignores.
 */
export function fieldAsRendered(doc: K8sDocument, map: unknown, key: string): Resolved {
  const resolved = doc.field(map, key);
  const template = doc.parsed.template;
  const keyStart = spanOf(pairOf(map, key)?.key)?.start;
  const mapStart = spanOf(map)?.start;
  if (!template || resolved.kind === 'unknown' || keyStart === undefined || mapStart === undefined) return resolved;
  for (const region of template.regions) {
    const around = (offset: number): boolean => region.span.start <= offset && offset < region.span.end;
    if (!around(keyStart) || !around(mapStart) || template.text.slice(region.span.start, mapStart).trim() !== '') continue;
    if (region.keyword === 'range') return { kind: 'unknown', reason: `it is inside {{ range ${region.condition} }}` };
    if (region.keyword !== 'if' && region.keyword !== 'with') continue;
    const truth = evaluateGuard(region.condition, doc.values, undefined);
    if (truth === undefined) return { kind: 'unknown', reason: `it depends on {{ ${region.keyword} ${region.condition} }}` };
    if (truth === region.negated) return { kind: 'literal', node: undefined };
  }
  return resolved;
}

/** A scalar's text once rendered: literal, from the chart's values, or undefined when it cannot be known. */
export function renderedString(doc: K8sDocument, node: unknown): string | undefined {
  const resolved = doc.resolve(node);
  if (resolved.kind === 'unknown') return undefined;
  return str(resolved.node);
}

export function nameOf(placed: Placed): string | undefined {
  return renderedString(placed.doc, get(placed.object.node, 'metadata', 'name'));
}

export function namespaceOf(placed: Placed): string | undefined {
  return renderedString(placed.doc, get(placed.object.node, 'metadata', 'namespace'));
}

/** The object's name for messages: `"orders-api"`, or in a chart the expression as written, in backticks. */
export function displayName(placed: Placed): string {
  const known = nameOf(placed);
  if (known !== undefined) return `"${known}"`;
  const span = spanOf(get(placed.object.node, 'metadata', 'name'));
  const written = span ? placed.source.text.slice(span.start, span.end).trim().replace(/^["']|["']$/g, '') : '';
  return written ? `\`${written}\`` : '(unnamed)';
}

/** Objects in the same namespace when both name one; a manifest without a namespace is applied to whichever. */
export function sameNamespace(a: Placed, b: Placed): boolean {
  const na = namespaceOf(a);
  const nb = namespaceOf(b);
  return na === undefined || nb === undefined || na === nb;
}

// ---------------------------------------------------------------------------
// Pods and label selectors

const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Rollout: ['spec', 'template'],
};

/** A workload that is a whole object, not a fragment (a patch, a partial example): it has containers. */
export function isRunnableWorkload(placed: Placed): boolean {
  return TEMPLATE_PATHS[placed.object.kind] !== undefined && containersOf(placed.object).some((c) => !c.init);
}

/**
 * Whether a workload may receive traffic: one of its containers declares a port, or a
 * Service of its namespace may select its pods. A workload that does neither (a load
 * generator, a batch-style poller) serves nothing: a readiness probe gates no traffic
 * for it and a second replica adds load, not availability.
 */
export function mayServeTraffic(workload: Placed, ws: Workspace): boolean {
  for (const container of containersOf(workload.object)) {
    if (container.init) continue;
    const ports = get(container.node, 'ports');
    if (ports !== undefined && ports !== null && !(isSeq(ports) && ports.items.length === 0)) return true;
  }
  if (ws.mayHaveUnread('Service')) return true;
  // A pod on the host network serves on host ports it need not declare.
  if (pairOf(get(workload.object.node, ...(TEMPLATE_PATHS[workload.object.kind] ?? []), 'spec'), 'hostNetwork')) return true;
  for (const service of ws.objects) {
    if (service.object.kind !== 'Service' || !sameNamespace(service, workload)) continue;
    const selector = selectorAt(service, get(service.object.node, 'spec'), 'selector', true);
    if (!selector) continue;
    if (selectsWorkload(selector, workload) !== 'no') return true;
  }
  return false;
}

export interface Labels {
  /** Labels whose values are known. */
  labels: Record<string, string>;
  /** False when template actions add labels that cannot be read without rendering. */
  exact: boolean;
  /**
   * When not exact: every key the pods can carry, when the chart's helpers tell (an
   * `include` of a define that writes `app.kubernetes.io/name: {{ … }}`); undefined
   * when any key is possible.
   */
  possibleKeys?: ReadonlySet<string>;
}

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface Selector {
  requirements: Requirement[];
  /** False when part of the selector comes from template actions that cannot be read statically. */
  exact: boolean;
  /** The unreadable template actions, normalised, to recognise the same include in two objects of a chart. */
  signature: string;
  /** The chart the object is in (its values file), for comparing signatures. */
  chart: string | undefined;
}

/** The labels of the pods a workload runs. */
export function podLabelsOf(placed: Placed): Labels {
  const templatePath = TEMPLATE_PATHS[placed.object.kind];
  if (!templatePath) return { labels: {}, exact: true };
  const template = templatePath.length === 0 ? placed.object.node : get(placed.object.node, ...templatePath);
  const metadata = pairOf(template, 'metadata');
  if (!metadata) return { labels: {}, exact: true };
  const labelsPair = pairOf(metadata.value, 'labels');
  const consumed = new Set<TemplateAction>();
  const known: Record<string, string | undefined> = {};
  // A labels map, a placeholder where an include stands (`labels:` then `{{ include … }}`), or nothing.
  let closed = labelsPair === undefined || isMap(labelsPair.value) || isScalar(labelsPair.value) || labelsPair.value === null;
  for (const e of entries(labelsPair?.value)) known[e.key] = renderedScalar(placed, e.value, consumed);
  for (const action of opaqueActions(placed, labelsPair ?? metadata, consumed)) {
    if (guardedOut(placed.doc, action)) continue;
    const added = actionLabels(placed, action);
    if (!added) {
      closed = false;
      continue;
    }
    for (const [key, value] of Object.entries(added)) if (known[key] === undefined) known[key] = value;
  }
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(known)) if (value !== undefined) labels[key] = value;
  const exact = closed && Object.values(known).every((v) => v !== undefined);
  return exact ? { labels, exact } : { labels, exact, possibleKeys: closed ? new Set(Object.keys(known)) : undefined };
}

/** Labels an output action adds: a helper's define (keys, and values where literal) or a values map. */
function actionLabels(placed: Placed, action: TemplateAction): Record<string, string | undefined> | undefined {
  const include = /^include\s+"([^"]+)"\s+(\.|\$)(\s|\||$)/.exec(action.body);
  if (include?.[1]) return placed.helpers?.labelsOf(placed.doc, include[1]);
  const valuesPath = valuesPathOf(action.body, dotAt(placed.doc, action.span.start));
  if (!valuesPath || !placed.doc.values) return undefined;
  const node = valuesNode(placed.doc.values, valuesPath);
  if (node === undefined || node === null) return {};
  if (!isMap(node)) return undefined;
  const out: Record<string, string | undefined> = {};
  for (const e of entries(node)) out[e.key] = str(e.value);
  return out;
}

/** Whether a guard around an action is false with the chart's default values. */
function guardedOut(doc: K8sDocument, action: TemplateAction): boolean {
  const template = doc.parsed.template;
  if (!template) return false;
  return template.regions.some(
    (r) => (r.keyword === 'if' || r.keyword === 'with') && r.span.start <= action.span.start && action.span.start < r.span.end && evaluateGuard(r.condition, doc.values, undefined) === r.negated,
  );
}

/** The values path `.` stands for at an offset, inside `{{ with .Values.x }}`. */
function dotAt(doc: K8sDocument, offset: number): readonly string[] | undefined {
  const template = doc.parsed.template;
  if (!template) return undefined;
  const withs = template.regions
    .filter((r) => r.keyword === 'with' && !r.negated && r.dot !== undefined && r.span.start <= offset && offset < r.span.end)
    .sort((a, b) => b.span.start - a.span.start);
  const inner = withs[0];
  return inner?.dot ? valuesPathOf(inner.dot, undefined) : undefined;
}

/**
 * A label selector under `key` of a map: `matchLabels`/`matchExpressions`, or the plain
 * map of a Service (`plain`). Undefined when the key is absent.
 */
export function selectorAt(placed: Placed, map: unknown, key: string, plain = false): Selector | undefined {
  const pair = pairOf(map, key);
  if (!pair) return undefined;
  const consumed = new Set<TemplateAction>();
  const requirements: Requirement[] = [];
  let exact = true;
  const value = pair.value;
  if (value !== null && value !== undefined && !isMap(value)) exact = false;
  const matchLabels = plain ? value : get(value, 'matchLabels');
  if (matchLabels !== undefined && matchLabels !== null) {
    const record = readStringMap(placed, matchLabels, consumed);
    if (record === undefined) exact = false;
    for (const [k, v] of Object.entries(record ?? {})) requirements.push({ key: k, operator: 'In', values: [v] });
  }
  if (!plain) {
    for (const expression of items(get(value, 'matchExpressions'))) {
      const key = renderedScalar(placed, get(expression, 'key'), consumed);
      const operator = renderedScalar(placed, get(expression, 'operator'), consumed);
      const values = items(get(expression, 'values')).map((v) => renderedScalar(placed, v, consumed));
      if (!key || !operator || !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator) || values.some((v) => v === undefined)) {
        exact = false;
        continue;
      }
      requirements.push({ key, operator: operator as Requirement['operator'], values: values as string[] });
    }
  }
  const opaque = opaqueActions(placed, pair, consumed);
  if (opaque.length > 0) exact = false;
  return { requirements, exact, signature: opaque.map((a) => normaliseAction(a.body)).join('|'), chart: placed.doc.values?.source.path };
}

/** Whether a selector selects a set of pod labels; "maybe" when either side cannot be read. */
export function selects(selector: Selector, pods: Labels): Match {
  if (!selector.exact) return 'maybe';
  let unsure = false;
  for (const r of selector.requirements) {
    const has = Object.prototype.hasOwnProperty.call(pods.labels, r.key);
    const value = pods.labels[r.key];
    let ok: boolean;
    if (r.operator === 'In') ok = has && r.values.includes(value as string);
    else if (r.operator === 'NotIn') ok = !has || !r.values.includes(value as string);
    else if (r.operator === 'Exists') ok = has;
    else ok = !has;
    if (pods.exact) {
      if (!ok) return 'no';
      continue;
    }
    // Labels the template adds unseen can satisfy a requirement, and can break a negative one.
    const possible = pods.possibleKeys === undefined || pods.possibleKeys.has(r.key);
    if (r.operator === 'In' || r.operator === 'Exists') {
      if (ok) continue;
      if (!possible || has) return 'no';
      unsure = true;
    } else if (!ok) return 'no';
    else if (possible && !has) unsure = true;
  }
  return unsure ? 'maybe' : 'yes';
}

/**
 * Whether a selector selects the pods of a workload: by their labels, or because it
 * asks no more than the workload's own selector (which every pod of it satisfies),
 * or, in a chart, because it is written with the same include as that selector.
 */
export function selectsWorkload(selector: Selector, workload: Placed): Match {
  const byLabels = selects(selector, podLabelsOf(workload));
  if (byLabels !== 'maybe') return byLabels;
  const own = selectorAt(workload, get(workload.object.node, 'spec'), 'selector');
  if (!own) return 'maybe';
  if (selector.exact && own.exact && own.requirements.every((r) => r.operator === 'In' && r.values.length === 1)) {
    const asLabels = Object.fromEntries(own.requirements.map((r) => [r.key, r.values[0] as string]));
    if (selects(selector, { labels: asLabels, exact: false }) === 'yes') return 'yes';
  }
  if (!selector.exact && !own.exact && selector.chart !== undefined && selector.chart === own.chart && selector.signature === own.signature) {
    const known = selector.requirements.every((r) => own.requirements.some((o) => o.key === r.key && o.operator === r.operator && o.values.join() === r.values.join()));
    if (known) return 'yes';
  }
  return 'maybe';
}

function readStringMap(placed: Placed, node: unknown, consumed: Set<TemplateAction>): Record<string, string> | undefined {
  if (node === null || node === undefined) return {};
  if (!isMap(node)) return undefined;
  const record: Record<string, string> = {};
  for (const { key, value } of entries(node)) {
    const text = renderedScalar(placed, value, consumed);
    if (text === undefined) return undefined;
    record[key] = text;
  }
  return record;
}

function renderedScalar(placed: Placed, node: unknown, consumed: Set<TemplateAction>): string | undefined {
  if (!isScalar(node)) return undefined;
  const template = placed.doc.parsed.template;
  const span = spanOf(node);
  if (template && span) {
    for (const action of template.placeholders) if (action.span.start < span.end && action.span.end > span.start) consumed.add(action);
  }
  return renderedString(placed.doc, node);
}

/**
 * Template output actions in the block of a key (the rest of its line and the lines
 * indented deeper below it) that no resolved value accounts for: labels added by
 * `include`/`toYaml` that only rendering reveals.
 */
function opaqueActions(placed: Placed, pair: Pair, consumed: ReadonlySet<TemplateAction>): TemplateAction[] {
  const template = placed.doc.parsed.template;
  const keySpan = spanOf(pair.key);
  if (!template || !keySpan) return [];
  const end = blockEnd(placed.source, keySpan.start);
  return template.actions.filter(
    (a) => (a.keyword === 'output' || a.keyword === 'template') && a.span.start >= keySpan.start && a.span.start < end && !consumed.has(a),
  );
}

function blockEnd(source: SourceText, keyStart: number): number {
  const start = source.positionAt(keyStart);
  for (let line = start.line + 1; line < source.lineCount; line++) {
    const text = source.lineText(line);
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const indent = text.length - text.trimStart().length;
    if (indent <= start.character) return source.lineStart(line);
  }
  return source.text.length;
}

function normaliseAction(body: string): string {
  return body.replace(/\|\s*n?indent\s+\d+/g, '').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Replicas

export interface Replicas {
  /** The replica count as rendered and patched; undefined when it cannot be read. */
  count: number | undefined;
  /** Where the count is set, for findings about it. */
  anchor: { span: Span; source: SourceText } | undefined;
  /** A HorizontalPodAutoscaler that scales the workload, if one does for sure. */
  autoscaler: Placed | undefined;
  /** Whether an autoscaler of unreadable target might scale it. */
  maybeAutoscaled: boolean;
  /**
   * The autoscaler's `minReplicas` (1 when unset, as Kubernetes defaults it), where it
   * is written (the autoscaler itself when unset); count undefined when it cannot be read.
   */
  autoscalerMin: { count: number | undefined; where: { span: Span; source: SourceText } } | undefined;
}

/** How many pods a Deployment/StatefulSet runs, and what scales it. */
export function replicasOf(workload: Placed, ws: Workspace): Replicas {
  const spec = get(workload.object.node, 'spec');
  const resolved = fieldAsRendered(workload.doc, spec, 'replicas');
  let count: number | undefined;
  let anchor: Replicas['anchor'];
  if (resolved.kind === 'unknown') count = undefined;
  else if (resolved.node === undefined || resolved.node === null) count = 1;
  else count = numberOf(resolved.node);
  if (resolved.kind === 'values') anchor = { span: resolved.anchor, source: resolved.source };
  else {
    const span = spanOf(get(spec, 'replicas'));
    if (span && resolved.kind === 'literal') anchor = { span, source: workload.source };
  }
  const name = nameOf(workload);
  for (const value of ws.patched(workload.object.kind, name, ['spec', 'replicas'])) {
    const patched = value === true ? undefined : numberOf(value);
    if (patched === undefined) count = undefined;
    else if (count !== undefined) count = Math.max(count, patched);
  }

  let autoscaler: Placed | undefined;
  let maybeAutoscaled = false;
  for (const hpa of ws.objects) {
    if (hpa.object.kind !== 'HorizontalPodAutoscaler' || !sameNamespace(hpa, workload)) continue;
    const ref = get(hpa.object.node, 'spec', 'scaleTargetRef');
    const kind = renderedString(hpa.doc, get(ref, 'kind'));
    const target = renderedString(hpa.doc, get(ref, 'name'));
    if (kind !== undefined && kind !== workload.object.kind) continue;
    if (target !== undefined && name !== undefined) {
      if (target === name && kind !== undefined) autoscaler ??= hpa;
      continue;
    }
    const chart = hpa.doc.values?.source.path;
    // A plain manifest's autoscaler names its target literally: it does not scale a chart's
    // workload whose name only the release decides.
    if (target !== undefined && chart === undefined && workload.doc.values !== undefined) continue;
    // In a chart, an autoscaler of the one workload of its kind the chart renders targets it.
    const siblings = ws.objects.filter((o) => o.object.kind === workload.object.kind && o.doc.values?.source.path === chart && isRunnableWorkload(o));
    if (kind !== undefined && chart !== undefined && chart === workload.doc.values?.source.path && siblings.length === 1) autoscaler ??= hpa;
    else maybeAutoscaled = true;
  }
  if (ws.mayHaveUnread('HorizontalPodAutoscaler')) maybeAutoscaled = true;
  return { count, anchor, autoscaler, maybeAutoscaled, autoscalerMin: autoscaler ? minReplicasOf(autoscaler) : undefined };
}

function minReplicasOf(hpa: Placed): Replicas['autoscalerMin'] {
  const spec = get(hpa.object.node, 'spec');
  const resolved = fieldAsRendered(hpa.doc, spec, 'minReplicas');
  if (resolved.kind === 'unknown') return { count: undefined, where: { span: hpa.object.anchor, source: hpa.source } };
  if (resolved.kind === 'values') return { count: resolved.node === undefined || resolved.node === null ? 1 : numberOf(resolved.node), where: { span: resolved.anchor, source: resolved.source } };
  const span = keySpanOf(spec, 'minReplicas');
  return { count: resolved.node === undefined || resolved.node === null ? 1 : numberOf(resolved.node), where: { span: span ?? hpa.object.anchor, source: hpa.source } };
}

function keySpanOf(map: unknown, key: string): Span | undefined {
  const pair = pairOf(map, key);
  const start = spanOf(pair?.key)?.start;
  const end = spanOf(pair?.value)?.end;
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}

function numberOf(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

// ---------------------------------------------------------------------------
// Helm: the values key a guard reads

/**
 * For a key a Helm guard leaves out with the default values
 * (`{{- with .Values.affinity }}affinity: …{{- end }}`), where that value is set in the
 * chart's values.yaml, so a finding can point there.
 */
export function guardingValuesKey(doc: K8sDocument, map: unknown, key: string): { span: Span; source: SourceText; path: string } | undefined {
  const template = doc.parsed.template;
  const values = doc.values;
  const keyStart = spanOf(pairOf(map, key)?.key)?.start;
  if (!template || !values?.document || keyStart === undefined) return undefined;
  const regions = template.regions
    .filter((r) => (r.keyword === 'if' || r.keyword === 'with') && r.span.start <= keyStart && keyStart < r.span.end)
    .sort((a, b) => b.span.start - a.span.start);
  for (const region of regions) {
    const match = /^\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)$/.exec(region.condition.trim());
    if (!match?.[1]) continue;
    const valuesPath = match[1].split('.').filter(Boolean);
    const parent = valuesPath.length === 1 ? values.document.contents : get(values.document.contents, ...valuesPath.slice(0, -1));
    const span = spanOf(pairOf(parent, valuesPath[valuesPath.length - 1] as string)?.key);
    if (span) return { span, source: values.source, path: valuesPath.join('.') };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Kustomize

interface KustomizePatch {
  kind: string | undefined;
  name: string | undefined;
  /** A strategic-merge patch object. */
  object?: YAMLMap;
  /** JSON 6902 operations. */
  ops?: Array<{ op: string; path: string; value: unknown }>;
}

function kustomizeFacts(project: ProjectView): { patches: KustomizePatch[]; patchFiles: Set<string>; opaque: boolean } {
  const patches: KustomizePatch[] = [];
  const patchFiles = new Set<string>();
  let opaque = false;
  const files = project.files();
  const exists = (p: string): boolean => files.some((f) => f.path === p || f.path.startsWith(`${p}/`));
  for (const file of project.files(['kustomization'])) {
    if (!file.production) continue;
    const source = project.source(file.path);
    const root = source ? parseYamlFile(source).doc?.documents[0]?.contents : undefined;
    if (!isMap(root)) continue;
    const dir = path.posix.dirname(file.path);
    const local = (ref: string): string => path.posix.normalize(dir === '.' ? ref : `${dir}/${ref}`);
    for (const field of ['resources', 'bases', 'components']) {
      for (const item of items(get(root, field))) {
        const ref = str(item);
        if (ref === undefined) continue;
        if (/^(https?:|git@|ssh:|git::)|^(github|gitlab)\.com\/|\?ref=|^oci:/.test(ref) || !exists(local(ref))) opaque = true;
      }
    }
    if (items(get(root, 'helmCharts')).length > 0) opaque = true;
    const addFromFile = (ref: string, kind?: string, name?: string, json = false): void => {
      const target = local(ref);
      patchFiles.add(target);
      const text = project.source(target)?.text;
      if (text !== undefined) patches.push(...parsePatchText(text, kind, name, json));
    };
    for (const item of items(get(root, 'patchesStrategicMerge'))) {
      const text = str(item);
      if (text === undefined) continue;
      if (/\n/.test(text) || /^\s*apiVersion:/.test(text)) patches.push(...parsePatchText(text));
      else addFromFile(text);
    }
    for (const field of ['patches', 'patchesJson6902']) {
      for (const item of items(get(root, field))) {
        const kind = str(get(item, 'target', 'kind'));
        const name = str(get(item, 'target', 'name'));
        const file = str(get(item, 'path'));
        const inline = str(get(item, 'patch'));
        const json = field === 'patchesJson6902';
        if (file !== undefined) addFromFile(file, kind, name, json || /\.json$/.test(file));
        if (inline !== undefined) patches.push(...parsePatchText(inline, kind, name, json));
      }
    }
    for (const item of items(get(root, 'replicas'))) {
      const name = str(get(item, 'name'));
      const count = get(item, 'count');
      if (name !== undefined && count !== undefined) patches.push({ kind: undefined, name, ops: [{ op: 'replace', path: '/spec/replicas', value: count }] });
    }
  }
  return { patches, patchFiles, opaque };
}

function parsePatchText(text: string, kind?: string, name?: string, json = false): KustomizePatch[] {
  let documents;
  try {
    documents = parseAllDocuments(text);
  } catch {
    return [];
  }
  if (!Array.isArray(documents)) return [];
  const out: KustomizePatch[] = [];
  for (const document of documents) {
    const contents = document.contents;
    if (json || isSeq(contents)) {
      const ops = items(contents)
        .map((op) => ({ op: str(get(op, 'op')) ?? '', path: str(get(op, 'path')) ?? '', value: get(op, 'value') }))
        .filter((op) => op.op !== '' && op.path !== '');
      if (ops.length > 0) out.push({ kind, name, ops });
      continue;
    }
    const map = asMap(contents);
    if (!map) continue;
    out.push({ kind: str(get(map, 'kind')) ?? kind, name: str(get(map, 'metadata', 'name')) ?? name, object: map });
  }
  return out;
}

function patchedValues(patches: readonly KustomizePatch[], kind: string, name: string | undefined, fieldPath: readonly string[]): Array<unknown | true> {
  const out: Array<unknown | true> = [];
  const pointer = `/${fieldPath.join('/')}`;
  for (const patch of patches) {
    if (patch.kind !== undefined && patch.kind !== kind) continue;
    if (patch.name !== undefined && name !== undefined && patch.name !== name) continue;
    if (patch.name !== undefined && name === undefined) continue;
    if (patch.object) {
      const pair = fieldPath.length === 1 ? pairOf(patch.object, fieldPath[0] as string) : pairOf(get(patch.object, ...fieldPath.slice(0, -1)), fieldPath[fieldPath.length - 1] as string);
      if (pair && keyString(pair.key) !== undefined) out.push(pair.value);
    }
    for (const op of patch.ops ?? []) {
      if (op.op !== 'add' && op.op !== 'replace') continue;
      if (op.path === pointer) out.push(op.value);
      else if (op.path.startsWith(`${pointer}/`)) out.push(true);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Helm helpers

/**
 * The `define`s of each chart's helper files (`templates/_helpers.tpl`), read for the
 * label keys they write: `app.kubernetes.io/name: {{ include "app.name" . }}` gives the
 * key with an unknown value, a nested `include` adds that define's keys, and anything
 * else (`toYaml`, a computed include) makes the set open.
 */
export class HelperIndex {
  private readonly defines = new Map<string, Map<string, string>>();

  constructor(private readonly project: ProjectView) {}

  labelsOf(doc: K8sDocument, name: string, depth = 0): Record<string, string | undefined> | undefined {
    const chart = doc.values?.source.path;
    if (!chart || depth > 4) return undefined;
    const body = this.definesOf(path.posix.dirname(chart)).get(name);
    if (body === undefined) return undefined;
    const out: Record<string, string | undefined> = {};
    for (const rawLine of body.split(/\r?\n/)) {
      const actions = [...rawLine.matchAll(/\{\{-?\s*(.*?)\s*-?\}\}/g)].map((m) => m[1] ?? '');
      const text = rawLine.replace(/\{\{.*?\}\}/g, '').trim();
      const outputs = actions.filter((a) => !/^(if|else|end|with|range|\/\*)\b/.test(a) && !/^(if|else|end|with|range)$/.test(a) && !a.startsWith('/*'));
      if (text === '') {
        for (const output of outputs) {
          const include = /^include\s+"([^"]+)"\s+(\.|\$)(\s|\||$)/.exec(output);
          const nested = include?.[1] ? this.labelsOf(doc, include[1], depth + 1) : undefined;
          if (!nested) return undefined;
          Object.assign(out, nested);
        }
        continue;
      }
      const pair = /^([A-Za-z0-9][A-Za-z0-9._/-]*):(\s+(.*))?$/.exec(text);
      if (!pair?.[1]) return undefined;
      const value = (pair[3] ?? '').replace(/^["']|["']$/g, '');
      out[pair[1]] = outputs.length > 0 || value === '' ? undefined : value;
    }
    return out;
  }

  private definesOf(chartRoot: string): Map<string, string> {
    let found = this.defines.get(chartRoot);
    if (found) return found;
    found = new Map();
    const prefix = chartRoot === '.' || chartRoot === '' ? 'templates/' : `${chartRoot}/templates/`;
    for (const file of this.project.files(['helm-helper'])) {
      if (!file.path.startsWith(prefix)) continue;
      const text = this.project.source(file.path)?.text;
      if (text === undefined) continue;
      const masked = maskTemplate(text);
      for (const region of masked.regions) {
        const name = region.keyword === 'define' ? /^"([^"]+)"$/.exec(region.condition)?.[1] : undefined;
        if (name) found.set(name, text.slice(region.span.start, region.span.end));
      }
    }
    this.defines.set(chartRoot, found);
    return found;
  }
}
