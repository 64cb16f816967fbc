import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { Query, type Node, type QueryCapture, type QueryMatch, type Tree } from 'web-tree-sitter';
import { ALL_RULES } from '../../../rules';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { lintFile } from '../../../server/src/engine/linter';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { SourceText } from '../../../server/src/engine/source';
import { grammarOf, loadGrammars, type TreeSitterLanguage } from '../../../server/src/targets/source/grammars';
import { SyntaxDocument, textEdit } from '../../../server/src/targets/source/syntax-document';
import { goTarget } from '../../../server/src/targets/source/targets';

const LANGUAGES: readonly TreeSitterLanguage[] = ['go', 'rust', 'java', 'python'];

function grammar(language: TreeSitterLanguage) {
  const loaded = grammarOf(language);
  assert.ok(loaded, `the ${language} grammar loads`);
  return loaded;
}

function fresh(language: TreeSitterLanguage, text: string): SyntaxDocument {
  return new SyntaxDocument(new SourceText('file', text), language, grammar(language));
}

/** Every node with its field, kind and extent: what a rule can observe of a tree. */
function dump(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.walk();
  let depth = 0;
  for (;;) {
    const start = cursor.startPosition;
    const end = cursor.endPosition;
    out.push(
      `${'  '.repeat(depth)}${cursor.currentFieldName ?? ''}:${cursor.nodeType}${cursor.nodeIsMissing ? '!' : ''} ` +
        `${cursor.startIndex}-${cursor.endIndex} ${start.row}:${start.column}-${end.row}:${end.column}`,
    );
    if (cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
      depth--;
    }
  }
}

function assertSameTree(actual: SyntaxDocument, expected: SyntaxDocument, label: string): void {
  assert.equal(actual.root.toString(), expected.root.toString(), label);
  assert.deepEqual(dump(actual.tree), dump(expected.tree), label);
}

const GO = [
  'package main',
  '',
  'import (',
  '\t"fmt"',
  '\t"net/http"',
  ')',
  '',
  '// héllo 日本 😀 greeting',
  'func handle(w http.ResponseWriter, r *http.Request) {',
  '\tname := "wörld 😀"',
  '\tfmt.Println("hello", name)',
  '}',
  '',
  'func main() {',
  '\thttp.HandleFunc("/", handle)',
  '\t_ = http.ListenAndServe(":8080", nil)',
  '}',
  '',
].join('\n');

/** Each edit turns the text into the next version; every version is checked against a fresh parse. */
const GO_EDITS: ReadonlyArray<[string, (text: string) => string]> = [
  ['comment after the package clause', (t) => t.replace('package main', 'package main // 1')],
  ['the comment again', (t) => t.replace('// 1', '// 12')],
  ['insertion at the start', (t) => `// head\n${t}`],
  ['deletion at the start', (t) => t.slice('// head\n'.length)],
  ['insertion at the end', (t) => `${t}func tail() {}\n`],
  ['deletion at the end', (t) => t.slice(0, -'func tail() {}\n'.length)],
  ['edit after non-ASCII text on the same line', (t) => t.replace('greeting', 'greetings')],
  ['edit inside a non-ASCII string', (t) => t.replace('wörld 😀', 'wörld 😁')],
  ['emoji replaced by another sharing its high surrogate', (t) => t.replace('😁', '😂')],
  ['edit on a line after non-ASCII lines', (t) => t.replace('"hello", name', '"hi", name, 1')],
  ['a new line inserted mid-file', (t) => t.replace('\tname := ', '\tcount := 1\n\tname := ')],
  ['a line deleted mid-file', (t) => t.replace('\tcount := 1\n', '')],
  ['syntax broken', (t) => t.replace('func main() {', 'func main() {{')],
  ['syntax restored', (t) => t.replace('func main() {{', 'func main() {')],
  ['an unterminated string', (t) => t.replace('"/", handle', '"/, handle')],
  ['the string closed again', (t) => t.replace('"/, handle', '"/", handle')],
  ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
  ['an edit after CRLF lines', (t) => t.replace('":8080"', '":9090"')],
  ['LF line ends again', (t) => t.replace(/\r\n/g, '\n')],
  ['a function renamed', (t) => t.replace('func handle(', 'func handleAll(').replace('"/", handle)', '"/", handleAll)')],
  ['the whole text replaced', () => 'package other\n\nfunc f() int { return 1 }\n'],
  ['emptied', () => ''],
  ['filled again', () => GO],
  ['a duplicated block', (t) => t + t.slice(t.indexOf('func main'))],
];

