import type { Span } from '../../engine/source';

/** A shell word with its unquoted value and where it stands in the file. */
export interface ShellWord {
  value: string;
  span: Span;
}

/** One simple command of a RUN line: `apt-get install -y curl` in `apt-get update && apt-get install -y curl`. */
export interface ShellCommand {
  /** The program, after leading `VAR=value` assignments and `sudo`/`env`/`exec` wrappers. */
  name: string;
  nameWord: ShellWord | undefined;
  /** Every word, the program included. */
  words: ShellWord[];
  /** The words after the program. */
  args: ShellWord[];
  span: Span;
  /** The control operator that follows (`&&`, `||`, `;`, `|`, `&`, newline), if any. */
  operatorAfter: string | undefined;
  /** The command this one pipes into with `|`, if any. */
  pipedTo: ShellCommand | undefined;
}

const WRAPPERS = new Set(['sudo', 'env', 'exec', 'nohup', 'time', 'command']);
/** Reserved words that open a compound command: `if [ -f x ]; then apt-get install …` runs `apt-get`. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{']);

type Token = { kind: 'word'; word: ShellWord } | { kind: 'op'; op: string };

/**
 * Splits shell text into simple commands with exact spans. Docker hands RUN to
 * `/bin/sh -c`, so this understands what matters for reading intent: quotes,
 * escapes, line continuations, comment lines inside continuations and the control
 * operators. Substitutions (`$(…)`, backquotes) stay inside the word that holds them.
 */
export function splitShellCommands(text: string, baseOffset: number, escapeChar = '\\'): ShellCommand[] {
  return groupCommands(tokenize(text, baseOffset, escapeChar));
}

function tokenize(text: string, base: number, esc: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let atLineStart = true;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === esc && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      tokens.push({ kind: 'op', op: '\n' });
      i++;
      atLineStart = true;
      continue;
    }
    if (c === '#' && (atLineStart || isBoundary(text[i - 1]))) {
      while (i < n && text[i] !== '\n') i++;
      // A whole comment line inside a continuation vanishes with its line break.
      if (atLineStart) i++;
      continue;
    }
    atLineStart = false;
    const op = readOperator(text, i);
    if (op) {
      tokens.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    const start = i;
    // The word's value is built from slices of plain runs, not a character at a time: the
    // concatenations left rules with fragmented strings that every regex test had to flatten.
    let value = '';
    let run = i;
    while (i < n) {
      const ch = text[i] as string;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || readOperator(text, i)) break;
      if (ch === esc) {
        const next = text[i + 1];
        if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) break;
        value += text.slice(run, i);
        if (next !== undefined) value += next;
        i += 2;
        run = i;
        continue;
      }
      if (ch === "'") {
        value += text.slice(run, i);
        const close = text.indexOf("'", i + 1);
        const end = close < 0 ? n : close;
        value += text.slice(i + 1, end);
        i = end + 1;
        run = i;
        continue;
      }
      if (ch === '"') {
        value += text.slice(run, i);
        i++;
        let from = i;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n) {
            value += text.slice(from, i) + (text[i + 1] as string);
            i += 2;
            from = i;
          } else {
            i++;
          }
        }
        value += text.slice(from, i);
        i++;
        run = i;
        continue;
      }
      // Substitutions stay in the word as written, so they extend the plain run.
      if (ch === '$' && text[i + 1] === '(') {
        i = matchParen(text, i + 1);
        continue;
      }
      if (ch === '`') {
        const close = text.indexOf('`', i + 1);
        i = close < 0 ? n : close + 1;
        continue;
      }
      i++;
    }
    if (run < i) value += text.slice(run, Math.min(i, n));
    const end = Math.min(i, n);
    tokens.push({ kind: 'word', word: { value, span: { start: base + start, end: base + end } } });
  }
  return tokens;
}

function isBoundary(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === ';' || c === '&' || c === '|';
}

function readOperator(text: string, i: number): string | undefined {
  const c = text[i];
  if (c !== ';' && c !== '|' && c !== '&' && c !== '(' && c !== ')') return undefined;
  const next = text[i + 1];
  if ((c === '&' || c === '|' || c === ';') && next === c) return c + c;
  // `2>&1` and `&>` are redirections, not control operators.
  if (c === '&' && (text[i - 1] === '>' || next === '>')) return undefined;
  return c;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function groupCommands(tokens: Token[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  const flush = (operator: string | undefined): void => {
    if (words.length === 0) return;
    const command = makeCommand(words, operator);
    const previous = commands[commands.length - 1];
    if (previous && previous.operatorAfter === '|') previous.pipedTo = command;
    commands.push(command);
    words = [];
  };
  for (const token of tokens) {
    if (token.kind === 'word') words.push(token.word);
    else if (token.op === '(' || token.op === ')') flush(undefined);
    else flush(token.op);
  }
  flush(undefined);
  return commands;
}

function makeCommand(allWords: ShellWord[], operatorAfter: string | undefined): ShellCommand {
  // A leading reserved word is not part of the simple command it opens.
  let start = 0;
  while (start < allWords.length - 1 && KEYWORDS.has((allWords[start] as ShellWord).value)) start++;
  const words = start > 0 ? allWords.slice(start) : allWords;
  let index = 0;
  while (index < words.length) {
    const value = (words[index] as ShellWord).value;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) index++;
    else if (WRAPPERS.has(value)) {
      index++;
      while (index < words.length && (words[index] as ShellWord).value.startsWith('-')) index++;
    } else break;
  }
  const nameWord = words[index];
  const first = words[0] as ShellWord;
  const last = words[words.length - 1] as ShellWord;
  return {
    name: nameWord ? basename(nameWord.value) : '',
    nameWord,
    words,
    args: words.slice(index + 1),
    span: { start: first.span.start, end: last.span.end },
    operatorAfter,
    pipedTo: undefined,
  };
}

function basename(program: string): string {
  const slash = program.lastIndexOf('/');
  return slash >= 0 ? program.slice(slash + 1) : program;
}
