import {
  CodeActionKind,
  Command,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Finding } from '../engine/types';
import { ruleDocUri, DIAGNOSTIC_SOURCE, isDiagnosticData } from '../lsp/convert';
import { guard, type ServerContext } from '../lsp/context';
import type { LintOutcome } from '../lsp/document-linter';
import { fixesToWorkspaceEdit, nonOverlappingFixes } from '../lsp/edits';
import { ignoreFileEdit, ignoreLineEdit, lineComment } from '../lsp/suppress';
import { COMMANDS, FIX_ALL_KIND, type OpenRuleDocsArgs } from '../shared/settings';

/**
 * Quick fixes for the diagnostics in the request (the finding's fixes, ignore on this
 * line or in this file, open the rule's docs) and `source.fixAll.readiness`. They are
 * computed from the lint of the document's current version, shared with diagnostics.
 */
export function registerCodeActions(ctx: ServerContext): void {
  const { connection, documents, linter } = ctx;

  const handler = async (params: CodeActionParams): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    if (!ctx.support.codeActionLiterals || !documents.get(uri)) return [];
    const settings = await ctx.settings.get(uri);
    const document = documents.get(uri);
    if (!document) return [];
    await linter.prepare(document);
    const outcome = linter.lint(document, settings);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (!only || only.some((kind) => covers(kind, CodeActionKind.QuickFix))) {
      actions.push(...quickFixes(ctx, outcome, params.context.diagnostics));
    }
    // Only on request (save actions, the Source Action menu): never in the light bulb.
    if (only?.some((kind) => covers(kind, FIX_ALL_KIND))) {
      const fixAll = fixAllAction(ctx, outcome);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  };

  connection.onCodeAction(guard(connection, 'textDocument/codeAction', (): CodeAction[] => [], handler));
}

/** Whether a requested kind (`source`) covers an action kind (`source.fixAll.readiness`). */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function quickFixes(ctx: ServerContext, outcome: LintOutcome, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const fixes: CodeAction[] = [];
  const ignores: CodeAction[] = [];
  const seen = new Set<string>();
  /** One ignore or docs action per rule (and line), however many diagnostics share it. */
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const comment = lineComment(outcome.kind);

  for (const diagnostic of diagnostics) {
    const finding = findingOf(outcome, diagnostic);
    if (!finding) continue;
    for (const fix of finding.fixes) {
      const edit = fixesToWorkspaceEdit([fix], outcome, ctx.documents, ctx.support.edits);
      if (!edit) continue;
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: !fix.suggestion, edit });
    }
    const rule = finding.rule;
    const line = finding.range.start.line;
    if (comment && once(`line\0${rule}\0${line}`)) {
      const edit = ignoreLineEdit(outcome.source, line, rule, comment);
      ignores.push({ title: `Ignore ${rule} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: singleEdit(ctx, outcome, edit) });
    }
    if (comment && once(`file\0${rule}`)) {
      const edit = ignoreFileEdit(outcome.source, outcome.kind, rule, comment);
      ignores.push({ title: `Ignore ${rule} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: singleEdit(ctx, outcome, edit) });
    }
    if (once(`docs\0${rule}`)) {
      const args: OpenRuleDocsArgs = { ruleId: rule, uri: ruleDocUri(rule) };
      const title = `Show documentation for ${rule}`;
      ignores.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: Command.create(title, COMMANDS.openRuleDocs, args) });
    }
  }
  // Fixes first: the editor lists actions in the order given.
  return [...fixes, ...ignores];
}

/** The finding a diagnostic was made from, in this version's lint. */
function findingOf(outcome: LintOutcome, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const ruleId = isDiagnosticData(diagnostic.data) ? diagnostic.data.ruleId : typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  const sameRange = (f: Finding): boolean =>
    f.rule === ruleId &&
    f.range.start.line === diagnostic.range.start.line &&
    f.range.start.character === diagnostic.range.start.character &&
    f.range.end.line === diagnostic.range.end.line &&
    f.range.end.character === diagnostic.range.end.character;
  const candidates = outcome.findings.filter(sameRange);
  return candidates.find((f) => f.message === diagnostic.message) ?? candidates[0];
}

function fixAllAction(ctx: ServerContext, outcome: LintOutcome): CodeAction | undefined {
  const firstFixes = outcome.findings
    .flatMap((finding) => finding.fixes.find((fix) => !fix.suggestion) ?? [])
    // A fix this client cannot apply (it creates a file) must not hold back the others.
    .filter((fix) => fixesToWorkspaceEdit([fix], outcome, ctx.documents, ctx.support.edits) !== undefined);
  if (firstFixes.length === 0) return undefined;
  const edit = fixesToWorkspaceEdit(nonOverlappingFixes(firstFixes), outcome, ctx.documents, ctx.support.edits);
  if (!edit) return undefined;
  return { title: 'Fix all auto-fixable Readiness problems', kind: FIX_ALL_KIND, edit };
}

function singleEdit(ctx: ServerContext, outcome: LintOutcome, edit: TextEdit): WorkspaceEdit {
  if (!ctx.support.edits.documentChanges) return { changes: { [outcome.uri]: [edit] } };
  return { documentChanges: [TextDocumentEdit.create({ uri: outcome.uri, version: outcome.version }, [edit])] };
}
