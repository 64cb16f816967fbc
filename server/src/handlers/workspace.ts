import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { isDockerfileName } from '../engine/classify';
import { CONFIG_FILE } from '../engine/config';
import { SourceText } from '../engine/source';
import { configErrorToDiagnostic } from '../lsp/convert';
import { guard, type ServerContext } from '../lsp/context';
import { readTextOrEmpty, type RootState } from '../lsp/workspace';
import { SETTINGS_SECTION } from '../shared/settings';
import type { DiagnosticsController } from './diagnostics';

/**
 * Everything outside the open documents that changes what a lint yields: settings,
 * `.readiness.yaml`, ignore files, which Dockerfiles and `.dockerignore`s exist, the
 * workspace folders. Each change invalidates cached lints and refreshes diagnostics.
 */
export function registerWorkspace(ctx: ServerContext, diagnostics: DiagnosticsController, assessment: { invalidate(): void }): void {
  const { connection, documents, model, linter } = ctx;
  const withConfigError = new Set<string>();

  const publishConfigDiagnostics = (state: RootState): void => {
    const file = path.join(state.root, CONFIG_FILE);
    const uri = URI.file(file).toString();
    if (!state.configError) {
      if (withConfigError.delete(uri)) diagnostics.setExtra(uri, []);
      return;
    }
    withConfigError.add(uri);
    diagnostics.setExtra(uri, [configErrorToDiagnostic(state.configError, new SourceText(CONFIG_FILE, readTextOrEmpty(file)))]);
    connection.console.warn(`${file}:${state.configError.line}: ${state.configError.reason}`);
  };
  model.onLoaded = publishConfigDiagnostics;
  // Lints made before a root's files were known may lack cross-file findings: redo them.
  linter.projects.onLoaded = (root) => {
    if (linter.dependsOnProject(root)) changed();
  };

  const changed = (): void => {
    linter.invalidate();
    diagnostics.refresh();
    assessment.invalidate();
  };

  connection.onInitialized(
    guard(connection, 'initialized', () => undefined, async () => {
      if (ctx.support.configuration && ctx.support.dynamicConfigurationChange) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (ctx.support.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          model.changeFolders(
            event.added.map((f) => f.uri),
            event.removed.map((f) => f.uri),
          );
          for (const folder of event.added) model.state(path.resolve(URI.parse(folder.uri).fsPath));
          for (const folder of event.removed) {
            const uri = URI.file(path.join(URI.parse(folder.uri).fsPath, CONFIG_FILE)).toString();
            if (withConfigError.delete(uri)) diagnostics.setExtra(uri, []);
          }
          changed();
        });
      }
      // Load every folder's configuration now, so a broken one shows before any file opens.
      for (const folder of model.folderPaths) model.state(folder);
    }),
  );

  connection.onDidChangeConfiguration(
    guard(connection, 'workspace/didChangeConfiguration', () => undefined, (params) => {
      ctx.settings.changed(params.settings);
      changed();
    }),
  );

  const onWatchedFiles = (params: DidChangeWatchedFilesParams): void => {
    let relevant = false;
    for (const change of params.changes) {
      const uri = URI.parse(change.uri);
      if (uri.scheme !== 'file') continue;
      const file = path.resolve(uri.fsPath);
      const base = path.basename(file);
      if (base === CONFIG_FILE) {
        const root = model.rootOfConfigFile(file);
        if (root !== undefined) model.reload(root);
        relevant = true;
      } else if (base === '.gitignore' || file.endsWith(path.join('.git', 'info', 'exclude'))) {
        model.invalidateFilters();
        linter.projects.clear();
        relevant = true;
      } else if (base.endsWith('.dockerignore')) {
        relevant = true;
      } else if (isDockerfileName(base) && change.type !== FileChangeType.Changed) {
        // Only whether a Dockerfile exists matters to other files' lints; its own edits arrive as didChange.
        relevant = true;
      } else if (/\.ya?ml$/i.test(base)) {
        // Another manifest's content decides cross-object findings (a NetworkPolicy, a chart's values).
        relevant = true;
      }
      const root = model.folderPaths.find((folder) => !path.relative(folder, file).startsWith('..'));
      if (root !== undefined && change.type !== FileChangeType.Changed) {
        linter.projects.update(root, path.relative(root, file).split(path.sep).join('/'), change.type === FileChangeType.Created);
      }
    }
    if (relevant) changed();
  };
  connection.onDidChangeWatchedFiles(guard(connection, 'workspace/didChangeWatchedFiles', () => undefined, onWatchedFiles));

  // Editing one manifest can change another open one's findings (a chart's values and
  // its templates, a NetworkPolicy and the workloads it selects): once typing pauses,
  // the other open YAML documents are linted again.
  let crossFileTimer: NodeJS.Timeout | undefined;
  documents.onDidChangeContent((event) => {
    if (!isYaml(event.document.uri)) return;
    if (!documents.all().some((d) => d.uri !== event.document.uri && isYaml(d.uri))) return;
    clearTimeout(crossFileTimer);
    crossFileTimer = setTimeout(changed, 300);
  });

  // For clients that watch no files: saving `.readiness.yaml` in the editor still reloads it.
  documents.onDidSave((event) => {
    const uri = URI.parse(event.document.uri);
    if (uri.scheme !== 'file' || path.basename(uri.fsPath) !== CONFIG_FILE) return;
    const root = model.rootOfConfigFile(uri.fsPath);
    if (root === undefined) return;
    model.reload(root);
    changed();
  });
}

function isYaml(uri: string): boolean {
  return /\.ya?ml$/i.test(URI.parse(uri).path);
}
