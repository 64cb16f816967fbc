// `npm run bench`: speed and memory, measured rather than asserted. Machines are
// noisy, so every figure that matters is a ratio within one run (scan vs. reading and
// parsing alone) or a percentile over many samples; nothing here fails a build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { ALL_RULES } from '../rules';
import { DEFAULT_CONFIG } from '../server/src/engine/config';
import { discoverFiles } from '../server/src/engine/discovery';
import { lintFile } from '../server/src/engine/linter';
import { ParseCache } from '../server/src/engine/parse-cache';
import { scanWorkspace } from '../server/src/engine/scan';
import { SourceText } from '../server/src/engine/source';
import { targetOfKind, TARGETS } from '../server/src/targets';
import { loadGrammars, treeSitterLanguageOf, type TreeSitterLanguage } from '../server/src/targets/source/grammars';
import type { Target } from '../server/src/targets/target';
import { ASSESSMENT_REQUEST } from '../server/src/shared/protocol';

const repo = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const FILES = quick ? 2000 : 10_000;

function dockerfile(i: number, lines: number): string {
  const out = [`FROM node:20.${i % 10}-slim AS build`, 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci'];
  while (out.length < lines - 6) {
    out.push(`RUN apt-get update && apt-get install -y --no-install-recommends curl-${out.length} && rm -rf /var/lib/apt/lists/*`);
    out.push(`ENV FEATURE_${out.length}=enabled`);
  }
  out.push('FROM node:20-slim', 'COPY --from=build /app /app', 'USER node', 'EXPOSE 8080', 'CMD ["node", "/app/server.js"]');
  return `${out.join('\n')}\n`;
}

/** An express service of about `lines` lines: routes, a client, error handling, logging. */
function tsService(lines: number): string {
  const out = ["import express from 'express';", "import { Pool } from 'pg';", '', 'const app = express();', 'const pool = new Pool({ connectionString: process.env.DATABASE_URL });', 'app.use(express.json());', ''];
  let n = 0;
  while (out.length < lines - 4) {
    n++;
    out.push(
      `app.get('/orders/${n}/:id', async (req, res) => {`,
      `  const { rows } = await pool.query('SELECT * FROM orders_${n} WHERE id = $1', [req.params.id]);`,
      '  if (rows.length === 0) return res.status(404).end();',
      `  const upstream = await fetch(\`https://inventory.internal/items/\${rows[0].item}\`, { signal: AbortSignal.timeout(5000) });`,
      '  try {',
      '    res.json({ ...rows[0], stock: await upstream.json() });',
      '  } catch (error) {',
      `    console.error('orders_${n} failed', error);`,
      '    res.status(502).end();',
      '  }',
      '});',
      '',
    );
  }
  out.push("const server = app.listen(8080);", "process.on('SIGTERM', () => server.close());", '');
  return `${out.join('\n')}\n`;
}

/** A net/http service of about `lines` lines. */
function goService(lines: number): string {
  const out = ['package main', '', 'import (', '\t"encoding/json"', '\t"fmt"', '\t"net/http"', '\t"time"', ')', ''];
  let n = 0;
  while (out.length < lines - 12) {
    n++;
    out.push(
      `func handleOrder${n}(w http.ResponseWriter, r *http.Request) {`,
      '\tr.Body = http.MaxBytesReader(w, r.Body, 1<<20)',
      `\tvar order${n} map[string]any`,
      `\tif err := json.NewDecoder(r.Body).Decode(&order${n}); err != nil {`,
      '\t\thttp.Error(w, err.Error(), http.StatusBadRequest)',
      '\t\treturn',
      '\t}',
      `\tfmt.Println("order", ${n})`,
      '\tw.WriteHeader(http.StatusAccepted)',
      '}',
      '',
    );
  }
  out.push('func main() {', '\tmux := http.NewServeMux()', '\tmux.HandleFunc("/orders/1", handleOrder1)', '\tsrv := &http.Server{Addr: ":8080", Handler: mux, ReadTimeout: 5 * time.Second, WriteTimeout: 10 * time.Second}', '\t_ = srv.ListenAndServe()', '}', '');
  return `${out.join('\n')}\n`;
}

/** A monorepo of services: Dockerfiles, sources in three languages, manifests and docs. */
function makeMonorepo(root: string, total: number): void {
  const perService = 25;
  for (let s = 0; s * perService < total; s++) {
    const dir = path.join(root, 'services', `svc-${s}`);
    for (const sub of ['src', 'deploy', 'cmd']) mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), dockerfile(s, 40));
    writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n.git\n');
    writeFileSync(path.join(dir, 'README.md'), `# svc-${s}\n\nRuns the ${s}th service.\n`);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `svc-${s}`, dependencies: { express: '^4.19.2', pg: '^8.11.0' } }));
    writeFileSync(path.join(dir, 'deploy', 'deployment.yaml'), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${s}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/svc-${s}:1.0.${s}\n`);
    for (let f = 0; f < 12; f++) writeFileSync(path.join(dir, 'src', `module${f}.ts`), tsService(60));
    for (let f = 0; f < 8; f++) writeFileSync(path.join(dir, 'cmd', `handler${f}.go`), goService(60));
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

/** The floor a scan is measured against: reading every file and parsing it once, no rules. */
async function readAndParse(root: string): Promise<number> {
  const started = performance.now();
  const discovery = await discoverFiles(root, { maxFileSize: DEFAULT_CONFIG.maxFileSize });
  await loadGrammars(discovery.files.map((f) => treeSitterLanguageOf(f.kind)).filter((l): l is TreeSitterLanguage => l !== undefined));
  for (const file of discovery.files) {
    const name = targetOfKind(file.kind);
    if (!name) continue;
    const target = TARGETS[name] as Target<unknown, unknown>;
    const parsed = target.parse(new SourceText(file.path, file.text), file.kind).doc;
    if (parsed !== undefined) target.dispose?.(parsed);
  }
  return performance.now() - started;
}

async function fullScan(root: string): Promise<number> {
  const started = performance.now();
  await scanWorkspace(root, { rules: ALL_RULES, config: DEFAULT_CONFIG, cache: new ParseCache() });
  return performance.now() - started;
}

async function benchScan(root: string): Promise<void> {
  await readAndParse(root); // warm the page cache and the JIT for both sides
  await fullScan(root);
  const baseline: number[] = [];
  const scan: number[] = [];
  for (let i = 0; i < (quick ? 3 : 2); i++) {
    baseline.push(await readAndParse(root));
    scan.push(await fullScan(root));
  }
  const ratio = median(scan) / median(baseline);
  console.log(`\nWorkspace scan of ${FILES} files (Dockerfiles, TS, Go, manifests; in-process, median)`);
  console.log(`  read + parse only   ${median(baseline).toFixed(0)} ms`);
  console.log(`  full scan           ${median(scan).toFixed(0)} ms`);
  console.log(`  ratio               ${ratio.toFixed(2)}×   (target ≤ 2×)`);
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface EditCase {
  label: string;
  file: string;
  languageId: string;
  text: string;
  target: string;
  /** The n-th edited version of the text: one line changed, as typing does. */
  mutate: (text: string, n: number) => string;
}

async function startServer(root: string): Promise<{ connection: ProtocolConnection; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: `file://${root}`,
    workspaceFolders: [{ uri: `file://${root}`, name: 'bench' }],
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, window: { workDoneProgress: true } },
  });
  connection.sendNotification('initialized', {});
  return {
    connection,
    pid: child.pid ?? 0,
    stop: async () => {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}

async function benchEditor(root: string): Promise<void> {
  const chart = path.join(root, 'charts', 'api');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: api\nversion: 0.1.0\n');
  writeFileSync(
    path.join(chart, 'templates', 'deployment.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
  );
  const values = ['replicaCount: 2', 'image:', '  repository: ghcr.io/acme/api', '  tag: 1.0.0', 'resources:', '  requests: {cpu: 100m, memory: 128Mi}', '  limits: {memory: 256Mi}'];
  for (let i = 0; values.length < 200; i++) values.push(`feature${i}:`, `  enabled: ${i % 2 === 0}`, `  weight: ${i}`);
  const cases: EditCase[] = [
    { label: 'Dockerfile, 200 lines', file: 'services/edit/Dockerfile', languageId: 'dockerfile', target: '≤ 10 ms', text: dockerfile(1, 200), mutate: (t, n) => t.replace(/^WORKDIR .*$/m, `WORKDIR /app${n}`) },
    { label: 'values.yaml, 200 lines', file: 'charts/api/values.yaml', languageId: 'yaml', target: '≤ 10 ms', text: `${values.join('\n')}\n`, mutate: (t, n) => t.replace(/^replicaCount: .*$/m, `replicaCount: ${2 + (n % 3)}`) },
    { label: 'TypeScript, 2,000 lines', file: 'services/edit/src/server.ts', languageId: 'typescript', target: '≤ 30 ms', text: tsService(2000), mutate: (t, n) => t.replace("const app = express();", `const app = express(); // ${n}`) },
    { label: 'Go, 2,000 lines', file: 'services/edit/cmd/main.go', languageId: 'go', target: '≤ 30 ms', text: goService(2000), mutate: (t, n) => t.replace('package main', `package main // ${n}`) },
  ];
  writeFileSync(path.join(chart, 'values.yaml'), cases[1]?.text ?? '');
  const server = await startServer(root);
  try {
    console.log('\nEdit → diagnostics through the real server over stdio (pull, 200 edits each, after warm-up)');
    for (const c of cases) {
      const uri = `file://${path.join(root, c.file)}`;
      server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: c.languageId, version: 1, text: c.text } });
      for (let w = 0; w < 10; w++) await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      const samples: number[] = [];
      for (let n = 2; n < 202; n++) {
        const text = c.mutate(c.text, n);
        const started = performance.now();
        server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: n }, contentChanges: [{ text }] });
        await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
        samples.push(performance.now() - started);
      }
      console.log(`  ${c.label.padEnd(26)} p50 ${percentile(samples, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(2).padStart(6)} ms   (target p95 ${c.target})`);
    }
    const started = performance.now();
    await server.connection.sendRequest(ASSESSMENT_REQUEST, {});
    console.log(`\nWorkspace checklist through the server: ${(performance.now() - started).toFixed(0)} ms for ${FILES} files`);
    console.log(`  server RSS after it   ${rssOf(server.pid).toFixed(0)} MiB   (target ≤ 200 MiB)`);
    // V8 keeps the garbage of the edit bursts until the isolate has been idle a while
    // (its memory reducer), so the resting figure is what an editor left open holds.
    let resting = rssOf(server.pid);
    let restingAt = 0;
    for (let s = 1; s <= 30; s++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rss = rssOf(server.pid);
      if (rss < resting - 1) {
        resting = rss;
        restingAt = s;
      }
    }
    console.log(`  server RSS at rest    ${resting.toFixed(0)} MiB   (lowest within 30 s idle${restingAt > 0 ? `, reached after ${restingAt} s` : ''})`);
  } finally {
    await server.stop();
  }
}

