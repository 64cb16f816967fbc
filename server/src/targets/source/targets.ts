import type { FileKind } from '../../engine/classify';
import type { SourceText } from '../../engine/source';
import type { FileProblem } from '../../engine/types';
import type { SourceComment, Target } from '../target';
import { EstreeDocument } from './estree-document';
import { grammarOf, type TreeSitterLanguage } from './grammars';
import { SyntaxDocument } from './syntax-document';

/** TypeScript and JavaScript, with typescript-estree. */
export const jsTarget: Target<EstreeDocument, EstreeDocument> = {
  name: 'js',
  parse(source, _kind, previous) {
    try {
      return { doc: EstreeDocument.parse(source, previous), problems: [] };
    } catch (error) {
      return { doc: undefined, problems: [syntaxProblem(source, error)] };
    }
  },
  comments(doc) {
    return doc.comments.map((comment) => ({ text: comment.value, span: doc.span(comment) }));
  },
};

function syntaxProblem(source: SourceText, error: unknown): FileProblem {
  const e = error as { message?: string; lineNumber?: number; index?: number };
  const line = typeof e.index === 'number' ? source.positionAt(e.index).line : typeof e.lineNumber === 'number' ? e.lineNumber - 1 : undefined;
  return { file: source.path, line, message: `Syntax error: ${e.message ?? String(error)}. Readiness skips this file until it parses.` };
}

/** Node types holding comments in each grammar. */
const COMMENT_TYPES: Readonly<Record<TreeSitterLanguage, readonly string[]>> = {
  go: ['comment'],
  rust: ['line_comment', 'block_comment'],
  java: ['line_comment', 'block_comment'],
  python: ['comment'],
};

function treeSitterTarget(language: TreeSitterLanguage): Target<SyntaxDocument, SyntaxDocument> {
  return {
    name: language,
    parse(source: SourceText, _kind: FileKind, previous?: SyntaxDocument) {
      const grammar = grammarOf(language);
      if (!grammar) return { doc: undefined, problems: [{ file: source.path, message: `The ${language} grammar is not available, so this file is not assessed.`, severity: 'info' }] };
      try {
        return { doc: new SyntaxDocument(source, language, grammar, previous), problems: [] };
      } catch (error) {
        return { doc: undefined, problems: [{ file: source.path, message: `Could not parse this file: ${(error as Error).message}` }] };
      }
    },
    comments(doc): SourceComment[] {
      const types = COMMENT_TYPES[language];
      const pattern = types.map((t) => `(${t}) @c`).join(' ');
      return doc.captures(pattern).map(({ node }) => ({ text: stripDelimiters(doc.text(node)), span: doc.span(node) }));
    },
    dispose(doc) {
      doc.dispose();
    },
  };
}

function stripDelimiters(comment: string): string {
  if (comment.startsWith('//')) return comment.slice(2);
  if (comment.startsWith('#')) return comment.slice(1);
  if (comment.startsWith('/*')) return comment.slice(2, comment.endsWith('*/') ? -2 : undefined);
  return comment;
}

export const goTarget = treeSitterTarget('go');
export const rustTarget = treeSitterTarget('rust');
export const javaTarget = treeSitterTarget('java');
export const pythonTarget = treeSitterTarget('python');
