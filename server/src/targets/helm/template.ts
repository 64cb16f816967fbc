import type { Span } from '../../engine/source';

/** One `{{ … }}` action of a Go template, as Helm writes them. */
export interface TemplateAction {
  span: Span;
  /** The text between the delimiters, without trim markers and outer spaces. */
  body: string;
  /** `if`, `else`, `end`, `with`, `range`, `define`, `block`, `comment`, `assign`, or `output` (`template` prints). */
  keyword: string;
}

/** A stretch of the template that renders only under a condition. */
export interface GuardRegion {
  span: Span;
  keyword: 'if' | 'with' | 'range' | 'define' | 'block';
  /** The pipeline after the keyword (`.Values.ingress.enabled`, `not .Values.x`). */
  condition: string;
  /** True for the `else` branch of an `if`/`with`. */
  negated: boolean;
  /** For `with`: the value `.` stands for inside the region. */
  dot: string | undefined;
}

export interface MaskedTemplate {
  /** The template with every action blanked to the same length: plain YAML with exact positions. */
  text: string;
  actions: TemplateAction[];
  /** Output actions that stand where a YAML value goes, now placeholder scalars. */
  placeholders: TemplateAction[];
  regions: GuardRegion[];
  /** Why the template could not be read statically, if it could not. */
  unreadable: string | undefined;
}

const PLACEHOLDER = 'x';

/**
 * Turns a Helm template into YAML of the same length without rendering it: control
 * actions and comments become spaces; an output action where a value goes (after
 * `key:`, alone on a line under a `key:`, inside a quoted string) becomes a
 * placeholder scalar, remembered so rules can resolve it to the values file;
 * `define` bodies vanish. Newlines are kept, so every offset maps back unchanged.
 */
export function maskTemplate(text: string): MaskedTemplate {
  const actions: TemplateAction[] = [];
  const chars = text.split('');
  const placeholders: TemplateAction[] = [];
  let unreadable: string | undefined;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) break;
    const close = findClose(text, open + 2);
    if (close < 0) {
      unreadable = `an action opened at offset ${open} is never closed`;
      blank(chars, open, text.length);
      break;
    }
    const end = close + 2;
    const inner = text.slice(open + 2, close).replace(/^-\s?/, '').replace(/\s?-$/, '').trim();
    actions.push({ span: { start: open, end }, body: inner, keyword: keywordOf(inner) });
    i = end;
  }

  const regions = buildRegions(actions, (message) => (unreadable ??= message));
  for (const region of regions) {
    if (region.keyword === 'define' || region.keyword === 'block') blank(chars, region.span.start, region.span.end);
  }
  const defines = regions.filter((r) => r.keyword === 'define' || r.keyword === 'block');
  for (const action of actions) {
    const inDefine = defines.some((r) => r.span.start <= action.span.start && action.span.end <= r.span.end);
    if (action.keyword === 'output' && !inDefine && isValuePosition(text, action.span, action.body)) {
      // An action alone on its line may sit left of its key (`{{ toYaml .Values.x | indent 12 }}`
      // at column 0): it renders at the indentation it asks for, so the placeholder goes there.
      const column = action.span.start - (text.lastIndexOf('\n', action.span.start - 1) + 1);
      const aloneOnLine = text.slice(action.span.start - column, action.span.start).trim() === '';
      const shift = aloneOnLine ? Math.min(Math.max(0, effectiveIndent(action.body, column) - column), action.span.end - action.span.start - 1) : 0;
      blank(chars, action.span.start, action.span.start + shift);
      fill(chars, action.span.start + shift, action.span.end, PLACEHOLDER);
      placeholders.push(action);
    } else {
      blank(chars, action.span.start, action.span.end);
    }
  }
  return { text: chars.join(''), actions, placeholders, regions, unreadable };
}

