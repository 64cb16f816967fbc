import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

/** The languages read with tree-sitter; TypeScript and JavaScript use typescript-estree. */
export type TreeSitterLanguage = 'go' | 'rust' | 'java' | 'python';

const loaded = new Map<TreeSitterLanguage, Language>();
const loading = new Map<TreeSitterLanguage, Promise<Language | undefined>>();
let runtime: Promise<void> | undefined;

/**
 * Where a grammar's WASM file is: beside the bundle (`dist/grammars/`, what the
 * `.vsix` and the CLI ship) or, running from source, in the grammar's npm package.
 */
function grammarFile(language: TreeSitterLanguage): string | undefined {
  const name = `tree-sitter-${language}.wasm`;
  const candidates = [path.join(__dirname, 'grammars', name), path.join(__dirname, '..', 'dist', 'grammars', name)];
  try {
    candidates.push(path.join(path.dirname(require.resolve(`tree-sitter-${language}/package.json`)), name));
  } catch {
    // Not installed: only the bundled copy can serve.
  }
  return candidates.find((file) => existsSync(file));
}

function runtimeFile(): string | undefined {
  const candidates = [path.join(__dirname, 'web-tree-sitter.wasm')];
  try {
    candidates.push(path.join(path.dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'));
  } catch {
    // Bundled: the copy beside the bundle serves.
  }
  return candidates.find((file) => existsSync(file));
}

/**
 * Loads grammars once each, only for languages the workspace has, before any lint
 * that needs them (parsing itself stays synchronous). A grammar that fails to load
 * leaves its files unparsed with a problem saying so; nothing else stops.
 */
export async function loadGrammars(languages: Iterable<TreeSitterLanguage>): Promise<void> {
  const wanted = [...new Set(languages)].filter((l) => !loaded.has(l));
  if (wanted.length === 0) return;
  runtime ??= Parser.init({ locateFile: (file: string) => (file.endsWith('.wasm') ? (runtimeFile() ?? file) : file) });
  await runtime;
  await Promise.all(
    wanted.map((language) => {
      let pending = loading.get(language);
      if (!pending) {
        const file = grammarFile(language);
        pending = file
          ? Language.load(file).then(
              (grammar) => {
                loaded.set(language, grammar);
                return grammar;
              },
              () => undefined,
            )
          : Promise.resolve(undefined);
        loading.set(language, pending);
      }
      return pending;
    }),
  );
}

export function grammarOf(language: TreeSitterLanguage): Language | undefined {
  return loaded.get(language);
}

/** Which tree-sitter language a file kind is read with, if any. */
export function treeSitterLanguageOf(kind: string): TreeSitterLanguage | undefined {
  return kind === 'go' || kind === 'rust' || kind === 'java' || kind === 'python' ? kind : undefined;
}
