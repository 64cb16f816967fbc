import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from '../../engine/source';

/**
 * Small, total accessors over the YAML library's nodes: every one answers undefined
 * for a missing key or a node of another shape, so rules read manifests without
 * guarding each step. Aliases are not followed (an alias bomb stays unexpanded).
 */

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && keyString(item.key) === key) return item;
  }
  return undefined;
}

export function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null || key.value === undefined ? undefined : String(key.value);
  return typeof key === 'string' ? key : undefined;
}

export function get(node: unknown, ...path: ReadonlyArray<string | number>): unknown {
  let current: unknown = node;
  for (const segment of path) {
    if (typeof segment === 'number') {
      current = isSeq(current) ? current.items[segment] : undefined;
    } else {
      current = pairOf(current, segment)?.value ?? undefined;
    }
    if (current === undefined || current === null) return undefined;
  }
  return current;
}

/** A scalar's value as a string (numbers and booleans too); undefined for null or non-scalars. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  return value === null || value === undefined ? undefined : String(value);
}

export function num(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function bool(node: unknown): boolean | undefined {
  if (!isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** The span of a node's value (without trailing comments or blank lines). */
export function spanOf(node: unknown): Span | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

/** The span of a key in a map, for findings about a field that is set wrongly. */
export function keySpan(map: unknown, key: string): Span | undefined {
  return spanOf(pairOf(map, key)?.key);
}

/** The span of a whole `key: value` pair. */
export function pairSpan(pair: Pair): Span | undefined {
  const key = spanOf(pair.key);
  const value = spanOf(pair.value);
  if (!key) return value;
  return { start: key.start, end: value ? Math.max(value.end, key.end) : key.end };
}

export function entries(map: unknown): Array<{ key: string; value: unknown; pair: Pair }> {
  if (!isMap(map)) return [];
  const out: Array<{ key: string; value: unknown; pair: Pair }> = [];
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = keyString(item.key);
    if (key !== undefined) out.push({ key, value: item.value, pair: item });
  }
  return out;
}

export function items(seq: unknown): unknown[] {
  return isSeq(seq) ? seq.items : [];
}

/** A map of string scalars (labels, annotations, matchLabels) as a plain record. */
export function stringRecord(map: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { key, value } of entries(map)) {
    const text = str(value);
    if (text !== undefined) record[key] = text;
  }
  return record;
}
