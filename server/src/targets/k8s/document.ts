import { isPair, isScalar, type Pair } from 'yaml';
import type { SourceText, Span } from '../../engine/source';
import type { GuardRegion, MaskedTemplate } from '../helm/template';
import { evaluateGuard, valuesNode, valuesPathOf, type HelmValues, type ValuesPath } from '../helm/values';
import { get, keySpan, pairOf, spanOf } from '../yaml/nodes';
import type { YamlFile } from '../yaml/yaml-file';
import type { K8sObject } from './objects';

/** What a parsed manifest or Helm template holds, independent of any values file. */
export interface K8sParsed {
  yaml: YamlFile;
  objects: K8sObject[];
  /** Present for Helm templates. */
  template: MaskedTemplate | undefined;
}

/**
 * The value a field has once rendered: written in the manifest (`literal`), taken from
 * the chart's values file (`values`, with that file's source so a finding can point
 * at the key there), or not decidable without rendering (`unknown`).
 */
export type Resolved =
  | { kind: 'literal'; node: unknown }
  | { kind: 'values'; node: unknown; path: ValuesPath; source: SourceText; anchor: Span }
  | { kind: 'unknown'; reason: string };

export type RenderState = { state: 'rendered' } | { state: 'not-rendered'; reason: string } | { state: 'unknown'; reason: string };

/**
 * A manifest file as rules read it: its Kubernetes objects and, for a Helm template,
 * how each field resolves against the chart's default values — without running helm.
 */
export class K8sDocument {
  constructor(
    readonly parsed: K8sParsed,
    readonly source: SourceText,
    readonly values: HelmValues | undefined,
  ) {}

  get isHelmTemplate(): boolean {
    return this.parsed.template !== undefined;
  }

  /** Every object of the file, rendered or not; most rules want `renderedObjects()`. */
  get objects(): readonly K8sObject[] {
    return this.parsed.objects;
  }

  /** Objects that exist with the default values; objects behind undecidable guards are left out. */
  renderedObjects(): K8sObject[] {
    return this.parsed.objects.filter((o) => this.renderState(o).state === 'rendered');
  }

  renderState(object: K8sObject): RenderState {
    const template = this.parsed.template;
    if (!template) return { state: 'rendered' };
    if (template.unreadable) return { state: 'unknown', reason: `the template cannot be read statically: ${template.unreadable}` };
    return this.guardState(regionsAround(template.regions, object.anchor.start));
  }

  private guardState(regions: readonly GuardRegion[]): RenderState {
    let unknown: string | undefined;
    for (const region of regions) {
      if (region.keyword === 'range') {
        unknown ??= `it is inside {{ range ${region.condition} }}`;
        continue;
      }
      const truth = evaluateGuard(region.condition, this.values, this.dotAt(region.span.start));
      if (truth === undefined) unknown ??= `it depends on {{ ${region.keyword} ${region.condition} }}`;
      else if (truth === region.negated) {
        return { state: 'not-rendered', reason: `{{ ${region.keyword} ${region.condition} }} is ${region.negated ? 'true' : 'false'} with the default values` };
      }
    }
    return unknown ? { state: 'unknown', reason: unknown } : { state: 'rendered' };
  }

  /** The values path `.` stands for at an offset (inside `{{ with .Values.x }}`). */
  private dotAt(offset: number): ValuesPath | undefined {
    const template = this.parsed.template;
    if (!template) return undefined;
    let dot: ValuesPath | undefined;
    for (const region of regionsAround(template.regions, offset)) {
      if (region.keyword === 'with' && region.dot && !region.negated) {
        const path = valuesPathOf(region.dot, dot);
        dot = path;
      }
    }
    return dot;
  }

  /**
   * A field of a map as it renders: absent when a false guard removes it, the values
   * node when the field is filled by `{{ .Values… }}`/`{{ toYaml .Values… }}`.
   */
  field(map: unknown, key: string): Resolved {
    const pair = pairOf(map, key);
    if (!pair) return { kind: 'literal', node: undefined };
    const template = this.parsed.template;
    if (template) {
      const keyStart = spanOf(pair.key)?.start ?? spanOf(map)?.start ?? 0;
      // Every guard around the key decides whether it renders; the ones around the whole
      // object are already known to hold, since only rendered objects reach rules.
      const state = this.guardState(regionsAround(template.regions, keyStart));
      if (state.state === 'not-rendered') return { kind: 'literal', node: undefined };
      if (state.state === 'unknown') return { kind: 'unknown', reason: state.reason };
    }
    return this.resolve(pair.value);
  }

  /** A node as it renders; see `field`. */
  resolve(node: unknown): Resolved {
    const template = this.parsed.template;
    if (!template || !isScalar(node)) return { kind: 'literal', node };
    const span = spanOf(node);
    if (!span) return { kind: 'literal', node };
    const actions = template.placeholders.filter((a) => a.span.start < span.end && a.span.end > span.start);
    if (actions.length === 0) return { kind: 'literal', node };
    const action = actions[0];
    if (actions.length > 1 || !action || action.span.start > span.start + 1 || action.span.end < span.end - 1) {
      return { kind: 'unknown', reason: 'the value is built from several template expressions' };
    }
    const path = valuesPathOf(action.body, this.dotAt(action.span.start));
    if (!path) return { kind: 'unknown', reason: `{{ ${action.body} }} cannot be resolved without rendering` };
    if (!this.values) return { kind: 'unknown', reason: 'the chart has no values.yaml' };
    return { kind: 'values', node: valuesNode(this.values, path), path, source: this.values.source, anchor: valuesAnchor(this.values, path) };
  }
}

/** Guard regions around an offset, outermost first. */
function regionsAround(regions: readonly GuardRegion[], offset: number): GuardRegion[] {
  return regions.filter((r) => contains(r.span, offset)).sort((a, b) => a.span.start - b.span.start);
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

/** Where to point at a values path: its key, else the deepest key that exists, else the file start. */
export function valuesAnchor(values: HelmValues, path: ValuesPath): Span {
  const root = values.document?.contents;
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? root : get(root, ...path.slice(0, depth - 1));
    const span = keySpan(parent, path[depth - 1] as string);
    if (span) return span;
  }
  return { start: 0, end: 0 };
}

export function isPairNode(node: unknown): node is Pair {
  return isPair(node);
}
