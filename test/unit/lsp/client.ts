/**
 * A small LSP client for protocol tests: starts `node dist/server.js --stdio`, speaks
 * JSON-RPC to it and records what the server sends (published diagnostics, log
 * messages, refresh and configuration requests). Waits are event-driven with a
 * timeout, never sleeps.
 */
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type ConfigurationItem,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');
const WAIT_MS = 10_000;

export interface ClientOptions {
  /** How the server is started: `--stdio` (default) or `--node-ipc`, as the VS Code client does. */
  transport?: 'stdio' | 'ipc';
  /** Declare `textDocument.diagnostic` (pull). Default true. */
  pull?: boolean;
  /** Answer `workspace/configuration`. Default true. */
  configuration?: boolean;
  /** Declare `resourceOperations: ['create']` for workspace edits. Default true. */
  createFiles?: boolean;
  /** Workspace folders (absolute paths). */
  folders?: string[];
  /** The `readiness` section answered for each scope URI; defaults to `{}`. */
  settings?: (scopeUri: string | undefined) => unknown;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly configurationRequests: ConfigurationItem[] = [];
  refreshRequests = 0;
  stderr = '';
  initializeResult!: InitializeResult;
  /** Replaced by tests that need to hold a configuration answer back. */
  settings: (scopeUri: string | undefined) => unknown | Promise<unknown>;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.notify();
    });
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests.push(...params.items);
      this.notify();
      return Promise.all(params.items.map(async (item) => (item.section === 'readiness' ? await this.settings(item.scopeUri) : null)));
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      this.notify();
    });
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    let child: ChildProcess;
    let connection: ProtocolConnection;
    if (options.transport === 'ipc') {
      child = fork(SERVER, ['--node-ipc'], { silent: true });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      const stdio = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      child = stdio;
      connection = createProtocolConnection(new StreamMessageReader(stdio.stdout), new StreamMessageWriter(stdio.stdin));
    }
    const client = new TestClient(child, connection, options);
    connection.listen();
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? URI.file(folders[0]).toString() : null,
      workspaceFolders: folders.map((f) => ({ uri: URI.file(f).toString(), name: path.basename(f) })),
      capabilities: capabilities(options),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'dockerfile'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (or one range of it) and returns the new version. */
  async change(uri: string, text: string, range?: Range): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const change: TextDocumentContentChangeEvent = range ? { range, text } : { text };
    const doc = TextDocument.create(uri, 'dockerfile', version - 1, this.texts.get(uri) ?? '');
    this.texts.set(uri, TextDocument.applyEdits(doc, [{ range: range ?? { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) }, newText: text }]));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async configurationChanged(settings: unknown = null): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** Pulls and returns the items of a full report. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    assert.equal(report.kind, 'full');
    return report.kind === 'full' ? report.items : [];
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []).filter((a): a is CodeAction => !isCommand(a));
  }

  /** Resolves once `probe` returns something for what the server sent so far. */
  waitFor<T>(what: string, probe: () => T | undefined | false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined || value === false) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`Timed out waiting for ${what}.\nserver stderr:\n${this.stderr}\nlogs:\n${this.logs.map((l) => l.message).join('\n')}`));
      }, WAIT_MS);
      this.listeners.add(listener);
      check();
    });
  }

  /** The latest diagnostics published for `uri` that satisfy `probe`. */
  waitForPublished(uri: string, probe: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics published for ${uri}`, () => {
      const latest = [...this.published].reverse().find((p) => p.uri === uri);
      return latest && probe(latest) ? latest : undefined;
    });
  }

  /** Errors the server logged: a handler that threw. */
  errors(): string[] {
    return this.logs.filter((l) => l.type === 1).map((l) => l.message);
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the server without the protocol's goodbye, for cleanup after a failed test. */
  kill(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function capabilities(options: ClientOptions): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
      ...(options.pull === false ? {} : { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
      },
    },
    workspace: {
      configuration: options.configuration !== false,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: false },
      diagnostics: { refreshSupport: true },
      workspaceFolders: true,
      workspaceEdit: {
        documentChanges: true,
        resourceOperations: options.createFiles === false ? [] : ['create'],
      },
    },
  };
}

function isCommand(value: CodeAction | Command): value is Command {
  return typeof (value as Command).command === 'string';
}

/** Applies the edits a WorkspaceEdit makes to `uri` (checking their version) to `text`. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined, version?: number): string {
  assert.ok(edit, 'the action has no edit');
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== uri) continue;
    if (version !== undefined) assert.equal(change.textDocument.version, version, 'the edit is for another version of the document');
    for (const e of change.edits) if ('newText' in e) edits.push(e);
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  assert.ok(edits.length > 0, `the action edits nothing in ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 0, text), edits);
}

const temps: string[] = [];

/** A temporary workspace folder with these files (relative path → text). */
export function tempWorkspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-lsp-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

export function removeTempWorkspaces(): void {
  for (const root of temps.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function fileUri(root: string, relativePath: string): string {
  return URI.file(path.join(root, relativePath)).toString();
}

/**
 * Pulls a document's diagnostics of one rule until `done` holds or 10 s pass: the
 * server learns the workspace's files in the background.
 */
export async function pullRuleUntil(client: TestClient, uri: string, rule: string, done: (items: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const items = (await client.diagnostics(uri)).filter((d) => d.code === rule);
    if (done(items) || Date.now() > deadline) return items;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
