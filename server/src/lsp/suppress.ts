import { TextEdit } from 'vscode-languageserver/node';
import type { FileKind } from '../engine/classify';
import type { SourceText } from '../engine/source';

/** Line-comment syntax of the kinds the engine lints; kinds without one get no ignore actions. */
const LINE_COMMENT: Partial<Readonly<Record<FileKind, string>>> = {
  dockerfile: '#',
  yaml: '#',
  kustomization: '#',
  compose: '#',
  'helm-values': '#',
  'helm-template': '#',
};

export function lineComment(kind: FileKind): string | undefined {
  return LINE_COMMENT[kind];
}

/** `# readiness-ignore ids [-- reason]`, split so another id can join the list. */
const LINE_DIRECTIVE = /^(\s*#\s*readiness-ignore\s+)(.*?)(\s+--(?:\s.*)?)?\s*$/;
/** A BuildKit parser directive (`# syntax=…`, `# escape=…`): must stay above every comment. */
const PARSER_DIRECTIVE = /^#\s*[a-zA-Z][a-zA-Z0-9]*\s*=\s*\S/;

/**
 * `readiness-ignore <rule> -- reason` on its own line above `line`, indented like it.
 * When that line already carries such a directive, the rule joins its list instead.
 */
export function ignoreLineEdit(source: SourceText, line: number, ruleId: string, comment: string): TextEdit {
  if (line > 0) {
    const above = source.lineText(line - 1);
    const match = comment === '#' ? LINE_DIRECTIVE.exec(above) : null;
    const ids = match?.[2]?.trim() ?? '';
    if (match && ids !== '' && !ids.split(/[\s,]+/).includes(ruleId)) {
      const at = { line: line - 1, character: (match[1] as string).length + (match[2] as string).length };
      return TextEdit.insert(at, `, ${ruleId}`);
    }
  }
  const indent = /^\s*/.exec(source.lineText(line))?.[0] ?? '';
  return TextEdit.insert({ line, character: 0 }, `${indent}${comment} readiness-ignore ${ruleId} -- reason${source.eol}`);
}

/** `readiness-ignore-file <rule>` at the top, below any Dockerfile parser directives. */
export function ignoreFileEdit(source: SourceText, kind: FileKind, ruleId: string, comment: string): TextEdit {
  let line = 0;
  if (kind === 'dockerfile') {
    while (line < source.lineCount && PARSER_DIRECTIVE.test(source.lineText(line))) line++;
  }
  const text = `${comment} readiness-ignore-file ${ruleId}${source.eol}`;
  if (line >= source.lineCount) {
    // The file is nothing but directives, the last without a line break.
    const end = source.positionAt(source.text.length);
    return TextEdit.insert(end, `${source.eol}${text}`);
  }
  return TextEdit.insert({ line, character: 0 }, text);
}
