/**
 * The VS Code side: starts the language server and forwards what only the editor
 * knows (settings, file events, commands). Every finding comes from the server.
 */
import * as path from 'node:path';
import { commands, FileType, StatusBarAlignment, ThemeColor, Uri, window, workspace, type ExtensionContext } from 'vscode';
import {
  DiagnosticPullMode,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ruleDocPath } from '../../rules/define-rule';
import { COMMANDS, SETTINGS_SECTION, type OpenRuleDocsArgs, type RunMode } from '../../server/src/shared/settings';
import {
  ASSESSMENT_CHANGED_NOTIFICATION,
  ASSESSMENT_REQUEST,
  REPORT_REQUEST,
  SARIF_REQUEST,
  type AssessmentResult,
  type ReportResult,
} from '../../server/src/shared/protocol';
import { ChecklistTree } from './checklist-tree';

const DOCKERFILE_NAMES = '{Dockerfile,Containerfile,*.dockerfile,*.Dockerfile,Dockerfile.*,Containerfile.*}';

let client: LanguageClient | undefined;

/** What `activate` returns to other extensions and to the editor tests. */
export interface ReadinessApi {
  /** How long `activate` took; the language server starts after it, in the background. */
  activationMs: number;
  /** Resolves with the milliseconds from activation to the server's answer to `initialize`. */
  serverReady: Promise<number>;
}

