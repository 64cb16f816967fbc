import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from '@typescript-eslint/typescript-estree';
import { ALL_RULES } from '../../../rules';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { lintFile } from '../../../server/src/engine/linter';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { SourceText } from '../../../server/src/engine/source';
import { EstreeDocument, type EsNode } from '../../../server/src/targets/source/estree-document';
import { nodes } from '../../../rules/js/support/estree';

const repo = path.resolve(__dirname, '../../..');

/** An express service like the ones Readiness reads: routes, a pool, clients, comments. */
function service(routes: number, semicolons = true): string {
  const out = [
    '#!/usr/bin/env node',
    "import express from 'express';",
    "import { Pool } from 'pg';",
    '',
    '/** The app. */',
    'const app = express();',
    'const pool = new Pool({ connectionString: process.env.DATABASE_URL }); // one pool',
    'app.use(express.json());',
    '',
  ];
  for (let n = 1; n <= routes; n++) {
    out.push(
      `// route ${n}: GET /orders/${n}`,
      `app.get('/orders/${n}/:id', async (req, res) => {`,
      `  const { rows } = await pool.query('SELECT * FROM orders_${n} WHERE id = $1 -- not // a comment', [req.params.id]);`,
      '  if (rows.length === 0) return res.status(404).end();',
      `  const upstream = await fetch(\`https://inventory.internal/items/\${rows[0].item /* id */}\`, { signal: AbortSignal.timeout(5000) });`,
      '  try {',
      '    res.json({ ...rows[0], stock: await upstream.json(), re: /\\/\\*[^/]*\\//g.source });',
      '  } catch (error) {',
      `    console.error('orders_${n} failed', error); /* TODO: retry */`,
      '    res.status(502).end();',
      '  }',
      '});',
      `type Order${n} = { [K in keyof Row]: Row[K] } & import('./row').Extra;`,
      `enum Status${n} { Open = 'open', Closed = 'closed' }`,
      '',
    );
  }
  out.push('const server = app.listen(8080);', "process.on('SIGTERM', () => server.close());", '/* end */');
  const text = `${out.join('\n')}\n`;
  return semicolons ? text : text.replace(/;$/gm, '');
}

const TSX = `import React from 'react';
// A component with comments everywhere JSX allows them.
export function List({ items }: { items: string[] }) {
  return (
    <ul className="a//b" /* attribute */ data-x="/* no */" // in the tag
    >
      {/* an empty expression */}
      text // that is text, /* not a comment */
      {items.map((item) => (
        <li key={item}>{item /* inner */}</li> // after an element
      ))}
      <>fragment // text</>
    </ul>
  ); // done
}
const t = \`a // \${b /* c */} // d\`;
`;

const SNIPPETS: ReadonlyArray<[string, string]> = [
  ['a.ts', '#!/usr/bin/env node\n// first\nconst a = 1; /* after */\n/** doc */\nfunction f() {}\n// last'],
  ['a.ts', "const s = '// no', d = \"/* no */\", r = /[/*]\\/\\//g; // yes\nconst t = `${a /* yes */}/* no */${'//'}`;"],
  ['a.ts', 'a;\r\n// crlf\r\nb; /* x\r\n y */\r\nc;\u2028// after a line separator\u2029d;'],
  ['a.ts', '/* only a comment */'],
  ['a.ts', ''],
  ['a.ts', 'x = y / z; // division\nx = y / /re/ / z; /* regex */\nx = y /* between */ / z;'],
  ['a.tsx', TSX],
  ['a.js', TSX.replace(': { items: string[] }', '')],
];

