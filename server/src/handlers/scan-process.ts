import { fork } from 'node:child_process';
import { ALL_RULES } from '../../../rules';
import type { ResolvedConfig } from '../engine/config';
import { ParseCache } from '../engine/parse-cache';
import { scanWorkspace, type ScanResult } from '../engine/scan';
import { describe } from '../lsp/context';

/**
 * A workspace scan in a child process of the server's own script. A scan reads and
 * parses every file of the workspace: in the process that answers the editor it held
 * the event loop for seconds, and its garbage grew the heap (and the resident memory,
 * which a heap does not give back) well past what the editor needs. A child's memory
 * all goes back when it exits, and the server keeps only the result. A worker thread
 * would not do: its allocator arenas stay with the process after the thread ends.
 */
const SCAN_FLAG = '--readiness-scan';

interface ScanRequest {
  folder: string;
  config: ResolvedConfig;
}

type ScanMessage = { kind: 'progress'; done: number; total: number } | { kind: 'result'; result: ScanResult } | { kind: 'error'; message: string };

/** Whether this process was started to run one scan (and must not start a language server). */
export function isScanProcess(): boolean {
  return process.argv.includes(SCAN_FLAG) && typeof process.send === 'function';
}

/** The child's side: waits for the request, scans, reports progress as the percentage changes, posts the result and leaves. */
export function runScanProcess(): void {
  const send = (message: ScanMessage, then?: () => void): void => {
    process.send?.(message, undefined, undefined, () => then?.());
  };
  // Orphaned by a server that went away: nobody wants the result.
  process.on('disconnect', () => process.exit(0));
  process.once('message', (request: ScanRequest) => {
    let reported = -1;
    scanWorkspace(request.folder, {
      rules: ALL_RULES,
      config: request.config,
      // Its own small cache: what it holds goes with the process anyway.
      cache: new ParseCache(64),
      onProgress: (done, total) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percent === reported) return;
        reported = percent;
        send({ kind: 'progress', done, total });
      },
    }).then(
      (result) => send({ kind: 'result', result }, () => process.disconnect()),
      (error: unknown) => send({ kind: 'error', message: describe(error) }, () => process.disconnect()),
    );
  });
}

/** The child could not be started at all (no process to spare): the caller may scan in-process instead. */
export class ScanProcessUnavailable extends Error {
  constructor(cause: Error) {
    super(`Could not start a process for the scan: ${cause.message}`);
    this.name = 'ScanProcessUnavailable';
  }
}

/**
 * Scans `folder` in a child process running `entry` (the server's script). Rejects when
 * the scan fails or the child dies first, with ScanProcessUnavailable when it never started.
 */
export function scanInChildProcess(entry: string, folder: string, config: ResolvedConfig, onProgress: (done: number, total: number) => void): Promise<ScanResult> {
  return new Promise<ScanResult>((resolve, reject) => {
    const child = fork(entry, [SCAN_FLAG], {
      // Maps and Sets (the configuration, the result) cross as they are.
      serialization: 'advanced',
      // Never the server's stdout, which may be the LSP stream.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      // A debugged server's inspector port is taken: the child would fail to open it.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect') && !arg.startsWith('--debug')),
    });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      if (child.exitCode === null && child.signalCode === null) child.kill();
    };
    child.on('message', (message: ScanMessage) => {
      if (message.kind === 'progress') onProgress(message.done, message.total);
      else if (message.kind === 'result') settle(() => resolve(message.result));
      else settle(() => reject(new Error(message.message)));
    });
    child.on('error', (error) => settle(() => reject(child.pid === undefined ? new ScanProcessUnavailable(error) : error)));
    // 'close', not 'exit': it comes once the channel is read to its end, so a result still in the pipe is not taken for a death.
    child.on('close', (code, signal) => settle(() => reject(new Error(`The scan stopped before it finished (${signal ?? `exit code ${code}`}).`))));
    try {
      // Failing to deliver it later is an 'error' event; failing to serialize it throws here.
      child.send({ folder, config } satisfies ScanRequest);
    } catch (error) {
      settle(() => reject(error));
    }
  });
}