export async function activate(context: ExtensionContext): Promise<ReadinessApi> {
  const activationStarted = performance.now();
  const output = window.createOutputChannel('Readiness', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const runMode = (document: { uri: Uri }): RunMode => workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<RunMode>('run', 'onType');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      // Files and new buffers; not the read-only copies of diff and SCM views.
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', pattern: `**/${DOCKERFILE_NAMES}` },
      // Kubernetes manifests, Helm charts (templates and values) and Compose files.
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'helm' },
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', pattern: '**/*.{yaml,yml}' },
      { scheme: 'file', pattern: '**/templates/**/*.tpl' },
      // Source code of the languages the server parses.
      ...['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go', 'rust', 'java', 'python'].map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', pattern: '**/.readiness.yaml' },
    ],
    synchronize: {
      // What decides other files' findings: configuration, ignore files, which Dockerfiles exist.
      fileEvents: [
        workspace.createFileSystemWatcher('**/.readiness.yaml'),
        workspace.createFileSystemWatcher('**/.dockerignore'),
        workspace.createFileSystemWatcher('**/.gitignore'),
        workspace.createFileSystemWatcher(`**/${DOCKERFILE_NAMES}`),
        // Other manifests decide cross-object findings (a NetworkPolicy, a PDB, a chart's values).
        workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
        // Manifests decide which frameworks and libraries a service uses.
        workspace.createFileSystemWatcher('**/{package.json,go.mod,Cargo.toml,pom.xml,build.gradle,build.gradle.kts,pyproject.toml,requirements*.txt}'),
      ],
    },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // `readiness.run` is per folder, so the client decides per document when to pull.
      filter: (document, mode) =>
        (mode === DiagnosticPullMode.onType && runMode(document) === 'onSave') || (mode === DiagnosticPullMode.onSave && runMode(document) === 'onType'),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };

  // The id makes the client read `readiness.trace.server` on its own.
  client = new LanguageClient('readiness', 'Readiness', serverOptions, clientOptions);

  context.subscriptions.push(
    output,
    commands.registerCommand(COMMANDS.restartServer, async () => {
      await client?.restart();
    }),
    commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    commands.registerCommand(COMMANDS.openRuleDocs, async (args?: OpenRuleDocsArgs | string) => {
      let ruleId = typeof args === 'string' ? args : args?.ruleId;
      const given = typeof args === 'object' ? args.uri : undefined;
      // From the command palette: pick among the documented rules shipped with the extension.
      if (!ruleId && !given) ruleId = await pickRule(context.extensionUri);
      if (!ruleId && !given) return;
      const uri = given ? Uri.parse(given) : Uri.joinPath(context.extensionUri, ruleDocPath(ruleId as string));
      await commands.executeCommand('markdown.showPreview', uri);
    }),
  );

  const tree = new ChecklistTree();
  const view = window.createTreeView('readiness.checklist', { treeDataProvider: tree, showCollapseAll: true });
  const status = window.createStatusBarItem('readiness.score', StatusBarAlignment.Left, 10);
  status.name = 'Readiness score';
  status.command = COMMANDS.focusChecklist;

  /** Asks the server for the workspace checklist and shows it in the tree and the status bar. */
  const refresh = async (): Promise<void> => {
    const started = client;
    if (!started) return;
    status.text = '$(sync~spin) Readiness';
    status.show();
    try {
      const assessment = await started.sendRequest<AssessmentResult>(ASSESSMENT_REQUEST, {});
      tree.update(assessment);
      const first = assessment.folders[0];
      const hasAnything = assessment.folders.some((f) => f.items.some((i) => i.status !== 'n/a' && !(i.status === 'unknown' && i.reason === 'not evaluated yet')));
      void commands.executeCommand('setContext', 'readiness.hasAssessment', hasAnything);
      if (!first) {
        status.hide();
        return;
      }
      const worst = assessment.folders.reduce((a, b) => (b.score < a.score ? b : a), first);
      status.text = `$(shield) Readiness ${worst.score}`;
      status.tooltip = assessment.folders.map((f) => `${f.name}: ${f.score}/100 — ${f.verdict}`).join('\n');
      status.backgroundColor = worst.verdict === 'Not ready' ? new ThemeColor('statusBarItem.warningBackground') : undefined;
      view.message = assessment.folders.length === 1 ? `${first.score}/100 — ${first.verdict}` : undefined;
    } catch (error) {
      status.text = '$(warning) Readiness';
      status.tooltip = `The assessment failed: ${String(error)}`;
    }
  };
  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshSoon = (): void => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh(), 500);
  };

  context.subscriptions.push(
    view,
    status,
    commands.registerCommand(COMMANDS.rescan, refresh),
    commands.registerCommand(COMMANDS.showOpenItems, () => {
      tree.setFilter('open');
      void commands.executeCommand('setContext', 'readiness.filter', 'open');
    }),
    commands.registerCommand(COMMANDS.showAllItems, () => {
      tree.setFilter('all');
      void commands.executeCommand('setContext', 'readiness.filter', 'all');
    }),
    commands.registerCommand(COMMANDS.showReport, async () => {
      if (!client) return;
      const report = await client.sendRequest<ReportResult>(REPORT_REQUEST, {});
      const document = await workspace.openTextDocument({ language: 'markdown', content: report.markdown });
      await window.showTextDocument(document, { preview: true });
      await commands.executeCommand('markdown.showPreviewToSide', document.uri);
    }),
    commands.registerCommand(COMMANDS.exportSarif, async () => {
      if (!client) return;
      const folder = workspace.workspaceFolders?.[0]?.uri;
      const target = await window.showSaveDialog({
        defaultUri: folder ? Uri.joinPath(folder, 'readiness.sarif') : undefined,
        filters: { SARIF: ['sarif', 'json'] },
        title: 'Export Readiness findings as SARIF',
      });
      if (!target) return;
      const sarif = await client.sendRequest<ReportResult>(SARIF_REQUEST, {});
      await workspace.fs.writeFile(target, Buffer.from(sarif.markdown, 'utf8'));
      void window.showInformationMessage(`Readiness findings exported to ${workspace.asRelativePath(target)}.`);
    }),
  );

  void commands.executeCommand('setContext', 'readiness.filter', 'all');
  client.onNotification(ASSESSMENT_CHANGED_NOTIFICATION, () => {
    if (view.visible) refreshSoon();
  });
  context.subscriptions.push(view.onDidChangeVisibility((event) => event.visible && refreshSoon()));
  // The server starts in the background so the editor is not held up by it; requests
  // made meanwhile (a refresh, a command) wait for it inside the client.
  const starting = client;
  const serverReady = starting.start().then(
    () => {
      const ms = performance.now() - activationStarted;
      output.info(`Language server ready ${ms.toFixed(0)} ms after activation.`);
      void refresh();
      return ms;
    },
    (error: unknown) => {
      output.error(`The language server did not start: ${String(error)}`);
      status.text = '$(warning) Readiness';
      status.tooltip = `The language server did not start: ${String(error)}. See the Readiness output.`;
      status.show();
      throw error;
    },
  );
  serverReady.catch(() => undefined);
  const activationMs = performance.now() - activationStarted;
  output.info(`Activated in ${activationMs.toFixed(0)} ms.`);
  return { activationMs, serverReady };
}

async function pickRule(extension: Uri): Promise<string | undefined> {
  const rulesDir = Uri.joinPath(extension, 'rules');
  const ids: string[] = [];
  for (const [target, type] of await workspace.fs.readDirectory(rulesDir)) {
    if (type !== FileType.Directory) continue;
    for (const [file] of await workspace.fs.readDirectory(Uri.joinPath(rulesDir, target))) {
      if (file.endsWith('.md')) ids.push(`${target}/${file.slice(0, -3)}`);
    }
  }
  return window.showQuickPick(ids.sort(), { placeHolder: 'Open the documentation of a Readiness rule' });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