function reference(file: string, text: string) {
  return parse(text, { range: true, loc: true, comment: true, jsx: !file.endsWith('.ts'), errorOnUnknownASTType: false, allowInvalidAST: true, suppressDeprecatedPropertyWarnings: true }).comments;
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(full));
    else if (/\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('EstreeDocument comments', () => {
  it('are the comments typescript-estree reports, in text, range and location', () => {
    for (const [file, text] of [...SNIPPETS, ['a.ts', service(3)] as [string, string]]) {
      assert.deepStrictEqual(EstreeDocument.parse(new SourceText(file, text)).comments, reference(file, text), `${file}: ${text.slice(0, 60)}`);
    }
  });

  it('match typescript-estree on the sources of this repository', () => {
    const files = [...sourcesUnder(path.join(repo, 'server/src')), ...sourcesUnder(path.join(repo, 'rules/js'))];
    assert.ok(files.length > 50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepStrictEqual(EstreeDocument.parse(new SourceText(file, text)).comments, reference(file, text), file);
    }
  });
});

/**
 * The first difference between two ESTree values, ignoring parent links (checked
 * separately): every own property, enumerable or not, so the deprecated aliases
 * typescript-estree defines as getters are compared too.
 */
function difference(a: unknown, b: unknown, at = '$', seen = new Set<unknown>()): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== typeof b) return `${at}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${at}: ${String(a)} vs ${String(b)}`;
  if (a instanceof RegExp || b instanceof RegExp) return a instanceof RegExp && b instanceof RegExp && String(a) === String(b) ? undefined : `${at}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`;
  if (seen.has(a)) return undefined;
  seen.add(a);
  const keysOf = (o: object) => Object.getOwnPropertyNames(o).filter((k) => k !== 'parent').sort();
  const ka = keysOf(a);
  const kb = keysOf(b);
  if (ka.join() !== kb.join()) return `${at}: keys ${ka.join()} vs ${kb.join()}`;
  for (const key of ka) {
    const da = Object.getOwnPropertyDescriptor(a, key) as PropertyDescriptor;
    const db = Object.getOwnPropertyDescriptor(b, key) as PropertyDescriptor;
    if (da.enumerable !== db.enumerable || (da.get === undefined) !== (db.get === undefined)) return `${at}.${key}: property kinds differ`;
    const found = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`, seen);
    if (found) return found;
  }
  return undefined;
}

/** Every node of the tree, depth first. */
function allNodes(doc: EstreeDocument): EsNode[] {
  const out: EsNode[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      out.push(value as EsNode);
      for (const [key, child] of Object.entries(value)) if (key !== 'parent') walk(child);
    }
  };
  walk(doc.ast);
  return out;
}

function assertSameDocument(incremental: EstreeDocument, fresh: EstreeDocument, label: string): void {
  const found = difference(incremental.ast, fresh.ast);
  assert.equal(found, undefined, `${label}: the trees differ at ${found}`);
  // The same tree, so nodes correspond by their place in a walk: compare parents and lists by type through it.
  const a = allNodes(incremental);
  const b = allNodes(fresh);
  assert.equal(a.length, b.length, `${label}: node count`);
  const placeA = new Map<EsNode | undefined, number>(a.map((node, i) => [node, i]));
  const placeB = new Map<EsNode | undefined, number>(b.map((node, i) => [node, i]));
  for (let i = 0; i < a.length; i++) {
    assert.equal(placeA.get(incremental.parent(a[i] as EsNode)), placeB.get(fresh.parent(b[i] as EsNode)), `${label}: parent of node ${i}`);
  }
  for (const type of new Set(b.map((n) => n.type))) {
    const listA = nodes(incremental, type).map((n) => placeA.get(n));
    const listB = nodes(fresh, type).map((n) => placeB.get(n));
    assert.deepEqual(listA, listB, `${label}: nodes of type ${type}`);
  }
  assert.deepEqual(nodes(incremental, 'Program'), [incremental.ast], `${label}: the program`);
}

type Outcome = { doc: EstreeDocument; error?: undefined } | { doc?: undefined; error: string };

function attempt(parseIt: () => EstreeDocument): Outcome {
  try {
    return { doc: parseIt() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Parses `before`, then `after` reusing it, and checks the result against a fresh parse
 * of `after` (or the same syntax error). Returns the new document when it parsed, and
 * whether statements were reused.
 */
function edit(file: string, before: string | EstreeDocument, after: string, label: string): { doc: EstreeDocument | undefined; reused: boolean } {
  const previous = typeof before === 'string' ? EstreeDocument.parse(new SourceText(file, before)) : before;
  const oldStatements = new Set<unknown>(previous.ast.body);
  const incremental = attempt(() => EstreeDocument.parse(new SourceText(file, after), previous));
  const fresh = attempt(() => EstreeDocument.parse(new SourceText(file, after)));
  if (fresh.error !== undefined || incremental.error !== undefined) {
    assert.equal(incremental.error, fresh.error, `${label}: the same syntax error as a full parse`);
    return { doc: undefined, reused: false };
  }
  assertSameDocument(incremental.doc, fresh.doc, label);
  return { doc: incremental.doc, reused: incremental.doc.ast.body.some((s) => oldStatements.has(s)) };
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the text has ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

describe('EstreeDocument.parse with the previous version of the file', () => {
  const base = service(12);
  const noSemicolons = service(12, false);

  it('reuses the statements an edit leaves alone, and gives the tree of a full parse', () => {
    const cases: Array<[string, string]> = [
      ['comment after a statement', replaceOnce(base, 'const app = express();', 'const app = express(); // 2')],
      ['inside a handler', replaceOnce(base, 'orders_5 failed', 'orders_5 failed badly')],
      ['a new statement', replaceOnce(base, '// route 7:', 'app.use(cors());\n// route 7:')],
      ['a statement removed', replaceOnce(base, 'app.use(express.json());\n', '')],
      ['at the end', `${base}export const extra = 1;\n`],
      ['lines added before mapped types and enums', replaceOnce(base, "WHERE id = $1 -- not // a comment', [req.params.id]);", "WHERE id = $1',\n\n    [req.params.id]);")],
      ['a longer line before the rest', replaceOnce(base, 'const pool = new Pool(', 'const pool = new Pool(/* configured */ ')],
    ];
    for (const [label, after] of cases) assert.ok(edit('src/server.ts', base, after, label).reused, `${label}: statements reused`);
  });

  // Small texts are parsed whole (the region would be most of the file): enough statements
  // around them make the edit's region small.
  const filler = Array.from({ length: 40 }, (_, i) => `use${i}(${i});`).join('\n');
  const padded = (text: string) => `${filler}\n${text}${filler}\n`;
  const trailed = (text: string) => `${text}${filler}\n`;

  it('joins statements as automatic semicolon insertion does', () => {
    edit('src/server.ts', noSemicolons, replaceOnce(noSemicolons, '// route 4:', '(console.log)\n// route 4:'), 'a call on the next line');
    edit('src/server.ts', noSemicolons, replaceOnce(noSemicolons, '// route 4:', '[1, 2].forEach(f)\n// route 4:'), 'an index on the next line');
    edit('src/server.ts', noSemicolons, replaceOnce(noSemicolons, '// route 4:', '`template`\n// route 4:'), 'a template on the next line');
    edit('src/server.ts', base, replaceOnce(base, 'app.use(express.json());', 'app.use(express.json())\n(x)'), 'a semicolon removed');
    const pairs: Array<[string, string, string]> = [
      ['x();\na = b;\n(c)();\ny();\n', 'x();\na = b\n(c)();\ny();\n', 'the next statement becomes a call'],
      ['x();\na = b;\n[1, 2].forEach(f);\ny();\n', 'x();\na = b\n[1, 2].forEach(f);\ny();\n', 'the next statement becomes an index'],
      ['x();\na = b;\n`t`;\ny();\n', 'x();\na = b\n`t`;\ny();\n', 'the next statement becomes a tagged template'],
      ['if (a) b();\nc();\nd();\n', 'if (a) b();\nelse c();\nd();\n', 'an else after an if'],
      ['do x(); while (y)\n;z();\nw();\n', 'do x(); while (y)\n;\nz();\nw();\n', 'the semicolon of a do-while'],
      ['let a = f<T>\n(x);\nb();\n', 'let a = f<T>\n(x, y);\nb();\n', 'type arguments'],
      ['a = b\nc()\nd()\ne()\n', 'a = b\nc()\n++d\ne()\n', 'an increment on the next line'],
    ];
    for (const [before, after, label] of pairs) edit('src/a.ts', padded(before), padded(after), label);
  });

  it('keeps the directive prologue and module detection of a full parse', () => {
    const pairs: Array<[string, string, string]> = [
      ["'use strict';\nconst a = 1;\nfoo();\n", "'use client';\n'use strict';\nconst a = 1;\nfoo();\n", 'a directive added first'],
      ["'use strict';\nconst a = 1;\nfoo();\n", "'use strict';\n'more';\nfoo();\n", 'a string statement in the prologue'],
      ["'a';\nfoo();\n'b';\nbar();\n", "'a';\n'x';\n'b';\nbar();\n", 'the prologue grows over a string statement'],
      ["'a';\n'x';\n'b';\nbar();\n", "'a';\nfoo();\n'b';\nbar();\n", 'the prologue ends before a directive'],
      ["foo();\n'x';\nbaz();\nqux();\n", "foo();\n'x';\nbaz(1);\nqux();\n", 'a string statement after code'],
    ];
    for (const [before, after, label] of pairs) edit('src/a.js', trailed(before), trailed(after), label);
    const modules: Array<[string, string, string]> = [
      ['const a = 1;\nawait(x);\nfoo();\n', "import b from 'b';\nconst a = 1;\nawait(x);\nfoo();\n", 'a script becomes a module'],
      ["import b from 'b';\nconst a = 1;\nawait(x);\nfoo();\n", 'const a = 1;\nawait(x);\nfoo();\n', 'a module becomes a script'],
      ["import b from 'b';\nconst a = 1;\nfoo();\nbar();\n", "import b from 'b';\nconst a = 1;\nawait(x);\nbar();\n", 'top-level await in a module'],
      ["import b from 'b';\nconst a = 1;\nfoo();\nbar();\n", "import b from 'b';\nconst a = 1;\nfor await (const x of y) {}\nbar();\n", 'for await in a module'],
      ['const a = 1;\nfoo();\nbar();\n', 'const a = 1;\nfoo(import.meta.url);\nbar();\n', 'import.meta makes a module'],
      ["const a = 1;\nfoo();\nbar();\n", "const a = 1;\nexport const foo = 2;\nbar();\n", 'an export makes a module'],
      ["foo();\nfoo2();\nimport b from 'b';\nbar();\nawait(x);\n", 'foo();\nfoo2();\nbar();\nawait(x);\n', 'the only import removed'],
    ];
    for (const [before, after, label] of modules) edit('src/a.ts', trailed(before), trailed(after), label);
    // The module's import far from the edit: only the statements around it are parsed again.
    const far = `import b from 'b';\n${filler}\nfoo();\nbar();\n${filler}\n`;
    edit('src/a.ts', far, far.replace('foo();', 'await(x);'), 'top-level await far from the import');
    edit('src/a.ts', far, far.replace('foo();', 'await x;'), 'an await expression far from the import');
  });

  it('gives the syntax error of a full parse', () => {
    edit('src/server.ts', base, replaceOnce(base, 'app.use(express.json());', 'app.use(express.json();'), 'an unclosed call');
    edit('src/server.ts', base, replaceOnce(base, '// route 3:', '/* an open comment\n// route 3:'), 'an unterminated comment');
    edit('src/server.ts', base, replaceOnce(base, '// route 3:', '#!/bin/sh\n// route 3:'), 'a shebang after the start');
    edit('src/server.ts', base, replaceOnce(base, '// route 3:', '<<<<<<< HEAD\n// route 3:'), 'a merge conflict marker');
  });

  it('handles CRLF, line separators and JSX', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    edit('src/server.ts', crlf, replaceOnce(crlf, 'app.use(express.json());\r\n', 'app.use(express.json());\r\n\r\n'), 'CRLF line added');
    edit('src/server.ts', crlf, replaceOnce(crlf, 'app.use(express.json());\r', 'app.use(express.json());'), 'CR removed');
    edit('src/server.ts', base, replaceOnce(base, 'app.use(express.json());', "app.use(express.json('\u2028'));\u2028"), 'line separators');
    const tsx = `${TSX}\n${TSX.replace('List', 'Other').replace("import React from 'react';", '')}`;
    edit('src/list.tsx', tsx, replaceOnce(tsx, 'text // that is text', 'more text // that is text'), 'JSX text');
    edit('src/list.tsx', tsx, replaceOnce(tsx, '{/* an empty expression */}', '{/* an empty */ /* expression */}'), 'JSX comments');
  });

  it('gives the tree of a full parse after random edits (property)', () => {
    let seed = 20240611;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const inserts = [';', '}', '{', '(', ')', '\n', '/', '*', '`', "'", '//', '/*', '*/', 'x', ' ', '\n(f)', '\n[1]', 'else {}\n', 'await ', "'use strict';\n", "import q from 'q';\n", 'export {};\n', '${', '\r\n', '\u2028', 'a = b\n', 'const q = 1;\n', '.then(f)', '+', '<div>a</div>;\n', '@d class C {}\n'];
    const mutate = (text: string): string => {
      const at = Math.floor(random() * (text.length + 1));
      const kind = random();
      if (kind < 0.4) return text.slice(0, at) + pick(inserts) + text.slice(at);
      if (kind < 0.6) return text.slice(0, at) + text.slice(at + Math.floor(random() * 30));
      if (kind < 0.75) return text.slice(0, at) + text.slice(at, at + Math.floor(random() * 300)) + text.slice(at);
      const lines = text.split('\n');
      const line = Math.floor(random() * lines.length);
      if (kind < 0.85) lines.splice(line, 1);
      else if (kind < 0.92) lines[line] = (lines[line] ?? '').replace(/;\s*$/, '');
      else lines.splice(line, 0, lines[Math.floor(random() * lines.length)] ?? '');
      return lines.join('\n');
    };
    const bases: Array<[string, string]> = [
      ['src/server.ts', service(6)],
      ['src/server.ts', service(6, false)],
      ['src/server.ts', service(4).replace(/\n/g, '\r\n')],
      ['src/list.tsx', TSX + TSX.replace("import React from 'react';", '').replace('List', 'Other')],
      ['src/server.js', readFileSync(path.join(repo, 'test/fixtures/sample-service/services/api/src/server.ts'), 'utf8')],
    ];
    let parsed = 0;
    let reused = 0;
    for (const [file, start] of bases) {
      let text = start;
      let doc: EstreeDocument | undefined = EstreeDocument.parse(new SourceText(file, text));
      for (let i = 0; i < 30; i++) {
        const next = mutate(text);
        // Half the time the rules have read the lists by type, which an edit then carries over.
        if (doc && random() < 0.5) nodes(doc, 'CallExpression');
        const result = edit(file, doc ?? text, next, `${file}, edit ${i} (seed ${seed})`);
        if (!result.doc) {
          // The previous version was retired by the failed attempt: go on from a fresh parse.
          doc = undefined;
          continue;
        }
        parsed++;
        if (result.reused) reused++;
        text = next;
        doc = result.doc;
      }
    }
    assert.ok(parsed >= 40, `enough edits parse (${parsed})`);
    assert.ok(reused >= parsed / 4, `statements reused in ${reused} of ${parsed} edits`);
  });
});

describe('the js target through the parse cache', () => {
  it('finds after an edit what a fresh lint finds', () => {
    const cache = new ParseCache();
    const options = { rules: ALL_RULES, config: DEFAULT_CONFIG, workspace: { hasFile: () => false }, cache };
    const text = service(8);
    lintFile(new SourceText('src/server.ts', text), 'typescript', options);
    for (const [from, to] of [
      ['const app = express();', 'const app = express(); // edited'],
      ["console.error('orders_3 failed', error);", 'eval(req.body.code);'],
      ['// route 5:', 'app.get("/metrics", (req, res) => res.end()); // route 5:'],
    ] as const) {
      const edited = text.replace(from, to);
      const incremental = lintFile(new SourceText('src/server.ts', edited), 'typescript', options);
      cache.sweep();
      const fresh = lintFile(new SourceText('src/server.ts', edited), 'typescript', { ...options, cache: new ParseCache() });
      assert.deepEqual(incremental.findings, fresh.findings, `${to}: findings`);
      assert.deepEqual(incremental.evidence, fresh.evidence, `${to}: evidence`);
    }
  });
});