describe('SyntaxDocument incremental parsing', () => {
  before(() => loadGrammars(LANGUAGES));

  it('gives the tree a fresh parse gives, edit after edit', () => {
    let previous = fresh('go', GO);
    for (const [label, edit] of GO_EDITS) {
      const text = edit(previous.source.text);
      const incremental = new SyntaxDocument(new SourceText('file', text), 'go', grammar('go'), previous);
      const expected = fresh('go', text);
      assertSameTree(incremental, expected, label);
      expected.dispose();
      previous.dispose();
      previous = incremental;
    }
    previous.dispose();
  });

  it('gives the tree a fresh parse gives for every edit of a small text', () => {
    // Every single-character deletion and one insertion at each offset of a short file,
    // each from the same previous version: syntax broken and mended at every place.
    const base = 'package p\n\n// é 日\nfunc f(a int) string {\n\treturn "x😀"\n}\n';
    const previous = fresh('go', base);
    for (let i = 0; i <= base.length; i++) {
      for (const text of [base.slice(0, i) + base.slice(i + 1), `${base.slice(0, i)}(${base.slice(i)}`]) {
        const incremental = new SyntaxDocument(new SourceText('file', text), 'go', grammar('go'), previous);
        const expected = fresh('go', text);
        assertSameTree(incremental, expected, JSON.stringify(text));
        incremental.dispose();
        expected.dispose();
      }
    }
    previous.dispose();
  });

  it('gives the tree a fresh parse gives in every tree-sitter language', () => {
    const samples: Record<Exclude<TreeSitterLanguage, 'go'>, [string, string]> = {
      rust: ['// é 日本\nfn main() {\n    let s = "😀";\n    println!("{}", s);\n}\n', '// é 日本\nfn main() {\n    let s = "😀!";\n    println!("{} {}", s, 1);\n}\n'],
      java: ['// é 日本\nclass A {\n  void f() { System.out.println("😀"); }\n}\n', '// é 日本\nclass A {\n  int n;\n  void f() { System.out.println("😁"); }\n}\n'],
      python: ['# é 日本\ndef f():\n    print("😀")\n', '# é 日本\ndef f():\n    x = 1\n    print("😀", x)\n'],
    };
    for (const [language, [before, after]] of Object.entries(samples) as Array<[TreeSitterLanguage, [string, string]]>) {
      const previous = fresh(language, before);
      const incremental = new SyntaxDocument(new SourceText('file', after), language, grammar(language), previous);
      const expected = fresh(language, after);
      assertSameTree(incremental, expected, language);
      for (const doc of [previous, incremental, expected]) doc.dispose();
    }
  });

  it('reuses the unchanged parts of the previous tree', () => {
    const previous = fresh('go', GO);
    const text = GO.replace('package main', 'package main // 1');
    const incremental = new SyntaxDocument(new SourceText('file', text), 'go', grammar('go'), previous);
    const lastFunction = (doc: SyntaxDocument) => doc.root.namedChildren.filter((n): n is Node => n?.type === 'function_declaration').pop();
    assert.equal(lastFunction(incremental)?.id, lastFunction(previous)?.id);
    assert.notEqual(lastFunction(fresh('go', text))?.id, lastFunction(previous)?.id);
    incremental.dispose();
    previous.dispose();
  });

  it('leaves the previous document readable', () => {
    const previous = fresh('go', GO);
    const before = dump(previous.tree);
    const next = new SyntaxDocument(new SourceText('file', `// x\n${GO}`), 'go', grammar('go'), previous);
    assert.deepEqual(dump(previous.tree), before);
    next.dispose();
    previous.dispose();
  });

  it('parses afresh when the previous document was disposed', () => {
    const previous = fresh('go', GO);
    previous.dispose();
    const next = new SyntaxDocument(new SourceText('file', `// x\n${GO}`), 'go', grammar('go'), previous);
    assertSameTree(next, fresh('go', `// x\n${GO}`), 'after dispose');
    next.dispose();
  });

  it('is what the parse cache hands out on an edit', () => {
    const cache = new ParseCache();
    const first = cache.get(goTarget, new SourceText('main.go', GO), 'go').doc;
    const text = GO.replace('package main', 'package main // 1');
    const second = cache.get(goTarget, new SourceText('main.go', text), 'go').doc;
    assert.ok(first && second);
    assertSameTree(second, fresh('go', text), 'through the cache');
    cache.clear();
  });
});

