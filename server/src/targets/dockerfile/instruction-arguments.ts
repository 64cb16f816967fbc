import { Argument, Instruction } from 'dockerfile-ast';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';

/**
 * dockerfile-ast's `Instruction.getRawArguments` with the same results, for the two
 * ways it was most of what a Dockerfile cost:
 *
 * - It scans the instruction's text again each time its arguments are asked for, and
 *   the instruction constructors ask four or five times per RUN/CMD/COPY while parsing,
 *   before any rule asks again (flags, heredocs, ENV properties). The text never changes
 *   once parsed, so the scans of the Dockerfile being parsed or linted are kept, for one
 *   Dockerfile at a time and until the task at hand ends (a parse and its lint run in
 *   one go): kept with every cached tree they would triple what each holds. Callers get
 *   a copy, as the library shifts flags off the array it is handed.
 * - It builds each value a character at a time, a new string per character. Here plain
 *   runs of characters are sliced out whole; everything else follows the original
 *   statement for statement (test/unit/targets/dockerfile-arguments.test.ts compares the
 *   two on generated instructions).
 */
interface InstructionInternals {
  document: TextDocument;
  escapeChar: string;
  dockerfile: unknown;
  getInstructionRange(): { start: Position; end: Position };
  getTextContent(): string;
  getRawArguments(): Argument[];
}

const PATCHED = Symbol.for('readiness.dockerfile.rawArguments');
type Patchable = InstructionInternals & { [PATCHED]?: (this: InstructionInternals) => Argument[] };

let kept: { owner: object; args: Map<InstructionInternals, Argument[]> } | undefined;
const release = (): void => {
  kept = undefined;
};

/** The library's own scan, for comparison in tests; undefined when the library lacks it. */
export const originalRawArguments: ((this: InstructionInternals) => Argument[]) | undefined = (() => {
  const prototype = Instruction.prototype as unknown as Patchable;
  if (prototype[PATCHED]) return prototype[PATCHED];
  const original = prototype.getRawArguments as ((this: InstructionInternals) => Argument[]) | undefined;
  if (typeof original !== 'function') return undefined;
  prototype[PATCHED] = original;
  prototype.getRawArguments = function getRawArguments(this: InstructionInternals): Argument[] {
    const owner = this.dockerfile;
    if (typeof owner !== 'object' || owner === null) return scanArguments(this);
    if (kept?.owner !== owner) {
      if (kept === undefined) queueMicrotask(release);
      kept = { owner, args: new Map() };
    }
    let args = kept.args.get(this);
    if (args === undefined) {
      args = scanArguments(this);
      kept.args.set(this, args);
    }
    return args.slice();
  };
  return original;
})();

const isNewline = (char: string): boolean => char === '\r' || char === '\n';
const isWhitespace = (char: string): boolean => char === ' ' || char === '\t' || isNewline(char);

/** The arguments of an instruction, exactly as `Instruction.getRawArguments` (dockerfile-ast 0.7) computes them. */
export function scanArguments(instruction: InstructionInternals): Argument[] {
  const document = instruction.document;
  const escapeChar = instruction.escapeChar;
  const args: Argument[] = [];
  const range = instruction.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const content = instruction.getTextContent();
  const fullArgs = content.substring(extra);
  const offset = document.offsetAt(range.start) + extra;
  let start = false;
  let comment = false;
  let found = -1;
  // A space or tab that is part of an escaped newline sequence has been seen.
  let escapedWhitespaceDetected = false;
  // Inside an escaped newline sequence.
  let escaping = false;
  let escapeMarker = -1;
  // The value so far is `escapedArg` followed by fullArgs[runStart, runEnd): the run is
  // appended (flushed) before the value is read or extended any other way.
  let escapedArg = '';
  let runStart = 0;
  let runEnd = 0;
  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i);
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (isNewline(char)) {
          // A newline: whitespace seen before it is ignored.
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        if (runEnd > runStart) escapedArg += fullArgs.slice(runStart, runEnd);
        args.push(argumentAt(document, offset, escapedArg, found, escapeMarker === -1 ? i : escapeMarker));
        escapeMarker = -1;
        escapedArg = '';
        runStart = runEnd;
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < fullArgs.length; j++) {
          const after = fullArgs.charAt(j);
          if (after === ' ' || after === '\t') continue;
          if (after === '\r' || after === '\n') {
            // A \r is taken with the newline that follows it.
            if (after === '\r') j++;
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) escapeMarker = i;
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          if (runEnd > runStart) escapedArg += fullArgs.slice(runStart, runEnd);
          args.push(argumentAt(document, offset, escapedArg, found, escapeMarker));
          escapedArg = '';
          runStart = runEnd;
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '') {
          // End of the text.
          break;
        }
        if (runEnd > runStart) escapedArg += fullArgs.slice(runStart, runEnd);
        runStart = runEnd;
        escapedArg += next === '$' ? char + next : next;
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          if (runEnd > runStart) escapedArg += fullArgs.slice(runStart, runEnd);
          args.push(argumentAt(document, offset, escapedArg, found, escapeMarker));
          escapedArg = '';
          runStart = runEnd;
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        // Append this character: it extends the plain run when it directly follows it.
        if (runEnd !== i) {
          if (runEnd > runStart) escapedArg += fullArgs.slice(runStart, runEnd);
          runStart = i;
        }
        runEnd = i + 1;
        if (found === -1) found = i;
      }
      // A non-whitespace character: no longer at the start of a line.
      start = false;
    }
  }
  if (found !== -1) {
    if (runEnd > runStart) escapedArg += fullArgs.slice(runStart, runEnd);
    args.push(argumentAt(document, offset, escapedArg, found, escapeMarker === -1 ? fullArgs.length : escapeMarker));
  }
  return args;
}

function argumentAt(document: TextDocument, offset: number, value: string, start: number, end: number): Argument {
  return new Argument(value, { start: document.positionAt(offset + start), end: document.positionAt(offset + end) });
}
