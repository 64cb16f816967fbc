/**
 * The language server: `node dist/server.js --stdio` (or `--node-ipc`, as the VS Code
 * client starts it). Wiring only; the handlers live in ./handlers and lint through the
 * same engine as the CLI, so both report the same findings for a file.
 */
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES } from '../../rules';
import { registerAssessment } from './handlers/assessment';
import { registerCodeActions } from './handlers/code-actions';
import { registerDiagnostics } from './handlers/diagnostics';
import { isScanProcess, runScanProcess } from './handlers/scan-process';
import { registerWorkspace } from './handlers/workspace';
import { clientSupport, NO_SUPPORT, type ServerContext } from './lsp/context';
import { DocumentLinter } from './lsp/document-linter';
import { SettingsStore } from './lsp/settings-store';
import { WorkspaceModel } from './lsp/workspace';
import { FIX_ALL_KIND } from './shared/settings';
import { TOOL_NAME, TOOL_VERSION } from './shared/version';

// A process started to scan a workspace runs that scan and nothing else.
if (isScanProcess()) runScanProcess();
else startServer();

function startServer(): void {
  // ProposedFeatures.all: the transport (--stdio, --node-ipc, --socket) comes from argv.
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const model = new WorkspaceModel(new Set(ALL_RULES.map((rule) => rule.id)));
  const ctx: ServerContext = {
    connection,
    documents,
    model,
    linter: new DocumentLinter(ALL_RULES, model, documents),
    settings: new SettingsStore(connection),
    support: NO_SUPPORT,
  };

  connection.onInitialize((params): InitializeResult => {
    ctx.support = clientSupport(params.capabilities);
    ctx.settings.canAsk = ctx.support.configuration;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    model.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        // Pull only when the client can pull; otherwise it gets publishDiagnostics.
        diagnosticProvider: ctx.support.pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        // Action kinds may only be declared to clients that understand CodeAction literals.
        codeActionProvider: ctx.support.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } : false,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: TOOL_NAME, version: TOOL_VERSION },
    };
  });

  const diagnostics = registerDiagnostics(ctx);
  registerCodeActions(ctx);
  const assessment = registerAssessment(ctx, __filename);
  registerWorkspace(ctx, diagnostics, assessment);

  documents.listen(connection);
  connection.listen();
}