describe('textEdit', () => {
  const edit = (before: string, after: string) => {
    const e = textEdit(before, after);
    return [e.startIndex, e.oldEndIndex, e.newEndIndex, e.startPosition, e.oldEndPosition, e.newEndPosition];
  };

  it('spans what lies between the common prefix and suffix, in UTF-16 units', () => {
    assert.deepEqual(edit('ab\ncd', 'ab\nxcd'), [3, 3, 4, { row: 1, column: 0 }, { row: 1, column: 0 }, { row: 1, column: 1 }]);
    assert.deepEqual(edit('é日\nab', 'é日\naXb'), [4, 4, 5, { row: 1, column: 1 }, { row: 1, column: 1 }, { row: 1, column: 2 }]);
    assert.deepEqual(edit('abc', 'abc'), [3, 3, 3, { row: 0, column: 3 }, { row: 0, column: 3 }, { row: 0, column: 3 }]);
    assert.deepEqual(edit('a\nb\nc', 'a\nc'), [2, 4, 2, { row: 1, column: 0 }, { row: 2, column: 0 }, { row: 1, column: 0 }]);
  });

  it('counts rows at line feeds only, as tree-sitter does', () => {
    assert.deepEqual(edit('a\r\nb', 'a\r\nbc'), [4, 4, 5, { row: 1, column: 1 }, { row: 1, column: 1 }, { row: 1, column: 2 }]);
    assert.deepEqual(edit('a\rb', 'a\rbc'), [3, 3, 4, { row: 0, column: 3 }, { row: 0, column: 3 }, { row: 0, column: 4 }]);
  });

  it('never splits a surrogate pair', () => {
    // 😀 and 😁 share their high surrogate; 😀 and 🙀 their low one.
    assert.deepEqual(edit('x😀y', 'x😁y').slice(0, 3), [1, 3, 3]);
    assert.deepEqual(edit('x😀y', 'x🙀y').slice(0, 3), [1, 3, 3]);
  });
});

