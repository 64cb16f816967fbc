import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { ALL_RULES } from '../../../rules';
import { formatMarkdown } from '../cli/formats/markdown';
import { formatSarif } from '../cli/formats/sarif';
import { ParseCache } from '../engine/parse-cache';
import { scanWorkspace, type ScanResult } from '../engine/scan';
import { guard, type ServerContext } from '../lsp/context';
import { scanInChildProcess, ScanProcessUnavailable } from './scan-process';
import {
  ASSESSMENT_CHANGED_NOTIFICATION,
  ASSESSMENT_REQUEST,
  REPORT_REQUEST,
  SARIF_REQUEST,
  type AssessmentResult,
  type FolderAssessment,
  type ReportParams,
  type ReportResult,
} from '../shared/protocol';

/**
 * The workspace checklist, report and SARIF for the client: a scan of each folder
 * with the CLI's engine, kept until a file is saved or the configuration changes, with
 * `$/progress` while it runs. The scan reads the saved files, as CI would, in a child
 * process of `entry` (the server's own script), so the editor is answered meanwhile.
 */
export function registerAssessment(ctx: ServerContext, entry: string): { invalidate(): void } {
  const { connection, model } = ctx;
  const results = new Map<string, Promise<ScanResult>>();

  const scan = (folder: string): Promise<ScanResult> => {
    let pending = results.get(folder);
    if (!pending) {
      pending = runScan(connection, folder, ctx);
      results.set(folder, pending);
      pending.catch(() => results.delete(folder));
    }
    return pending;
  };

  const folders = (): string[] => [...model.folderPaths].sort();

  connection.onRequest(
    ASSESSMENT_REQUEST,
    guard(connection, ASSESSMENT_REQUEST, () => ({ folders: [] }), async (): Promise<AssessmentResult> => {
      const assessed = await Promise.all(folders().map(async (folder) => toProtocol(folder, await scan(folder))));
      return { folders: assessed };
    }),
  );

  connection.onRequest(
    REPORT_REQUEST,
    guard(connection, REPORT_REQUEST, () => ({ folder: '', markdown: '' }), async (params: ReportParams): Promise<ReportResult> => {
      const folder = pickFolder(params.folder, folders());
      if (!folder) return { folder: '', markdown: '# Production readiness\n\nOpen a folder to assess it.\n' };
      return { folder: URI.file(folder).toString(), markdown: formatMarkdown(await scan(folder)) };
    }),
  );

  connection.onRequest(
    SARIF_REQUEST,
    guard(connection, SARIF_REQUEST, () => ({ folder: '', markdown: '' }), async (params: ReportParams): Promise<ReportResult> => {
      const folder = pickFolder(params.folder, folders());
      if (!folder) return { folder: '', markdown: '' };
      return { folder: URI.file(folder).toString(), markdown: formatSarif(await scan(folder), ALL_RULES) };
    }),
  );

  // Saving a file changes what a scan reads; the client asks again when it wants to.
  ctx.documents.onDidSave(() => invalidate());

  function invalidate(): void {
    if (results.size === 0) return;
    results.clear();
    void connection.sendNotification(ASSESSMENT_CHANGED_NOTIFICATION);
  }
  return { invalidate };

  async function runScan(conn: Connection, folder: string, context: ServerContext): Promise<ScanResult> {
    const state = context.model.state(folder);
    const progress = await conn.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Readiness', 0, `Assessing ${path.basename(folder)}`, false);
    const onProgress = (done: number, total: number): void => progress?.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done}/${total} files`);
    try {
      return await scanInChildProcess(entry, folder, state.config, onProgress);
    } catch (error) {
      if (!(error instanceof ScanProcessUnavailable)) throw error;
      conn.console.warn(`${error.message}; scanning in the server instead.`);
      // Its own small cache, let go with the scan: a workspace's syntax trees must not stay resident.
      return await scanWorkspace(folder, { rules: ALL_RULES, config: state.config, cache: new ParseCache(64), onProgress });
    } finally {
      progress?.done();
    }
  }
}

function pickFolder(requested: string | undefined, folders: readonly string[]): string | undefined {
  if (requested) {
    const wanted = path.resolve(URI.parse(requested).fsPath);
    return folders.find((f) => f === wanted) ?? folders[0];
  }
  return folders[0];
}

function toProtocol(folder: string, result: ScanResult): FolderAssessment {
  // Thousands of findings and evidence share a few hundred files: each file's URI is made once.
  const uris = new Map<string, string>();
  const uri = (file: string): string => {
    let found = uris.get(file);
    if (found === undefined) {
      found = URI.file(path.join(folder, file)).toString();
      uris.set(file, found);
    }
    return found;
  };
  const findingsByItem = new Map<string, ScanResult['findings']>();
  for (const finding of result.findings) {
    const list = findingsByItem.get(finding.item);
    if (list) list.push(finding);
    else findingsByItem.set(finding.item, [finding]);
  }
  return {
    folder: URI.file(folder).toString(),
    name: path.basename(folder),
    score: result.score,
    verdict: result.verdict,
    filesScanned: result.files.scanned,
    skipped: result.files.skipped,
    items: result.checklist.map((entry) => ({
      item: entry.item,
      title: entry.title,
      category: entry.category,
      status: entry.status,
      ...(entry.reason ? { reason: entry.reason } : {}),
      evidence: entry.evidence.map((e) => ({ note: e.note, location: { uri: uri(e.file), line: e.line ?? 0, character: 0 } })),
      findings: (findingsByItem.get(entry.item) ?? []).map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        location: { uri: uri(f.file), line: f.range.start.line, character: f.range.start.character },
      })),
    })),
  };
}
