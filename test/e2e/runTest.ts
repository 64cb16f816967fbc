/**
 * Runs the editor tests in a desktop VS Code that `@vscode/test-electron` downloads,
 * so it needs internet access. Offline, `npm run test:editor` runs the same suite
 * in code-server (scripts/editor-test.mjs).
 *
 *   npm run build && node scripts/build-e2e.mjs && node out/e2e/runTest.js
 *
 * The fixture workspace is copied to a temporary folder first, since the tests
 * edit the Dockerfile and the workspace settings.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // This file is bundled to out/e2e/runTest.js.
  const root = resolve(__dirname, '..', '..');
  const scratch = mkdtempSync(join(tmpdir(), 'readiness-e2e-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'e2e', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