describe('SyntaxDocument whole-file queries', () => {
  before(() => loadGrammars(LANGUAGES));

  const key = (c: QueryCapture) => `${c.patternIndex} ${c.name} ${c.node.type} ${c.node.startIndex}-${c.node.endIndex}`;
  const matchKey = (m: QueryMatch) => `${m.patternIndex} [${m.captures.map(key).join(', ')}]`;

  it('answer what the query answers on its own, in the same order', () => {
    const cases: Array<[TreeSitterLanguage, string, string[]]> = [
      ['go', 'package p\nfunc f() { g()(h()); a.b()(); x := []int{1}; _ = map[string]int{"a": 1} }\n', ['(call_expression) @c', '(call_expression function: (_) @f) @c', '(call_expression arguments: (argument_list) @a) @c', '[(interpreted_string_literal) (int_literal)] @v', '(composite_literal) @l']],
      ['rust', 'fn main() { a::b(c::d()); x.unwrap(); }\n', ['(call_expression function: (scoped_identifier) @fn) @call', '(call_expression function: [(scoped_identifier) (identifier)] @fn) @call']],
      ['java', 'class A { @Bean void f() { new B(new C()); } }\n', ['[(marker_annotation) (annotation)] @a', '(object_creation_expression) @n']],
      ['python', 'import os\nx = f(g(1))\nprint("a")\n', ['(call function: (_) arguments: (argument_list)) @call', '(string) @s']],
    ];
    for (const [language, text, patterns] of cases) {
      const doc = fresh(language, text);
      for (const pattern of patterns) {
        const query = new Query(grammar(language), pattern);
        assert.deepEqual(doc.captures(pattern).map(key), query.captures(doc.root).map(key), `${language} captures ${pattern}`);
        assert.deepEqual(doc.matches(pattern).map(matchKey), query.matches(doc.root).map(matchKey), `${language} matches ${pattern}`);
        query.delete();
      }
      doc.dispose();
    }
  });

  it('answer what each query answers on its own for every pattern the rules ask for', () => {
    // Lints sources of every language with all rules and checks each whole-file answer
    // against the pattern run alone.
    const fixtures = path.join(__dirname, '..', '..', 'fixtures');
    const files: Array<[string, 'go' | 'rust' | 'java' | 'python', string]> = [
      ['cmd/worker/main.go', 'go', readFileSync(path.join(fixtures, 'sample-service/services/worker/cmd/worker/main.go'), 'utf8')],
      ['cmd/api/main.go', 'go', readFileSync(path.join(fixtures, 'repo-evidence/without-ci/cmd/api/main.go'), 'utf8')],
      ['src/main.rs', 'rust', readFileSync(path.join(fixtures, 'source/rust/bad/src/main.rs'), 'utf8')],
      ['src/routes.rs', 'rust', readFileSync(path.join(fixtures, 'source/rust/bad/src/routes.rs'), 'utf8')],
      ['cmd/gen/main.go', 'go', GO],
      [
        'src/main/java/App.java',
        'java',
        'package a;\n@SpringBootApplication\nclass App {\n  @Value("${x}") String password = "hunter2hunter2";\n  void f() throws Exception { try { new ObjectInputStream(in).readObject(); } catch (Exception e) {} System.out.println("x"); }\n}\n',
      ],
      ['app/main.py', 'python', 'import pickle, requests\nfrom flask import Flask\napp = Flask(__name__)\nPASSWORD = "hunter2hunter2"\ntry:\n    requests.get("http://10.0.0.1", verify=False)\nexcept:\n    pass\nprint("debug")\napp.run(debug=True)\n'],
    ];
    const prototype = SyntaxDocument.prototype;
    const { captures, matches } = prototype;
    let checked = 0;
    prototype.captures = function (this: SyntaxDocument, pattern: string, node?: Node) {
      const answer = captures.call(this, pattern, node);
      if (!node) {
        checked++;
        assert.deepEqual(answer.map(key), new Query(grammar(this.language), pattern).captures(this.root).map(key), pattern);
      }
      return answer;
    };
    prototype.matches = function (this: SyntaxDocument, pattern: string, node?: Node) {
      const answer = matches.call(this, pattern, node);
      if (!node) {
        checked++;
        assert.deepEqual(answer.map(matchKey), new Query(grammar(this.language), pattern).matches(this.root).map(matchKey), pattern);
      }
      return answer;
    };
    try {
      const cache = new ParseCache();
      for (const [file, kind, text] of files) {
        lintFile(new SourceText(file, text), kind, { rules: ALL_RULES, config: DEFAULT_CONFIG, workspace: { hasFile: () => false }, cache });
      }
      cache.clear();
    } finally {
      prototype.captures = captures;
      prototype.matches = matches;
    }
    assert.ok(checked > 40, `${checked} whole-file answers checked`);
  });
});
