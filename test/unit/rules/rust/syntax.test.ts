import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { SourceText } from '../../../../server/src/engine/source';
import { grammarOf, loadGrammars } from '../../../../server/src/targets/source/grammars';
import { SyntaxDocument } from '../../../../server/src/targets/source/syntax-document';
import { isTestCode } from '../../../../rules/rust/support/syntax';

/** Test items with comments and other attributes between, nested, in impls, negated, and proptest blocks. */
const SOURCE = [
  '#[cfg(test)]',
  '// between the attribute and the item',
  '#[allow(dead_code)]',
  'mod tests {',
  '    #[test]',
  '    fn nested() { let s = "in-cfg-test-mod"; }',
  '}',
  'impl Orders {',
  '    #[cfg(test)]',
  '    fn fixture() -> &\'static str { "in-cfg-test-fn" }',
  '    #[tokio::test]',
  '    async fn runs() { let s = "in-tokio-test"; }',
  '    #[test]',
  '    const LIMIT: &str = "test-attr-on-const";',
  '    fn list(&self) { let s = "in-prod-fn"; }',
  '}',
  '#[cfg(not(test))]',
  'fn real() { let s = "in-cfg-not-test"; }',
  '#[cfg(all(test, feature = "slow"))]',
  'struct Slow { name: &\'static str }',
  'const SLOW: Slow = Slow { name: "after-cfg-all-test" };',
  'proptest! {',
  '    fn prop(x in 0..10u8) { let s = "in-proptest"; }',
  '}',
  '#[rstest]',
  'fn case() { let s = "in-rstest"; }',
  'fn main() { let s = "in-main"; }',
].join('\n');

const EXPECTED: Record<string, boolean> = {
  'in-cfg-test-mod': true,
  'in-cfg-test-fn': true,
  'in-tokio-test': true,
  'test-attr-on-const': false,
  'in-prod-fn': false,
  'in-cfg-not-test': false,
  // Inside the attribute, not the item it applies to.
  slow: false,
  'after-cfg-all-test': false,
  'in-proptest': true,
  'in-rstest': true,
  'in-main': false,
};

describe('rust isTestCode', () => {
  before(() => loadGrammars(['rust']));

  it('tells test code from production code, string by string', () => {
    const doc = new SyntaxDocument(new SourceText('src/orders.rs', SOURCE), 'rust', grammarOf('rust') as NonNullable<ReturnType<typeof grammarOf>>);
    try {
      const seen: Record<string, boolean> = {};
      for (const { node } of doc.captures('(string_literal) @s')) seen[doc.text(node).slice(1, -1)] = isTestCode(doc, node);
      assert.deepEqual(seen, EXPECTED);
      // The item itself, and a node of the attribute before it.
      const mod = doc.root.namedChildren.find((c): c is Node => c?.type === 'mod_item');
      assert.ok(mod && isTestCode(doc, mod));
      const attribute = doc.root.namedChildren.find((c): c is Node => c?.type === 'attribute_item');
      assert.ok(attribute && !isTestCode(doc, attribute));
    } finally {
      doc.dispose();
    }
  });
});
