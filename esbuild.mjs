// Builds the three bundles of cli.md: dist/extension.js (VS Code client),
// dist/server.js (language server) and dist/cli.js (command line).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the form VS Code's $esbuild-watch problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [problemMatcher],
  // web-tree-sitter finds its files through import.meta.url, which a CommonJS bundle lacks.
  define: { 'import.meta.url': '__readinessImportMetaUrl' },
  banner: { js: "const __readinessImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];

/**
 * The tree-sitter runtime and the grammars of the languages Readiness reads, copied
 * beside the bundles: the `.vsix` and the CLI load them from there, not from
 * node_modules.
 */
function copyWasm() {
  const require = createRequire(import.meta.url);
  mkdirSync('dist/grammars', { recursive: true });
  copyFileSync(path.join(path.dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
  for (const language of ['go', 'rust', 'java', 'python']) {
    const dir = path.dirname(require.resolve(`tree-sitter-${language}/package.json`));
    copyFileSync(path.join(dir, `tree-sitter-${language}.wasm`), `dist/grammars/tree-sitter-${language}.wasm`);
  }
}

copyWasm();

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  chmodSync('dist/cli.js', 0o755);
}
