import { Lexer, parseAllDocuments, type Document } from 'yaml';
import type { SourceText } from '../../engine/source';
import type { FileProblem } from '../../engine/types';
import type { ParseOutcome, SourceComment } from '../target';

/** A YAML file: every document of it, with node ranges that are offsets into the source. */
export interface YamlFile {
  source: SourceText;
  documents: Document.Parsed[];
}

/**
 * Parses every document of a YAML stream, keeping ranges. `text` may differ from the
 * source when a Helm template was masked to plain YAML of the same length, so the
 * ranges still point into the original. Syntax errors become problems on the file;
 * the documents that did parse are still linted.
 */
export function parseYamlFile(source: SourceText, text: string = source.text): ParseOutcome<YamlFile> {
  const problems: FileProblem[] = [];
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false }) as Document.Parsed[];
    if (!Array.isArray(documents)) documents = [];
  } catch (error) {
    return { doc: undefined, problems: [{ file: source.path, message: `Could not parse YAML: ${(error as Error).message}` }] };
  }
  const usable: Document.Parsed[] = [];
  for (const document of documents) {
    const first = document.errors[0];
    if (first) {
      problems.push({
        file: source.path,
        line: source.positionAt(first.pos[0]).line,
        message: `YAML syntax error: ${firstLine(first.message)}. Readiness skips this document until it parses.`,
      });
      continue;
    }
    usable.push(document);
  }
  return { doc: { source, documents: usable }, problems };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

const LEXER_CONTROL = new Set(['\x02', '\x18', '\x1f']);

/**
 * `#` comments with their offsets, from the YAML library's own lexer: a `#` inside a
 * quoted or block scalar is text, not a comment, and the lexer knows the difference.
 */
export function yamlComments(text: string): SourceComment[] {
  const comments: SourceComment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) comments.push({ text: token.slice(1), span: { start: offset, end: offset + token.length } });
    if (!LEXER_CONTROL.has(token)) offset += token.length;
  }
  return comments;
}
