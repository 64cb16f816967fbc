import * as path from 'node:path';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { FileKind } from '../../../server/src/engine/classify';
import type { ProjectK8sObject, ProjectView } from '../../../server/src/engine/project';
import type { SourceText, Span } from '../../../server/src/engine/source';
import { valuesPathOf, valuesNode } from '../../../server/src/targets/helm/values';
import type { K8sDocument } from '../../../server/src/targets/k8s/document';
import { containersOf, podMetadataOf, podSpecOf, WORKLOAD_KINDS } from '../../../server/src/targets/k8s/objects';
import { entries, get, items, spanOf, str } from '../../../server/src/targets/yaml/nodes';
import { ComposeDocument } from '../../../server/src/targets/compose/document';
import { parseYamlFile } from '../../../server/src/targets/yaml/yaml-file';
import { nonProductionReason } from '../../compose/support/services';

/**
 * What the workspace-wide deployment, observability and backup rules read: where a
 * thing is (file, line) and how to name it, found in Kubernetes objects as they
 * render, plain YAML files (Prometheus, Alertmanager), Compose files, Chart.yaml and
 * JSON dashboards. Only production files count.
 */

/** Something found in the workspace, with where it is for evidence and messages. */
export interface Found {
  source: SourceText;
  span?: Span;
  /** How messages and evidence name it: `ServiceMonitor "orders-api"`. */
  label: string;
}

/** `label in path` for messages. */
export function describe(found: Found): string {
  return `${found.label} in ${found.source.path}`;
}

/** Production files of some kinds with their text. */
export function productionSources(project: ProjectView, kinds?: readonly FileKind[]): SourceText[] {
  const out: SourceText[] = [];
  for (const file of project.files(kinds)) {
    if (!file.production) continue;
    const source = project.source(file.path);
    if (source) out.push(source);
  }
  return out;
}

const YAML_CACHE = new WeakMap<SourceText, Document.Parsed[]>();

/** The documents of a YAML file, parsed once per text. */
export function yamlDocuments(source: SourceText): Document.Parsed[] {
  let documents = YAML_CACHE.get(source);
  if (!documents) {
    documents = parseYamlFile(source).doc?.documents ?? [];
    YAML_CACHE.set(source, documents);
  }
  return documents;
}

