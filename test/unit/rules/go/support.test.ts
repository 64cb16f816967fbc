import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Query, type Node } from 'web-tree-sitter';
import { SourceText } from '../../../../server/src/engine/source';
import { grammarOf, loadGrammars } from '../../../../server/src/targets/source/grammars';
import { SyntaxDocument } from '../../../../server/src/targets/source/syntax-document';
import { aliasOf, enclosingFunction, FUNCTION_TYPES, methodCalls, packageCalls, packageName, stringLiterals, stringValue } from '../../../../rules/go/support/go';

/** Sources with closures in closures, functions in variable initialisers, methods, chains and broken syntax. */
const SOURCES = [
  [
    '// leading comment',
    'package api',
    '',
    'import (',
    '\t"fmt"',
    '\tnethttp "net/http"',
    '\t"os"',
    ')',
    '',
    'var handler = func(w nethttp.ResponseWriter, r *nethttp.Request) { fmt.Println(r.URL) }',
    'var x, y = func() int { return 1 }, func() int { return fmt.Print(2) }',
    '',
    'type S struct{}',
    '',
    'func (s *S) Serve(mux *nethttp.ServeMux) {',
    '\tmux.HandleFunc("/a", func(w nethttp.ResponseWriter, r *nethttp.Request) {',
    '\t\tgo func() { fmt.Printf("%s", func() string { return os.Getenv("A") }()) }()',
    '\t\tdefer func() { recover() }()',
    '\t})',
    '\tfmt.Println(fmt.Sprint(1), s.Name().Other().Call(fmt.Sprintf("x")))',
    '\tfunc() {}()',
    '}',
    '',
    'func main() {',
    '\tsrv := &nethttp.Server{}',
    '\t_ = srv.ListenAndServe()',
    '\tfmt /* c */ . Println("odd spacing")',
    '\tfmt.',
    '\t\tPrintln("split")',
    '\tnethttp.ListenAndServe(":1", nil)',
    '}',
    '',
  ].join('\n'),
  'package p\n\nimport "fmt"\n\nfunc f() {\n\tfmt.Println("a"\n\tg := func() { fmt.Print( }\n}\n\nfunc h() { fmt.Println(1) }\n',
  'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfunc(n int) { fmt.Println(n) }(i)\n\t}\n}\n',
];

function parse(text: string): SyntaxDocument {
  const grammar = grammarOf('go');
  assert.ok(grammar);
  return new SyntaxDocument(new SourceText('api/api.go', text), 'go', grammar);
}

function* nodesOf(root: Node): Generator<Node> {
  const cursor = root.walk();
  for (;;) {
    yield cursor.currentNode;
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return;
      }
    }
  }
}

const where = (node: Node | undefined) => (node ? `${node.type} ${node.startIndex}-${node.endIndex}` : 'none');

describe('Go rule support', () => {
  before(() => loadGrammars(['go']));

  it('finds the function around every node, as walking up the parents does', () => {
    for (const text of SOURCES) {
      const doc = parse(text);
      for (const node of nodesOf(doc.root)) {
        let expected: Node | undefined;
        for (let current = node.parent; current && !expected; current = current.parent) if (FUNCTION_TYPES.has(current.type)) expected = current;
        assert.equal(where(enclosingFunction(doc, node)), where(expected), `around ${where(node)}`);
      }
      doc.dispose();
    }
  });

  it('finds package and method calls as a query of them does, in the same order', () => {
    const grammar = grammarOf('go');
    assert.ok(grammar);
    const packageQuery = new Query(grammar, '(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @name) arguments: (argument_list) @args) @call');
    const methodQuery = new Query(grammar, '(call_expression function: (selector_expression operand: (_) @recv field: (field_identifier) @name) arguments: (argument_list) @args) @call');
    const show = (c: { call: Node; name: string; args: Node[]; receiver?: Node }) => `${c.name} ${where(c.call)} [${c.args.map(where).join(', ')}]${c.receiver ? ` on ${where(c.receiver)}` : ''}`;
    for (const text of SOURCES) {
      const doc = parse(text);
      const get = (captures: Array<{ name: string; node: Node }>, name: string) => captures.find((c) => c.name === name)?.node as Node;
      const argsOf = (list: Node) => list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      const scopes: Array<Node | undefined> = [undefined, ...doc.root.namedChildren.filter((n): n is Node => n !== null && n.type.endsWith('declaration'))];
      for (const under of scopes) {
        for (const [path, names] of [['fmt', ['Println', 'Print', 'Printf']], ['net/http', undefined], ['os', ['Getenv']]] as const) {
          const alias = aliasOf(doc, path);
          const expected = alias
            ? packageQuery
                .matches(under ?? doc.root)
                .map((m) => ({ call: get(m.captures, 'call'), name: doc.text(get(m.captures, 'name')), args: argsOf(get(m.captures, 'args')), pkg: doc.text(get(m.captures, 'pkg')) }))
                .filter((c) => c.pkg === alias && (!names || (names as readonly string[]).includes(c.name)))
            : [];
          assert.deepEqual(packageCalls(doc, path, names, under).map(show), expected.map(show), `${path} ${names ?? 'all'} under ${where(under)}`);
        }
        const wanted = new Set(['Println', 'ListenAndServe', 'Call', 'Other', 'Name', 'HandleFunc']);
        const expected = methodQuery
          .matches(under ?? doc.root)
          .map((m) => ({ call: get(m.captures, 'call'), name: doc.text(get(m.captures, 'name')), args: argsOf(get(m.captures, 'args')), receiver: get(m.captures, 'recv') }))
          .filter((c) => wanted.has(c.name));
        assert.deepEqual(methodCalls(doc, wanted, under).map(show), expected.map(show), `methods under ${where(under)}`);
      }
      doc.dispose();
    }
    packageQuery.delete();
    methodQuery.delete();
  });

  it('reads the package name and string literal values', () => {
    const doc = parse(SOURCES[0] as string);
    assert.equal(packageName(doc), 'api');
    assert.deepEqual(
      stringLiterals(doc).map((s) => s.value),
      doc.captures('[(interpreted_string_literal) (raw_string_literal)] @s').map(({ node }) => stringValue(doc, node)),
    );
    doc.dispose();
  });
});
