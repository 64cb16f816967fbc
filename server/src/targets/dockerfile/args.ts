import type { SourceText, Span } from '../../engine/source';
import type { ShellCommand, ShellWord } from './shell';

/**
 * Which options of a program take a value, so the value is not mistaken for a
 * subcommand or a package (`apt-get -o Acquire::Retries=3 install`, `curl -o out`).
 */
export interface OptionSpec {
  /** Short option letters that take a value: the rest of the group, or the next word. */
  shortWithValue?: string;
  /** Long options (with their `--`) that take the next word as value when written without `=`. */
  longWithValue?: readonly string[];
}

const NO_OPTIONS: OptionSpec = {};

/** Whether a shell word is a `NAME=value` assignment. */
export function isAssignment(value: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(value);
}

/** The `NAME=value` assignments written before the program (`NODE_ENV=production npm ci`, `env X=1 cmd`). */
export function leadingAssignments(command: ShellCommand): ShellWord[] {
  const out: ShellWord[] = [];
  for (const word of command.words) {
    if (word === command.nameWord) break;
    if (isAssignment(word.value)) out.push(word);
  }
  return out;
}

interface ParsedArg {
  word: ShellWord;
  /** `positional`, an option (`short`/`long`), or the value of the option before it. */
  kind: 'positional' | 'short' | 'long' | 'value';
}

function parseArgs(command: ShellCommand, spec: OptionSpec): ParsedArg[] {
  const out: ParsedArg[] = [];
  const args = command.args;
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const value = word.value;
    if (!options || value === '-' || !value.startsWith('-')) {
      out.push({ word, kind: 'positional' });
      continue;
    }
    if (value === '--') {
      options = false;
      continue;
    }
    if (value.startsWith('--')) {
      out.push({ word, kind: 'long' });
      if (!value.includes('=') && spec.longWithValue?.includes(value)) {
        const next = args[i + 1];
        if (next) out.push({ word: next, kind: 'value' });
        i++;
      }
      continue;
    }
    out.push({ word, kind: 'short' });
    const letters = value.slice(1);
    for (let j = 0; j < letters.length; j++) {
      if (spec.shortWithValue?.includes(letters[j] as string)) {
        if (j === letters.length - 1) {
          const next = args[i + 1];
          if (next) out.push({ word: next, kind: 'value' });
          i++;
        }
        break;
      }
    }
  }
  return out;
}

/** The arguments that are neither options nor option values, in order. */
export function positionalArgs(command: ShellCommand, spec: OptionSpec = NO_OPTIONS): ShellWord[] {
  return parseArgs(command, spec)
    .filter((a) => a.kind === 'positional')
    .map((a) => a.word);
}

/** The first positional argument: the subcommand of `apt-get -y install curl`, `pip --quiet install x`. */
export function subcommand(command: ShellCommand, spec: OptionSpec = NO_OPTIONS): ShellWord | undefined {
  return positionalArgs(command, spec)[0];
}

/** A long option written as `--name` or `--name=value`, before any `--`. */
export function findLongOption(command: ShellCommand, name: string, spec: OptionSpec = NO_OPTIONS): ShellWord | undefined {
  return parseArgs(command, spec).find((a) => a.kind === 'long' && (a.word.value === name || a.word.value.startsWith(`${name}=`)))?.word;
}

/** The value of a long option: `--name=value` or `--name value` (when the spec lists it as taking one). */
export function longOptionValue(command: ShellCommand, name: string, spec: OptionSpec = NO_OPTIONS): string | undefined {
  const parsed = parseArgs(command, spec);
  for (let i = 0; i < parsed.length; i++) {
    const a = parsed[i] as ParsedArg;
    if (a.kind !== 'long') continue;
    if (a.word.value.startsWith(`${name}=`)) return a.word.value.slice(name.length + 1);
    if (a.word.value === name) {
      const next = parsed[i + 1];
      return next?.kind === 'value' ? next.word.value : '';
    }
  }
  return undefined;
}

/** A short option letter, alone (`-k`) or in a group (`-fsSLk`), before any letter that takes a value. */
export function findShortOption(command: ShellCommand, letter: string, spec: OptionSpec = NO_OPTIONS): { word: ShellWord; index: number } | undefined {
  for (const a of parseArgs(command, spec)) {
    if (a.kind !== 'short') continue;
    const value = a.word.value;
    for (let j = 1; j < value.length; j++) {
      const c = value[j] as string;
      if (c === letter) return { word: a.word, index: j };
      if (spec.shortWithValue?.includes(c)) break;
    }
  }
  return undefined;
}

/** Whether a word stands in the file exactly as its value (no quotes or escapes), so edits by offset are safe. */
export function isVerbatim(source: SourceText, word: ShellWord): boolean {
  return source.text.slice(word.span.start, word.span.end) === word.value;
}

/**
 * The span that removes a word with the blanks before it (`curl -k -fsSL` → `curl -fsSL`),
 * or after it when it starts a line. Undefined when no blank separates it.
 */
export function removalSpan(source: SourceText, word: ShellWord): Span | undefined {
  const text = source.text;
  const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  let start = word.span.start;
  while (start > 0 && isBlank(text[start - 1])) start--;
  if (start < word.span.start) return { start, end: word.span.end };
  let end = word.span.end;
  while (end < text.length && isBlank(text[end])) end++;
  return end > word.span.end ? { start: word.span.start, end } : undefined;
}
