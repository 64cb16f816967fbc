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

type ArgKind = 'positional' | 'short' | 'long' | 'value';

/**
 * Walks a command's arguments as `positional`, an option (`short`/`long`), or the value
 * of the option before it, until `visit` answers true. Rules ask one question of most
 * commands (its subcommand, one option), so nothing is collected on the way.
 */
function scanArgs(command: ShellCommand, spec: OptionSpec, visit: (word: ShellWord, kind: ArgKind) => boolean | void): void {
  const args = command.args;
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const value = word.value;
    if (!options || value === '-' || !value.startsWith('-')) {
      if (visit(word, 'positional')) return;
      continue;
    }
    if (value === '--') {
      options = false;
      continue;
    }
    if (value.startsWith('--')) {
      if (visit(word, 'long')) return;
      if (!value.includes('=') && spec.longWithValue?.includes(value)) {
        const next = args[i + 1];
        if (next && visit(next, 'value')) return;
        i++;
      }
      continue;
    }
    if (visit(word, 'short')) return;
    for (let j = 1; j < value.length; j++) {
      if (spec.shortWithValue?.includes(value[j] as string)) {
        if (j === value.length - 1) {
          const next = args[i + 1];
          if (next && visit(next, 'value')) return;
          i++;
        }
        break;
      }
    }
  }
}

/** The arguments that are neither options nor option values, in order. */
export function positionalArgs(command: ShellCommand, spec: OptionSpec = NO_OPTIONS): ShellWord[] {
  const out: ShellWord[] = [];
  scanArgs(command, spec, (word, kind) => {
    if (kind === 'positional') out.push(word);
  });
  return out;
}

/** The first positional argument: the subcommand of `apt-get -y install curl`, `pip --quiet install x`. */
export function subcommand(command: ShellCommand, spec: OptionSpec = NO_OPTIONS): ShellWord | undefined {
  let found: ShellWord | undefined;
  scanArgs(command, spec, (word, kind) => {
    if (kind !== 'positional') return false;
    found = word;
    return true;
  });
  return found;
}

/** A long option written as `--name` or `--name=value`, before any `--`. */
export function findLongOption(command: ShellCommand, name: string, spec: OptionSpec = NO_OPTIONS): ShellWord | undefined {
  let found: ShellWord | undefined;
  scanArgs(command, spec, (word, kind) => {
    if (kind !== 'long' || (word.value !== name && !word.value.startsWith(`${name}=`))) return false;
    found = word;
    return true;
  });
  return found;
}

/** The value of a long option: `--name=value` or `--name value` (when the spec lists it as taking one). */
export function longOptionValue(command: ShellCommand, name: string, spec: OptionSpec = NO_OPTIONS): string | undefined {
  let found: string | undefined;
  // Set on `--name` written alone: its value is the next word, if that is one.
  let awaitingValue = false;
  scanArgs(command, spec, (word, kind) => {
    if (awaitingValue) {
      found = kind === 'value' ? word.value : '';
      return true;
    }
    if (kind !== 'long') return false;
    if (word.value.startsWith(`${name}=`)) {
      found = word.value.slice(name.length + 1);
      return true;
    }
    if (word.value === name) awaitingValue = true;
    return false;
  });
  return awaitingValue && found === undefined ? '' : found;
}

/** A short option letter, alone (`-k`) or in a group (`-fsSLk`), before any letter that takes a value. */
export function findShortOption(command: ShellCommand, letter: string, spec: OptionSpec = NO_OPTIONS): { word: ShellWord; index: number } | undefined {
  let found: { word: ShellWord; index: number } | undefined;
  scanArgs(command, spec, (word, kind) => {
    if (kind !== 'short') return false;
    const value = word.value;
    for (let j = 1; j < value.length; j++) {
      const c = value[j] as string;
      if (c === letter) {
        found = { word, index: j };
        return true;
      }
      if (spec.shortWithValue?.includes(c)) break;
    }
    return false;
  });
  return found;
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
