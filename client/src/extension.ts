/**
 * The VS Code side: starts the language server and forwards what only the editor
 * knows (settings, file events, commands). Every finding comes from the server.
 */
import * as path from 'node:path';
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import {
  DiagnosticPullMode,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ruleDocPath } from '../../rules/define-rule';
import { COMMANDS, SETTINGS_SECTION, type OpenRuleDocsArgs, type RunMode } from '../../server/src/shared/settings';

const DOCKERFILE_NAMES = '{Dockerfile,Containerfile,*.dockerfile,*.Dockerfile,Dockerfile.*,Containerfile.*}';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
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
      const ruleId = typeof args === 'string' ? args : args?.ruleId;
      const given = typeof args === 'object' ? args.uri : undefined;
      if (!ruleId && !given) return;
      const uri = given ? Uri.parse(given) : Uri.joinPath(context.extensionUri, ruleDocPath(ruleId as string));
      await commands.executeCommand('markdown.showPreview', uri);
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
