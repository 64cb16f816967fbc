import { randomBytes } from 'node:crypto';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { CancelledError } from '../engine/linter';
import { guard, type ServerContext } from '../lsp/context';

type Trigger = 'open' | 'change' | 'save' | 'refresh';

export interface DiagnosticsController {
  /** Re-lints every open document (push) or asks the client to pull again (pull). */
  refresh(): void;
  /** Diagnostics that are not a lint of the document (a bad `.readiness.yaml`), shown with it. */
  setExtra(uri: string, diagnostics: Diagnostic[]): void;
}

/**
 * Diagnostics in the model the client asked for: answered pulls when it declared
 * `textDocument.diagnostic`, published pushes otherwise. Both lint only the latest
 * version of a document: a pull whose document changed meanwhile is answered with
 * ServerCancelled so the client asks again, and a push for a superseded version is
 * dropped (the change that superseded it schedules its own).
 */
export function registerDiagnostics(ctx: ServerContext): DiagnosticsController {
  const { connection, documents, linter } = ctx;
  // Result ids are only compared with our own; a per-process prefix keeps a restarted
  // server from matching ids the client kept from the previous one.
  const session = randomBytes(4).toString('hex');
  /** The version last opened or saved per document, to tell unsaved edits in `onSave` mode. */
  const savedVersion = new Map<string, number>();
  const lastResult = new Map<string, { id: string; generation: number }>();
  const extra = new Map<string, Diagnostic[]>();
  const pending = new Map<string, Trigger>();
  let flushScheduled = false;

  const isDirty = (uri: string): boolean => documents.get(uri)?.version !== savedVersion.get(uri);

  // --- pull ---------------------------------------------------------------------------

  const cancelled = (): ResponseError<DiagnosticServerCancellationData> =>
    new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; its diagnostics are computed for the new version.', { retriggerRequest: true });

  const pull = async (params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = document.version;
    const settings = await ctx.settings.get(uri);
    // Lets a didChange already queued behind this request land first, so a pull for a
    // superseded version is cancelled here instead of linting text nobody sees.
    await new Promise((resolve) => setImmediate(resolve));
    const isCancelled = (): boolean => token.isCancellationRequested || documents.get(uri)?.version !== version;
    if (isCancelled()) throw cancelled();

    const resultId = `${session}:${version}:${linter.generation}`;
    const previous = params.previousResultId;
    const last = lastResult.get(uri);
    if (previous !== undefined && previous === last?.id) {
      // Same version and inputs, or unsaved edits in `onSave` mode (while settings and
      // configuration stand): what the client shows stays.
      const keepUnsaved = settings.run === 'onSave' && isDirty(uri) && last.generation === linter.generation;
      if (previous === resultId || keepUnsaved) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous };
    }
    let items: Diagnostic[];
    try {
      await linter.prepare(document);
      if (isCancelled()) throw cancelled();
      items = linter.lint(document, settings, isCancelled).diagnostics;
    } catch (error) {
      if (error instanceof CancelledError) throw cancelled();
      throw error;
    }
    lastResult.set(uri, { id: resultId, generation: linter.generation });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  };

  connection.languages.diagnostics.on(
    guard(connection, 'textDocument/diagnostic', (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }), pull),
  );

  // --- push ---------------------------------------------------------------------------

  const publish = async (uri: string, trigger: Trigger): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await ctx.settings.get(uri);
    if (documents.get(uri)?.version !== version) return;
    if (trigger === 'change' && settings.run === 'onSave') return;
    const stale = (): boolean => documents.get(uri)?.version !== version;
    let diagnostics: Diagnostic[];
    try {
      await linter.prepare(document);
      diagnostics = linter.lint(document, settings, stale).diagnostics;
    } catch (error) {
      if (error instanceof CancelledError) return;
      throw error;
    }
    await connection.sendDiagnostics({ uri, version, diagnostics: [...diagnostics, ...(extra.get(uri) ?? [])] });
  };
  const guardedPublish = guard(connection, 'publishDiagnostics', () => undefined, publish);

  const flush = (): void => {
    flushScheduled = false;
    const batch = [...pending];
    pending.clear();
    for (const [uri, trigger] of batch) void guardedPublish(uri, trigger);
  };

  /** Coalesces a burst of changes into one lint per document. */
  const schedule = (uri: string, trigger: Trigger): void => {
    if (ctx.support.pullDiagnostics) return;
    const queued = pending.get(uri);
    if (queued === undefined || queued === 'change') pending.set(uri, trigger);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };

  // --- document events ----------------------------------------------------------------

  documents.onDidOpen((event) => {
    savedVersion.set(event.document.uri, event.document.version);
    schedule(event.document.uri, 'open');
  });
  documents.onDidChangeContent((event) => {
    // Also fired right after onDidOpen, which already scheduled this document.
    if (!isDirty(event.document.uri)) return;
    schedule(event.document.uri, 'change');
  });
  documents.onDidSave((event) => {
    savedVersion.set(event.document.uri, event.document.version);
    schedule(event.document.uri, 'save');
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    savedVersion.delete(uri);
    lastResult.delete(uri);
    pending.delete(uri);
    linter.forget(uri);
    ctx.settings.forget(uri);
    if (!ctx.support.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: extra.get(uri) ?? [] });
  });

  return {
    refresh() {
      if (ctx.support.pullDiagnostics) {
        if (ctx.support.diagnosticRefresh) {
          connection.languages.diagnostics.refresh().catch((error: unknown) => connection.console.warn(`Diagnostic refresh failed: ${String(error)}`));
        }
        return;
      }
      for (const document of documents.all()) schedule(document.uri, 'refresh');
    },
    setExtra(uri, diagnostics) {
      if (diagnostics.length > 0) extra.set(uri, diagnostics);
      else extra.delete(uri);
      // An open document in push mode publishes its own diagnostics with these merged in.
      if (!ctx.support.pullDiagnostics && documents.get(uri)) schedule(uri, 'refresh');
      else void connection.sendDiagnostics({ uri, diagnostics });
    },
  };
}
