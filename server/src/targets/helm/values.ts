import type { Document } from 'yaml';
import type { SourceText } from '../../engine/source';
import { get } from '../yaml/nodes';

/** A chart's default values: the parsed `values.yaml` with its source for positions. */
export interface HelmValues {
  source: SourceText;
  document: Document.Parsed | undefined;
}

/** A path into the values (`.Values.image.tag` → ['image', 'tag']). */
export type ValuesPath = readonly string[];

const VALUES_REF = /^\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)*)$/;
const DOT_REF = /^\.((?:[A-Za-z_][A-Za-z0-9_-]*)(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)?$/;

/**
 * The values path a pipeline reads, when it reads one plainly: `.Values.x.y`,
 * `toYaml .Values.x | nindent 8`, `.Values.x | default 3 | quote`, `required "…" .Values.x`,
 * or `.`/`.field` inside `{{ with .Values.x }}`. Anything else (includes, computed
 * names, several references) answers undefined: it cannot be read statically.
 */
export function valuesPathOf(pipeline: string, dot: ValuesPath | undefined): ValuesPath | undefined {
  const commands = splitPipeline(pipeline);
  const first = commands[0];
  if (!first) return undefined;
  const words = tokenize(first);
  const refs = words.filter((w) => VALUES_REF.test(w) || (dot !== undefined && DOT_REF.test(w)));
  if (refs.length !== 1) return undefined;
  const [function_] = words;
  const transparent = new Set(['toYaml', 'toJson', 'quote', 'squote', 'int', 'int64', 'float64', 'toString', 'trim', 'default', 'required', 'tpl', 'b64enc', 'lower', 'upper']);
  if (words.length > 1 && function_ !== undefined && !transparent.has(function_)) return undefined;
  for (const command of commands.slice(1)) {
    const name = tokenize(command)[0] ?? '';
    if (!transparent.has(name) && !['nindent', 'indent', 'trunc', 'trimSuffix', 'trimPrefix'].includes(name)) return undefined;
  }
  return refToPath(refs[0] as string, dot);
}

function refToPath(ref: string, dot: ValuesPath | undefined): ValuesPath | undefined {
  const values = VALUES_REF.exec(ref);
  if (values) return (values[1] ?? '').split('.').filter(Boolean);
  const dotted = DOT_REF.exec(ref);
  if (dotted && dot) return [...dot, ...(dotted[1] ?? '').split('.').filter(Boolean)];
  return undefined;
}

function splitPipeline(pipeline: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let current = '';
  let depth = 0;
  for (const c of pipeline) {
    if (quote) {
      if (c === quote) quote = undefined;
      current += c;
    } else if (c === '"' || c === '`') {
      quote = c;
      current += c;
    } else if (c === '(') {
      depth++;
      current += c;
    } else if (c === ')') {
      depth--;
      current += c;
    } else if (c === '|' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

function tokenize(command: string): string[] {
  return command.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\([^)]*\)|\S+/g) ?? [];
}

/** The node at a values path, or undefined when the values do not set it. */
export function valuesNode(values: HelmValues | undefined, path: ValuesPath): unknown {
  if (!values?.document) return undefined;
  return path.length === 0 ? values.document.contents : get(values.document.contents, ...path);
}

export type Truth = boolean | undefined;

/**
 * Evaluates a simple guard (`.Values.x`, `not .Values.x`, `and A B`, `or A B`,
 * `eq .Values.x "y"`, `ne …`) against the default values, with Go template truth:
 * false, 0, nil and empty strings, maps and lists are false. Undefined when it
 * cannot be decided statically.
 */
export function evaluateGuard(condition: string, values: HelmValues | undefined, dot: ValuesPath | undefined): Truth {
  const words = tokenize(condition.trim());
  return evalWords(words, values, dot);
}

function evalWords(words: readonly string[], values: HelmValues | undefined, dot: ValuesPath | undefined): Truth {
  const [head, ...rest] = words;
  if (head === undefined) return undefined;
  if (head.startsWith('(') && head.endsWith(')') && rest.length === 0) return evalWords(tokenize(head.slice(1, -1)), values, dot);
  if (head === 'not' && rest.length === 1) {
    const inner = evalWords(rest, values, dot);
    return inner === undefined ? undefined : !inner;
  }
  if ((head === 'and' || head === 'or') && rest.length >= 2) {
    const results = rest.map((w) => evalWords([w], values, dot));
    if (head === 'and') return results.includes(false) ? false : results.includes(undefined) ? undefined : true;
    return results.includes(true) ? true : results.includes(undefined) ? undefined : false;
  }
  if ((head === 'eq' || head === 'ne') && rest.length === 2) {
    const [a, b] = rest.map((w) => literalOrValue(w as string, values, dot));
    if (a === undefined || b === undefined) return undefined;
    return head === 'eq' ? a === b : a !== b;
  }
  if (rest.length === 0) {
    const path = refToPath(head, dot);
    if (!path || !values?.document) return undefined;
    return truthy(valuesNode(values, path));
  }
  return undefined;
}

function literalOrValue(word: string, values: HelmValues | undefined, dot: ValuesPath | undefined): string | undefined {
  if (/^".*"$/.test(word)) return word.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(word) || word === 'true' || word === 'false') return word;
  const path = refToPath(word, dot);
  if (!path || !values?.document) return undefined;
  const node = valuesNode(values, path) as { value?: unknown } | undefined;
  return node && 'value' in node ? String(node.value) : undefined;
}

function truthy(node: unknown): Truth {
  if (node === undefined || node === null) return false;
  const value = (node as { value?: unknown; items?: unknown[] }).items ?? (node as { value?: unknown }).value;
  if (Array.isArray(value)) return value.length > 0;
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  return true;
}
