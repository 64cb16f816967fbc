import { ResponseError, type ClientCapabilities, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLinter } from './document-linter';
import type { EditCapabilities } from './edits';
import type { SettingsStore } from './settings-store';
import type { WorkspaceModel } from './workspace';

/** What the client said it can do, read once at initialize. */
export interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  dynamicConfigurationChange: boolean;
  workspaceFolders: boolean;
  codeActionLiterals: boolean;
  edits: EditCapabilities;
}

export function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  const edit = capabilities.workspace?.workspaceEdit;
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configuration: capabilities.workspace?.configuration === true,
    dynamicConfigurationChange: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    codeActionLiterals: capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    edits: {
      documentChanges: edit?.documentChanges === true,
      createFiles: edit?.resourceOperations?.includes('create') === true,
    },
  };
}

/** Before initialize nothing is assumed: push diagnostics, plain edits. */
export const NO_SUPPORT: ClientSupport = clientSupport({});

/** Everything the handlers share; `support` is filled in by initialize. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  model: WorkspaceModel;
  linter: DocumentLinter;
  settings: SettingsStore;
  support: ClientSupport;
}

/**
 * Wraps a handler so a bug in it is logged and answered with `fallback` instead of
 * taking the server down. Protocol errors (a cancellation) pass through as answers.
 */
export function guard<A extends unknown[], R>(
  connection: Connection,
  name: string,
  fallback: () => R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${describe(error)}`);
      return fallback();
    }
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
