// Builds the three bundles of cli.md: dist/extension.js (VS Code client),
// dist/server.js (language server) and dist/cli.js (command line), and the chunks
// they load on demand.
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

/**
 * The TypeScript compiler is most of the server's code but only needed once a TS/JS
 * file is read: it gets bundles of its own, required on first use, so the server
 * starts without parsing it.
 */
const LAZY_CHUNKS = { typescript: './typescript.js', '@typescript-eslint/typescript-estree': './typescript-estree.js' };
function lazyChunks(except) {
  return {
    name: 'lazy-chunks',
    setup(build) {
      // tsserverlibrary is the same module as typescript since TypeScript 5.
      build.onResolve({ filter: /^(typescript(\/lib\/tsserverlibrary)?|@typescript-eslint\/typescript-estree)$/ }, (args) => {
        const name = args.path.startsWith('typescript') ? 'typescript' : args.path;
        return name === except ? undefined : { path: LAZY_CHUNKS[name], external: true };
      });
    },
  };
}

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [problemMatcher, lazyChunks()] },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', plugins: [problemMatcher, lazyChunks()] },
  { entryPoints: ['typescript'], outfile: 'dist/typescript.js', plugins: [problemMatcher, lazyChunks('typescript')] },
  {
    entryPoints: ['@typescript-eslint/typescript-estree'],
    outfile: 'dist/typescript-estree.js',
    plugins: [problemMatcher, lazyChunks('@typescript-eslint/typescript-estree')],
  },
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
