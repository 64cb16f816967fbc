// `npm run bench`: speed and memory, measured rather than asserted. Machines are
// noisy, so every figure that matters is a ratio within one run (scan vs. reading and
// parsing alone) or a percentile over many samples; nothing here fails a build.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ALL_RULES } from '../rules';
import { DEFAULT_CONFIG } from '../server/src/engine/config';
import { discoverFiles } from '../server/src/engine/discovery';
import { ParseCache } from '../server/src/engine/parse-cache';
import { scanWorkspace } from '../server/src/engine/scan';
import { SourceText } from '../server/src/engine/source';
import { targetOfKind, TARGETS } from '../server/src/targets';
import type { Target } from '../server/src/targets/target';

const repo = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const FILES = quick ? 2000 : 10_000;

function dockerfile(i: number, lines: number): string {
  const out = [`FROM node:20.${i % 10}-slim AS build`, 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci'];
  while (out.length < lines - 6) {
    out.push(`RUN apt-get update && apt-get install -y curl-${out.length} && rm -rf /var/lib/apt/lists/*`);
    out.push(`ENV FEATURE_${out.length}=enabled`);
  }
  out.push('FROM node:20-slim', 'COPY --from=build /app /app', 'USER node', 'EXPOSE 8080', 'CMD ["node", "/app/server.js"]');
  return `${out.join('\n')}\n`;
}

/** A monorepo of services: Dockerfiles, sources, manifests and docs in realistic proportions. */
function makeMonorepo(root: string, total: number): void {
  const perService = 25;
  for (let s = 0; s * perService < total; s++) {
    const dir = path.join(root, 'services', `svc-${s}`);
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    mkdirSync(path.join(dir, 'deploy'), { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), dockerfile(s, 40));
    writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n.git\n');
    writeFileSync(path.join(dir, 'README.md'), `# svc-${s}\n\nRuns the ${s}th service.\n`);
    writeFileSync(path.join(dir, 'deploy', 'deployment.yaml'), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${s}\nspec:\n  replicas: 2\n`);
    for (let f = 0; f < perService - 4; f++) {
      writeFileSync(path.join(dir, 'src', `module${f}.ts`), `export function handler${f}(input: string): string {\n  return input.trim();\n}\n`.repeat(20));
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function readAndParse(root: string): Promise<number> {
  const started = performance.now();
  const discovery = await discoverFiles(root, { maxFileSize: DEFAULT_CONFIG.maxFileSize });
  for (const file of discovery.files) {
    const name = targetOfKind(file.kind);
    if (!name) continue;
    const target = TARGETS[name] as Target<unknown, unknown>;
    target.parse(new SourceText(file.path, file.text), file.kind);
  }
  return performance.now() - started;
}

async function fullScan(root: string): Promise<number> {
  const started = performance.now();
  await scanWorkspace(root, { rules: ALL_RULES, config: DEFAULT_CONFIG, cache: new ParseCache() });
  return performance.now() - started;
}

async function benchScan(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-bench-'));
  try {
    makeMonorepo(root, FILES);
    await readAndParse(root); // warm the page cache and the JIT for both sides
    await fullScan(root);
    const baseline: number[] = [];
    const scan: number[] = [];
    for (let i = 0; i < 5; i++) {
      baseline.push(await readAndParse(root));
      scan.push(await fullScan(root));
    }
    const ratio = median(scan) / median(baseline);
    console.log(`\nWorkspace scan of ${FILES} files (median of 5, in-process)`);
    console.log(`  read + parse only   ${median(baseline).toFixed(0)} ms`);
    console.log(`  full scan           ${median(scan).toFixed(0)} ms`);
    console.log(`  ratio               ${ratio.toFixed(2)}×   (target ≤ 2×)`);
    console.log(`  heap after scan     ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)/.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface Edit {
  label: string;
  uri: string;
  languageId: string;
  text: string;
  /** Makes the n-th edited version of the text. */
  mutate: (text: string, n: number) => string;
}

async function benchServer(): Promise<void> {
  const serverPath = path.join(repo, 'dist', 'server.js');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-bench-lsp-'));
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: `file://${root}`,
      workspaceFolders: [{ uri: `file://${root}`, name: 'bench' }],
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: false } },
    });
    connection.sendNotification('initialized', {});
    const cases: Edit[] = [
      {
        label: 'Dockerfile, 200 lines',
        uri: `file://${root}/Dockerfile`,
        languageId: 'dockerfile',
        text: dockerfile(1, 200),
        mutate: (text, n) => text.replace(/^WORKDIR .*$/m, `WORKDIR /app${n}`),
      },
    ];
    console.log('\nEdit → diagnostics through the real server over stdio (pull, 300 edits each)');
    for (const c of cases) {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: c.uri, languageId: c.languageId, version: 1, text: c.text } });
      await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: c.uri } });
      const samples: number[] = [];
      for (let n = 2; n < 302; n++) {
        const started = performance.now();
        connection.sendNotification('textDocument/didChange', { textDocument: { uri: c.uri, version: n }, contentChanges: [{ text: c.mutate(c.text, n) }] });
        await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: c.uri } });
        samples.push(performance.now() - started);
      }
      console.log(`  ${c.label.padEnd(26)} p50 ${percentile(samples, 50).toFixed(2)} ms   p95 ${percentile(samples, 95).toFixed(2)} ms   (target p95 ≤ 10 ms)`);
    }
    console.log(`  server RSS            ${rssOf(child.pid ?? 0).toFixed(0)} MiB   (target ≤ 200 MiB)`);
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
  } finally {
    connection.dispose();
    child.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

async function benchHostile(): Promise<void> {
  const cache = new ParseCache();
  const inputs: Array<[string, string, string]> = [
    ['Dockerfile, one 200k-char line', 'Dockerfile', `FROM alpine:3.20\nRUN echo ${'x'.repeat(200_000)}\n`],
    ['Dockerfile, 20k continuation lines', 'Dockerfile', `FROM alpine:3.20\nRUN true \\\n${'  && echo a \\\n'.repeat(20_000)}  && true\n`],
    ['Dockerfile, binary noise', 'Dockerfile', Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_535)).join('')],
  ];
  console.log('\nHostile input (one lint each; must finish, never throw)');
  const { lintFile } = await import('../server/src/engine/linter');
  for (const [label, file, text] of inputs) {
    const started = performance.now();
    const result = lintFile(new SourceText(file, text), 'dockerfile', { rules: ALL_RULES, config: DEFAULT_CONFIG, workspace: { hasFile: () => false }, cache });
    console.log(`  ${label.padEnd(36)} ${(performance.now() - started).toFixed(1)} ms, ${result.findings.length} findings, ${result.problems.length} problems`);
  }
}

async function main(): Promise<void> {
  console.log(`Readiness benchmark — node ${process.version}, ${quick ? 'quick' : 'full'} run`);
  await benchScan();
  await benchHostile();
  await benchServer();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
