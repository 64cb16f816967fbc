import { isMap, isPair, isScalar, isSeq, type Pair } from 'yaml';
import type { SourceText, Span } from '../../../server/src/engine/source';
import { valuesAnchor, type K8sDocument } from '../../../server/src/targets/k8s/document';
import type { GuardRegion } from '../../../server/src/targets/helm/template';
import { evaluateGuard, valuesNode, valuesPathOf, type ValuesPath } from '../../../server/src/targets/helm/values';
import { keyString, spanOf, str } from '../../../server/src/targets/yaml/nodes';

/** A place to point at: a span of the linted file, or of another file (a chart's values.yaml). */
export interface Where {
  span: Span;
  /** Absent for the linted file. */
  source?: SourceText;
}

/** A values key whose default decides whether a part of a template renders (`persistence.enabled`). */
export interface ValuesSwitch {
  /** Dotted values path. */
  path: string;
  /** The key in values.yaml (or the deepest key of the path that exists). */
  at: Where;
  /** The default as written (`false`, `""`), or `unset`. */
  text: string;
}

/** A field, list item or object as it renders with the chart's default values. */
export interface Known {
  readonly state: 'known';
  /** The YAML node it renders to; undefined when the field is absent. */
  readonly node: unknown;
  /** Where its key is written: in the manifest, or the values key it is read from. */
  readonly key: Where | undefined;
  /** Where its value is written. */
  readonly value: Where | undefined;
  /** The dotted values path when the node comes from values.yaml. */
  readonly path: string | undefined;
  /** For an absent field: the values key whose default removed it from the template (`{{- with .Values.livenessProbe }}`). */
  readonly removedBy: ValuesSwitch | undefined;
  /** For a present one: the values key whose default made the template render it (`{{- else }}` of `persistence.enabled`). */
  readonly renderedBy: ValuesSwitch | undefined;
}

/** The values a `{{- range }}` loop over values.yaml runs over. */
export type ValuesRange =
  | {
      kind: 'map';
      /** The values node the loop reads (a map for `$name, $value :=`). */
      node: unknown;
      path: string;
      at: Where;
      /** The loop's variables: `$name`, `$value`. */
      key: string;
      value: string;
    }
  | {
      kind: 'list';
      node: unknown;
      path: string;
      at: Where;
      /** The element variable (`$env` of `range $env := …`), or undefined when `.` is the element. */
      element: string | undefined;
    };

export interface Unknown {
  readonly state: 'unknown';
  readonly reason: string;
}

/** What a rule can say of a field: its rendered node, or that it cannot be read without rendering. */
export type Field = Known | Unknown;

type RenderState = { state: 'rendered'; via: GuardRegion | undefined; dot: ValuesPath | undefined } | { state: 'removed'; by: GuardRegion; dot: ValuesPath | undefined } | { state: 'unknown'; reason: string };

/**
 * Reads manifests and Helm templates field by field as they render with the chart's
 * default values, following `{{ .Values… }}` into values.yaml (so findings can point
 * at the key there), honouring `if`/`with`/`else` guards on map keys and list items,
 * and answering `unknown` for anything that needs a real render. Plain manifests read
 * as themselves.
 */
export class Rendered {
  constructor(readonly doc: K8sDocument) {}

  private get template() {
    return this.doc.parsed.template;
  }

  /** A node written in the linted file (an object, a container map). */
  of(node: unknown): Known {
    const span = spanOf(node);
    return { state: 'known', node, key: undefined, value: span ? { span } : undefined, path: undefined, removedBy: undefined, renderedBy: undefined };
  }