async function benchHostile(): Promise<void> {
  const cache = new ParseCache();
  await loadGrammars(['go']);
  const deep = '['.repeat(20_000) + ']'.repeat(20_000);
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');
  const inputs: Array<[string, string, string, Parameters<typeof lintFile>[1]]> = [
    ['Dockerfile, one 200k-char line', 'Dockerfile', `FROM alpine:3.20\nRUN echo ${'x'.repeat(200_000)}\n`, 'dockerfile'],
    ['Dockerfile, 20k continuation lines', 'Dockerfile', `FROM alpine:3.20\nRUN true \\\n${'  && echo a \\\n'.repeat(20_000)}  && true\n`, 'dockerfile'],
    ['Dockerfile, binary noise', 'Dockerfile', Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_535)).join(''), 'dockerfile'],
    ['YAML, 20k-deep nesting', 'deploy/deep.yaml', deep, 'yaml'],
    ['YAML, alias bomb', 'deploy/bomb.yaml', bomb, 'yaml'],
    ['Helm template, broken actions', 'chart/templates/x.yaml', `kind: ConfigMap\ndata:\n  {{- range .Values.x }\n  {{ .a }}: {{\n`, 'helm-template'],
    ['TypeScript, 200k-char line', 'src/long.ts', `export const blob = "${'x'.repeat(200_000)}";\n`, 'typescript'],
    ['Go, unbalanced braces', 'cmd/bad.go', `package main\nfunc main() {${'{'.repeat(5000)}\n`, 'go'],
  ];
  console.log('\nHostile input (one lint each; must finish, never throw)');
  for (const [label, file, text, kind] of inputs) {
    const started = performance.now();
    try {
      const result = lintFile(new SourceText(file, text), kind, { rules: ALL_RULES, config: DEFAULT_CONFIG, workspace: { hasFile: () => false }, cache });
      console.log(`  ${label.padEnd(36)} ${(performance.now() - started).toFixed(1).padStart(7)} ms, ${result.findings.length} findings, ${result.problems.length} problems`);
    } catch (error) {
      console.log(`  ${label.padEnd(36)} THREW ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

function benchPackage(): void {
  console.log('\nPackage');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', "require('./dist/extension.js')"], { cwd: repo, encoding: 'utf8' });
  const loadMs = performance.now() - started;
  console.log(`  extension bundle     ${(statSync(path.join(repo, 'dist', 'extension.js')).size / 1024).toFixed(0)} KiB; loading it outside VS Code fails on 'vscode' as expected: ${result.status !== 0 ? 'yes' : 'no'} (${loadMs.toFixed(0)} ms including node start)`);
  // Packaged afresh, so the figure is the current build's and not a stale file's. Last,
  // since it leaves the production bundles in dist/.
  const out = mkdtempSync(path.join(tmpdir(), 'readiness-vsix-'));
  try {
    const vsix = path.join(out, 'readiness.vsix');
    // `npm run package` makes the production bundles the .vsix ships.
    const packed = spawnSync('npm', ['run', '--silent', 'package', '--', '-o', vsix], { cwd: repo, encoding: 'utf8' });
    if (packed.status === 0 && existsSync(vsix)) console.log(`  .vsix                ${(statSync(vsix).size / 1048576).toFixed(2)} MiB   (target ≤ 10 MiB)`);
    else console.log(`  .vsix                could not be packaged: ${(packed.stderr || packed.stdout).trim().split('\n').pop()}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Readiness benchmark — node ${process.version}, ${quick ? 'quick' : 'full'} run`);
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-bench-'));
  try {
    makeMonorepo(root, FILES);
    await benchScan(root);
    await benchHostile();
    await benchEditor(root);
    benchPackage();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