function findClose(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length - 1; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === '`') quote = c;
    else if (c === '/' && text[i + 1] === '*') {
      const endComment = text.indexOf('*/', i + 2);
      if (endComment < 0) return -1;
      i = endComment + 1;
    } else if (c === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

function keywordOf(body: string): string {
  if (body.startsWith('/*')) return 'comment';
  const word = /^[a-z]+/.exec(body)?.[0] ?? '';
  // `{{ template "x" . }}` prints the named template, as `include` does: an output action.
  if (['if', 'else', 'end', 'with', 'range', 'define', 'block', 'break', 'continue'].includes(word)) return word;
  // `$x := …` declares a variable and prints nothing.
  if (/^\$[A-Za-z_0-9]*\s*:?=/.test(body)) return 'assign';
  return 'output';
}

function buildRegions(actions: readonly TemplateAction[], fail: (message: string) => void): GuardRegion[] {
  const regions: GuardRegion[] = [];
  const stack: Array<{ keyword: GuardRegion['keyword']; condition: string; start: number; negated: boolean; dot: string | undefined }> = [];
  for (const action of actions) {
    const { keyword, body } = action;
    if (keyword === 'if' || keyword === 'with' || keyword === 'range' || keyword === 'define' || keyword === 'block') {
      const condition = body.slice(keyword.length).trim();
      stack.push({ keyword, condition, start: action.span.end, negated: false, dot: keyword === 'with' ? condition : undefined });
    } else if (keyword === 'else') {
      const top = stack[stack.length - 1];
      if (!top) {
        fail('an `else` without an opening action');
        continue;
      }
      regions.push({ span: { start: top.start, end: action.span.start }, keyword: top.keyword, condition: top.condition, negated: top.negated, dot: top.negated ? undefined : top.dot });
      const elseIf = body.slice(4).trim();
      if (elseIf.startsWith('if ')) {
        // `else if B` renders when the earlier branches did not and B holds: both guards apply.
        regions.push({ span: { start: action.span.end, end: action.span.end }, keyword: top.keyword, condition: top.condition, negated: true, dot: undefined });
        top.condition = elseIf.slice(3).trim();
        top.negated = false;
      } else {
        top.negated = true;
      }
      top.start = action.span.end;
      top.dot = undefined;
    } else if (keyword === 'end') {
      const top = stack.pop();
      if (!top) {
        fail('an `end` without an opening action');
        continue;
      }
      regions.push({ span: { start: top.start, end: action.span.start }, keyword: top.keyword, condition: top.condition, negated: top.negated, dot: top.dot });
    }
  }
  if (stack.length > 0) fail(`${stack.length} block action(s) never closed with {{ end }}`);
  return regions;
}

/** The column an action alone on its line renders at: the `indent N`/`nindent N` it ends with, else where it is written. */
function effectiveIndent(body: string, column: number): number {
  const indent = /\|\s*n?indent\s+(\d+)\s*$/.exec(body);
  return indent ? Number(indent[1]) : column;
}

function isValuePosition(text: string, span: Span, body: string): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(lineStart, span.start);
  const newline = text.indexOf('\n', span.end);
  const after = text.slice(span.end, newline < 0 ? text.length : newline);
  if (text.slice(span.start, span.end).includes('\n')) return false;
  if (countQuotes(before) % 2 === 1) return true;
  const beforeTrimmed = before.replace(/\{\{[^}]*\}\}/g, '').trimEnd();
  if (/:$/.test(beforeTrimmed) || /^\s*-$/.test(beforeTrimmed) || /:\s+\S/.test(beforeTrimmed) || /^\s*-\s+\S/.test(beforeTrimmed)) {
    return true;
  }
  if (beforeTrimmed.trim() === '' && after.replace(/\{\{.*?\}\}/g, '').trim() === '') {
    // Alone on its line: a value only when it is all a `key:` has, not when map entries follow
    // it, and only when it renders deeper than that key (`| nindent 2` under a key at 4 adds
    // entries to an outer map instead).
    const indent = effectiveIndent(body, before.length);
    const opener = previousLineOpensValue(text, lineStart);
    return opener !== undefined && indent > opener && !nextLineContinuesMap(text, span.end, indent);
  }
  // Part of a plain scalar such as `image: repo/{{ .Values.tag }}`.
  return /\S/.test(beforeTrimmed) && !/^\s*#/.test(before);
}

/**
 * The indentation of the nearest earlier line with YAML on it when that line ends in
 * `key:` (or is a bare `-`), awaiting a value; undefined otherwise. A `- key:` item
 * counts its key's column, where the value must go deeper than.
 */
function previousLineOpensValue(text: string, lineStart: number): number | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const raw = text.slice(start, end);
    const line = raw.replace(/\s+#.*$/, '').trimEnd();
    // A line that is only actions (`{{- if … }}`) says nothing about structure.
    if (raw.replace(/\{\{.*?\}\}/g, '').trim() === '' && raw.trim() !== '') {
      end = start - 1;
      continue;
    }
    if (line.trim() !== '' && !line.trim().startsWith('#')) {
      if (!/:$/.test(line) && !/^\s*-$/.test(line)) return undefined;
      const dash = /^(\s*)-\s+/.exec(line);
      return dash ? dash[0].length : line.length - line.trimStart().length;
    }
    end = start - 1;
  }
  return undefined;
}

/** Whether the next line with YAML on it is a map entry at the action's own indentation (`labels:` + include + `app: x`). */
function nextLineContinuesMap(text: string, from: number, indent: number): boolean {
  let start = text.indexOf('\n', from) + 1;
  while (start > 0 && start < text.length) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end < 0 ? text.length : end);
    const yamlPart = raw.replace(/\{\{.*?\}\}/g, '');
    if (yamlPart.trim() !== '' && !yamlPart.trim().startsWith('#')) {
      const ownIndent = yamlPart.length - yamlPart.trimStart().length;
      return ownIndent === indent && /^\s*[^\s:#][^:]*:(\s|$)/.test(yamlPart);
    }
    if (end < 0) break;
    start = end + 1;
  }
  return false;
}

function countQuotes(text: string): number {
  let count = 0;
  for (const c of text.replace(/\{\{.*?\}\}/g, '')) if (c === '"') count++;
  return count;
}

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

function fill(chars: string[], start: number, end: number, char: string): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = char;
}