  /** A key of a map as it renders. Duplicate keys under `if`/`else` branches resolve to the branch that renders. */
  field(parent: Field, key: string): Field {
    if (parent.state === 'unknown') return parent;
    if (!isMap(parent.node)) return this.absent(undefined);
    const pairs = parent.node.items.filter((item): item is Pair => isPair(item) && keyString(item.key) === key);
    if (parent.path !== undefined) return this.inValues(parent, key, pairs[0]);
    if (pairs.length === 0) return this.absent(undefined);
    let unknown: Unknown | undefined;
    let removed: ValuesSwitch | undefined;
    for (const pair of pairs) {
      const keySpan = spanOf(pair.key);
      const state = this.stateAt(keySpan?.start ?? spanOf(parent.node)?.start ?? 0);
      if (state.state === 'unknown') {
        unknown ??= { state: 'unknown', reason: state.reason };
        continue;
      }
      if (state.state === 'removed') {
        removed ??= this.switchOf(state.by, state.dot);
        continue;
      }
      return this.value(pair.value, keySpan ? { span: keySpan } : undefined, this.switchOf(this.ownRegion(state, parent), state.dot));
    }
    return unknown ?? this.absent(removed);
  }

  /** Shorthand for a chain of `field` calls. */
  path(parent: Field, ...keys: string[]): Field {
    let current = parent;
    for (const key of keys) current = this.field(current, key);
    return current;
  }

  /** The items of a list that render; items under undecidable guards come back unknown. */
  items(list: Field): Field[] {
    if (list.state === 'unknown' || !isSeq(list.node)) return [];
    const seq = list.node;
    if (list.path !== undefined) {
      return seq.items.map((item, index) => {
        const span = spanOf(item);
        const where = span && list.key?.source ? { span, source: list.key.source } : undefined;
        return { state: 'known', node: item, key: where, value: where, path: `${list.path}[${index}]`, removedBy: undefined, renderedBy: undefined };
      });
    }
    const out: Field[] = [];
    for (const item of seq.items) {
      const span = spanOf(item);
      const state = this.stateAt(span?.start ?? 0);
      if (state.state === 'unknown') out.push({ state: 'unknown', reason: state.reason });
      else if (state.state === 'rendered') {
        const resolved = this.value(item, span ? { span } : undefined, this.switchOf(this.ownRegion(state, list), state.dot));
        out.push(resolved);
      }
    }
    return out;
  }

  /**
   * Whether template output that cannot be read statically lands inside a map or list
   * of the linted template (`{{- toYaml .Values.extraEnv | nindent 12 }}` under the
   * last item): then what the rule does not see may still be there.
   */
  hidesContent(field: Field): boolean {
    const template = this.template;
    if (!template || field.state === 'unknown') return field.state === 'unknown';
    if (field.path !== undefined) return false;
    const span = spanOf(field.node);
    if (!span) return false;
    const masked = template.text;
    let end = span.end;
    while (end < masked.length && /\s/.test(masked[end] as string)) end++;
    const placeholders = new Set(template.placeholders);
    return template.actions.some(
      (action) =>
        (action.keyword === 'output' || action.keyword === 'template') &&
        !placeholders.has(action) &&
        action.span.start >= span.start &&
        action.span.start < end &&
        this.stateAt(action.span.start).state !== 'removed',
    );
  }

  /**
   * For a list item written inside `{{- range $name, $value := .Values.env }}` (or
   * `{{- range .Values.env }}`) that renders when the loop does: the values the loop
   * runs over, and how the item's fields read each one, so a rule can judge every
   * rendered entry and point at its key in values.yaml. Undefined for anything else.
   */
  rangeOf(item: unknown): ValuesRange | undefined {
    const template = this.template;
    const values = this.doc.values;
    const span = spanOf(item);
    if (!template || !values || !span) return undefined;
    const loops = template.regions.filter((r) => r.keyword === 'range' && r.span.start <= span.start && span.start < r.span.end);
    const loop = loops.sort((a, b) => b.span.start - a.span.start)[0];
    if (!loop || loops.length > 1) return undefined;
    const opening = template.actions.find((a) => a.keyword === 'range' && a.span.end === loop.span.start);
    if (!opening || this.stateAt(opening.span.start).state !== 'rendered') return undefined;
    // Guards between the loop and the item.
    const inner = template.regions.filter((r) => r !== loop && r.span.start >= loop.span.start && r.span.start <= span.start && span.start < r.span.end);
    if (inner.length > 0) return undefined;
    const pair = /^(\$\w+)\s*,\s*(\$\w+)\s*:=\s*(\S+)$/.exec(loop.condition);
    const single = /^(?:(\$\w+)\s*:=\s*)?(\S+)$/.exec(loop.condition);
    const source = pair?.[3] ?? single?.[2];
    const path = source ? valuesPathOf(source, undefined) : undefined;
    if (!path) return undefined;
    const node = valuesNode(values, path);
    const where: Where = { span: valuesAnchor(values, path), source: values.source };
    if (pair) return { kind: 'map', node, path: path.join('.'), at: where, key: pair[1] as string, value: pair[2] as string };
    return { kind: 'list', node, path: path.join('.'), at: where, element: single?.[1] };
  }

