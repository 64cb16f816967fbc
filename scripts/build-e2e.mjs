#!/usr/bin/env node
// Bundles the editor tests into out/e2e/:
//   out/e2e/suite/index.js  the test entry the editor loads (mocha and the suites inside)
//   out/e2e/runTest.js      the @vscode/test-electron runner (needs internet)
// Type-checking is `npm run typecheck`, whose tsconfig includes test/e2e.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
rmSync('out/e2e', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  // Mocha's parallel mode resolves worker files next to itself; the suite never
  // runs in parallel, so those code paths stay unused in the bundle.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['test/e2e/suite/index.ts'],
    outfile: 'out/e2e/suite/index.js',
    // `vscode` exists only inside the extension host. Mocha is bundled so the entry
    // loads without resolving packages from wherever the editor runs it.
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['test/e2e/runTest.ts'],
    outfile: 'out/e2e/runTest.js',
    packages: 'external',
  }),
]);