/** Plain YAML files (not manifests) whose text matches a cheap pre-check, with their first document's root. */
export function yamlFilesMatching(project: ProjectView, pattern: RegExp): Array<{ source: SourceText; root: unknown }> {
  const out: Array<{ source: SourceText; root: unknown }> = [];
  for (const source of productionSources(project, ['yaml', 'helm-values'])) {
    if (!pattern.test(source.text)) continue;
    for (const document of yamlDocuments(source)) {
      const root = document.contents;
      if (!isMap(root) || (get(root, 'apiVersion') !== undefined && get(root, 'kind') !== undefined)) continue;
      out.push({ source, root });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Kubernetes objects

/** An object's name for messages: `"orders-api"`, or in a chart the expression as written, in backticks. */
export function objectName(entry: ProjectK8sObject): string {
  const node = get(entry.object.node, 'metadata', 'name');
  const resolved = entry.doc.resolve(node);
  const known = resolved.kind === 'unknown' ? undefined : str(resolved.node);
  if (known !== undefined) return `"${known}"`;
  const span = spanOf(node);
  const written = span ? entry.doc.source.text.slice(span.start, span.end).trim().replace(/^["']|["']$/g, '') : '';
  return written ? `\`${written}\`` : '(unnamed)';
}

export function foundObject(entry: ProjectK8sObject, span: Span = entry.object.anchor): Found {
  return { source: entry.doc.source, span, label: `${entry.object.kind} ${objectName(entry)}` };
}

/** Objects of the given kinds (and API group, when given) across the workspace. */
export function objectsOf(project: ProjectView, kinds: readonly string[], group?: RegExp): ProjectK8sObject[] {
  return project.k8sObjects().filter((e) => kinds.includes(e.object.kind) && (group === undefined || group.test(e.object.apiVersion)));
}

/** Workloads that run containers (not patches or fragments). */
export function workloads(project: ProjectView): ProjectK8sObject[] {
  return project.k8sObjects().filter((e) => WORKLOAD_KINDS.has(e.object.kind) && containersOf(e.object).some((c) => !c.init));
}

/**
 * A scalar as it renders, including strings assembled from several values
 * (`"{{ .Values.image.repository }}:{{ .Values.image.tag }}"`); undefined when a part
 * cannot be read statically.
 */
export function renderedText(doc: K8sDocument, node: unknown): string | undefined {
  const resolved = doc.resolve(node);
  if (resolved.kind !== 'unknown') return str(resolved.node);
  const template = doc.parsed.template;
  const span = spanOf(node);
  if (!template || !span || !doc.values) return undefined;
  let text = doc.source.text.slice(span.start, span.end);
  const actions = template.actions.filter((a) => a.span.start >= span.start && a.span.end <= span.end).sort((a, b) => b.span.start - a.span.start);
  for (const action of actions) {
    const valuesPath = valuesPathOf(action.body, undefined);
    const value = valuesPath ? str(valuesNode(doc.values, valuesPath)) : undefined;
    if (value === undefined) return undefined;
    text = text.slice(0, action.span.start - span.start) + value + text.slice(action.span.end - span.start);
  }
  return text.replace(/^["']|["']$/g, '').trim();
}

/** The annotations of an object's pod template (or its own), as they render; undefined when unreadable. */
export function annotationsOf(entry: ProjectK8sObject, own = false): Record<string, { value: string; span: Span | undefined; source: SourceText }> | undefined {
  const metadata = own ? get(entry.object.node, 'metadata') : podMetadataOf(entry.object);
  const resolved = entry.doc.field(metadata, 'annotations');
  if (resolved.kind === 'unknown') return undefined;
  const source = resolved.kind === 'values' ? resolved.source : entry.doc.source;
  const out: Record<string, { value: string; span: Span | undefined; source: SourceText }> = {};
  for (const e of entries(resolved.node)) {
    const value = resolved.kind === 'values' ? str(e.value) : renderedText(entry.doc, e.value);
    if (value !== undefined) out[e.key] = { value, span: spanOf(e.pair.key), source };
  }
  return out;
}

/** The text of a container's image, command and args, for recognising what it runs. */
export function containerCommandLines(entry: ProjectK8sObject): Array<{ image: string | undefined; command: string; span: Span | undefined }> {
  return containersOf(entry.object).map((c) => {
    const parts: string[] = [];
    for (const field of ['command', 'args']) {
      const node = get(c.node, field);
      if (isSeq(node)) parts.push(...items(node).map((i) => str(i) ?? ''));
      else if (isScalar(node)) parts.push(str(node) ?? '');
    }
    return { image: renderedText(entry.doc, get(c.node, 'image')), command: parts.join(' '), span: spanOf(get(c.node, 'image')) ?? c.anchor };
  });
}

export function hasPersistentVolume(entry: ProjectK8sObject): boolean {
  if (items(get(entry.object.node, 'spec', 'volumeClaimTemplates')).length > 0) return true;
  return items(get(podSpecOf(entry.object), 'volumes')).some((v) => get(v, 'persistentVolumeClaim') !== undefined);
}

// ---------------------------------------------------------------------------
// Compose

export interface ComposeServiceInfo {
  source: SourceText;
  name: string;
  span: Span | undefined;
  /** The image with `${VAR:-default}` defaults applied; undefined when it cannot be known. */
  image: string | undefined;
  command: string;
  volumes: number;
}

/** Compose files meant for deployment (not `docker-compose.dev.yml`, `compose.test.yaml`). */
/**
 * Compose files that describe what is deployed: not development or test files by name,
 * and not a development environment by content (every service it builds runs the
 * development stage or the working tree mounted over the image).
 */
export function deployedComposeFiles(project: ProjectView): SourceText[] {
  return productionSources(project, ['compose']).filter((s) => {
    if (composePurpose(s.path) !== 'production') return false;
    const parsed = parseYamlFile(s).doc;
    if (!parsed) return true;
    const doc = new ComposeDocument(parsed, s);
    return doc.services.length === 0 || doc.services.some((service) => nonProductionReason(doc, service) === undefined);
  });
}

export function composePurpose(relativePath: string): 'production' | 'development' | 'test' {
  const words = path.posix
    .basename(relativePath.toLowerCase())
    .replace(/\.ya?ml$/, '')
    .split(/[.\-_]+/)
    .filter((w) => w !== 'docker' && w !== 'compose');
  if (words.some((w) => ['test', 'tests', 'testing', 'ci', 'e2e', 'it', 'integration'].includes(w))) return 'test';
  if (words.some((w) => ['dev', 'develop', 'development', 'local', 'debug', 'sandbox'].includes(w))) return 'development';
  return 'production';
}

export function composeServices(source: SourceText): ComposeServiceInfo[] {
  const root = yamlDocuments(source)[0]?.contents;
  const out: ComposeServiceInfo[] = [];
  for (const { key, value, pair } of entries(get(root, 'services'))) {
    const image = str(get(value, 'image'));
    const command = get(value, 'command');
    const entrypoint = get(value, 'entrypoint');
    const words = [entrypoint, command].flatMap((n) => (isSeq(n) ? items(n).map((i) => str(i) ?? '') : [str(n) ?? '']));
    out.push({
      source,
      name: key,
      span: spanOf(pair.key),
      image: image === undefined ? undefined : interpolateDefaults(image),
      command: words.join(' ').trim(),
      volumes: items(get(value, 'volumes')).length,
    });
  }
  return out;
}

/** `${VAR:-default}` → default; undefined when a variable has no default. */
function interpolateDefaults(text: string): string | undefined {
  let unknown = false;
  const out = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_whole, _name: string, fallback: string | undefined) => {
    if (fallback === undefined) unknown = true;
    return fallback ?? '';
  });
  return unknown ? undefined : out;
}

// ---------------------------------------------------------------------------
// Helm charts

export interface ChartInfo {
  source: SourceText;
  root: unknown;
  name: string;
  dir: string;
  library: boolean;
}

export function charts(project: ProjectView): ChartInfo[] {
  return productionSources(project, ['helm-chart']).map((source) => {
    const root = yamlDocuments(source)[0]?.contents;
    const dir = path.posix.dirname(source.path);
    return { source, root, name: str(get(root, 'name')) ?? path.posix.basename(dir), dir: dir === '.' ? '' : dir, library: str(get(root, 'type')) === 'library' };
  });
}

/** The chart's default values (`values.yaml` next to Chart.yaml). */
export function chartValues(project: ProjectView, chart: ChartInfo): { source: SourceText; root: unknown } | undefined {
  const source = project.source(chart.dir ? `${chart.dir}/values.yaml` : 'values.yaml');
  if (!source) return undefined;
  return { source, root: yamlDocuments(source)[0]?.contents };
}

export interface ChartDependency {
  chart: ChartInfo;
  name: string;
  /** The key its values live under in the parent chart: the alias, else the name. */
  key: string;
  span: Span | undefined;
  /** False when the dependency's `condition` is false with the default values. */
  enabled: boolean;
}

export function chartDependencies(project: ProjectView, chart: ChartInfo): ChartDependency[] {
  const values = chartValues(project, chart);
  return items(get(chart.root, 'dependencies')).flatMap((dep) => {
    const name = str(get(dep, 'name'));
    if (!name) return [];
    const key = str(get(dep, 'alias')) ?? name;
    const condition = str(get(dep, 'condition'));
    let enabled = true;
    if (condition && values) {
      // `a.enabled,b.enabled`: the first path that is set decides.
      for (const valuesPath of condition.split(',').map((c) => c.trim().split('.'))) {
        const node = get(values.root, ...valuesPath);
        if (node === undefined) continue;
        enabled = str(node) === 'true';
        break;
      }
    }
    return [{ chart, name, key, span: spanOf(get(dep, 'name')), enabled }];
  });
}

// ---------------------------------------------------------------------------
// Text files

/** The offset of the first line matching a pattern, for evidence that links to that line. */
export function lineSpanOf(text: string, pattern: RegExp): Span | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const start = text.lastIndexOf('\n', match.index) + 1;
  const end = text.indexOf('\n', match.index);
  return { start, end: end < 0 ? text.length : end };
}