  /** The single template expression a scalar of the linted file is, without output functions (`$value | quote` → `$value`). */
  expressionOf(node: unknown): string | undefined {
    const template = this.template;
    const span = spanOf(node);
    if (!template || !span) return undefined;
    const actions = template.placeholders.filter((p) => p.span.start < span.end && p.span.end > span.start);
    const action = actions[0];
    if (actions.length !== 1 || !action || action.span.start > span.start + 1 || action.span.end < span.end - 1) return undefined;
    const [first, ...rest] = action.body.split('|').map((c) => c.trim());
    if (!first || rest.some((c) => !/^(quote|squote|toString|trim)$/.test(c))) return undefined;
    return first;
  }

  /** The text a scalar is written as in the linted file, template expressions included. */
  written(node: unknown): string | undefined {
    const span = spanOf(node);
    if (!span) return undefined;
    return this.doc.source.text.slice(span.start, span.end);
  }

  /** Whether a scalar of the linted file is (partly) a template expression. */
  isTemplated(node: unknown): boolean {
    const template = this.template;
    const span = spanOf(node);
    if (!template || !span) return false;
    return template.placeholders.some((p) => p.span.start < span.end && p.span.end > span.start);
  }

  /**
   * A scalar of the linted file with each `{{ .Values… }}` expression replaced by its
   * default (`"{{ .Values.image.repository }}:{{ .Values.image.tag }}"` → `redis:7.2`);
   * undefined when an expression cannot be read.
   */
  interpolate(node: unknown): string | undefined {
    const template = this.template;
    const span = spanOf(node);
    if (!isScalar(node) || !span) return undefined;
    if (!template || !this.isTemplated(node)) return str(node);
    const actions = template.placeholders.filter((p) => p.span.start >= span.start && p.span.end <= span.end).sort((a, b) => a.span.start - b.span.start);
    let text = '';
    let at = span.start;
    for (const action of actions) {
      text += this.doc.source.text.slice(at, action.span.start);
      const path = valuesPathOf(action.body, undefined);
      if (!path || !this.doc.values) return undefined;
      const value = valuesNode(this.doc.values, path);
      const written = value === undefined ? '' : str(value);
      if (written === undefined) return undefined;
      text += written;
      at = action.span.end;
    }
    text += this.doc.source.text.slice(at, span.end);
    return text.trim().replace(/^(["'])(.*)\1$/, '$2');
  }

  private value(node: unknown, key: Where | undefined, via: ValuesSwitch | undefined): Field {
    const resolved = this.doc.resolve(node);
    if (resolved.kind === 'unknown') return { state: 'unknown', reason: resolved.reason };
    if (resolved.kind === 'literal') {
      const span = spanOf(node);
      return { state: 'known', node, key, value: span ? { span } : undefined, path: undefined, removedBy: undefined, renderedBy: via };
    }
    const span = spanOf(resolved.node);
    return {
      state: 'known',
      node: resolved.node,
      key: { span: resolved.anchor, source: resolved.source },
      value: span ? { span, source: resolved.source } : undefined,
      path: resolved.path.join('.'),
      removedBy: undefined,
      renderedBy: via,
    };
  }

  private inValues(parent: Known, key: string, pair: Pair | undefined): Field {
    const source = parent.key?.source ?? parent.value?.source;
    const path = `${parent.path}.${key}`.replace(/^\./, '');
    if (!pair) return { state: 'known', node: undefined, key: undefined, value: undefined, path, removedBy: undefined, renderedBy: undefined };
    const keySpan = spanOf(pair.key);
    const valueSpan = spanOf(pair.value);
    return {
      state: 'known',
      node: pair.value ?? undefined,
      key: keySpan ? { span: keySpan, source } : undefined,
      value: valueSpan ? { span: valueSpan, source } : undefined,
      path,
      removedBy: undefined,
      renderedBy: undefined,
    };
  }

  private absent(removed: ValuesSwitch | undefined): Known {
    return { state: 'known', node: undefined, key: undefined, value: undefined, path: undefined, removedBy: removed, renderedBy: undefined };
  }

  /** Whether the template renders what is written at an offset, judged by every guard around it. */
  private stateAt(offset: number): RenderState {
    const template = this.template;
    if (!template) return { state: 'rendered', via: undefined, dot: undefined };
    const around = template.regions.filter((r) => r.span.start <= offset && offset < r.span.end).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    let dot: ValuesPath | undefined;
    let unknown: string | undefined;
    let via: GuardRegion | undefined;
    for (const region of around) {
      if (region.keyword === 'define' || region.keyword === 'block') return { state: 'removed', by: region, dot };
      if (region.keyword === 'range') {
        unknown ??= `it is inside {{ range ${region.condition} }}`;
        continue;
      }
      const truth = evaluateGuard(region.condition, this.doc.values, dot);
      if (truth === undefined) unknown ??= `it depends on {{ ${region.keyword} ${region.condition} }}`;
      else if (truth === region.negated) return { state: 'removed', by: region, dot };
      via = region;
      if (region.keyword === 'with' && region.dot && !region.negated) dot = valuesPathOf(region.dot, dot);
    }
    return unknown ? { state: 'unknown', reason: unknown } : { state: 'rendered', via, dot };
  }

  /** The innermost guard that renders a field without also wrapping the whole of its parent. */
  private ownRegion(state: RenderState, parent: Field): GuardRegion | undefined {
    if (state.state !== 'rendered' || !state.via || parent.state === 'unknown') return undefined;
    const outer = spanOf(parent.node);
    const region = state.via;
    if (outer && region.span.start <= outer.start && region.span.end >= outer.end) return undefined;
    return region;
  }

  private switchOf(region: GuardRegion | undefined, dot: ValuesPath | undefined): ValuesSwitch | undefined {
    const values = this.doc.values;
    if (!region || !values || (region.keyword !== 'if' && region.keyword !== 'with')) return undefined;
    const condition = region.condition.replace(/^not\s+/, '').replace(/^\((.*)\)$/, '$1').trim();
    const path = valuesPathOf(condition, dot);
    if (!path || path.length === 0) return undefined;
    const node = valuesNode(values, path);
    const text = node === undefined ? 'unset' : isScalar(node) ? (str(node) === '' ? '""' : (str(node) ?? 'null')) : isMap(node) ? '{}' : isSeq(node) ? '[]' : 'set';
    return { path: path.join('.'), at: { span: valuesAnchor(values, path), source: values.source }, text };
  }
}

/** Where to point at a field: its key, else its value. */
export function whereOf(field: Field): Where | undefined {
  if (field.state === 'unknown') return undefined;
  return field.key ?? field.value;
}

/**
 * Where a finding about a field belongs when values.yaml decides it: the values key it
 * is read from, or the values key whose default left it out of the template. Undefined
 * when the field is written in the linted file.
 */
export function valuesSite(field: Field): { where: Where; path: string } | undefined {
  if (field.state === 'unknown') return undefined;
  if (field.path !== undefined && field.key) return { where: field.key, path: field.path };
  if (field.removedBy) return { where: field.removedBy.at, path: field.removedBy.path };
  return undefined;
}
