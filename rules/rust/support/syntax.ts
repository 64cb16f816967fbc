import type { Node } from 'web-tree-sitter';
import type { ProjectView } from '../../../server/src/engine/project';
import { stackOf } from '../../../server/src/engine/stack';
import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';

/**
 * Syntax helpers shared by the Rust rules, over tree-sitter-rust: attributes of an
 * item, whether code is test code, whether it runs in `fn main`, method chains.
 */

/** The `attribute` nodes of the `#[…]` items written just before an item. */
export function attributesOf(item: Node): Node[] {
  const out: Node[] = [];
  for (let sibling = item.previousNamedSibling; sibling; sibling = sibling.previousNamedSibling) {
    if (sibling.type === 'line_comment' || sibling.type === 'block_comment') continue;
    if (sibling.type !== 'attribute_item') break;
    const attribute = sibling.namedChildren.find((c) => c?.type === 'attribute');
    if (attribute) out.unshift(attribute);
  }
  return out;
}

/** The attribute's path as written: `test`, `tokio::test`, `cfg`. */
function attributeName(attribute: Node): string {
  const first = attribute.namedChildren[0];
  return first && (first.type === 'identifier' || first.type === 'scoped_identifier') ? first.text : '';
}

/** `#[cfg(test)]`, `#[cfg(all(test, feature = "x"))]`, but not `#[cfg(not(test))]`. */
export function isCfgTest(attribute: Node): boolean {
  if (attributeName(attribute) !== 'cfg') return false;
  const words = attribute.descendantsOfType('identifier').map((n) => n?.text);
  return words.includes('test') && !words.includes('not');
}

/** `#[test]`, `#[tokio::test]`, `#[rstest]`, `#[test_case(…)]`, `#[bench]`. */
function isTestAttribute(attribute: Node): boolean {
  const name = attributeName(attribute);
  const last = name.split('::').pop() ?? '';
  return last === 'test' || last === 'rstest' || last === 'test_case' || last === 'bench' || last === 'quickcheck' || last === 'proptest';
}

const ITEMS = new Set(['function_item', 'mod_item', 'impl_item', 'struct_item', 'enum_item', 'const_item', 'static_item', 'use_declaration', 'macro_definition', 'trait_item']);

/** Whether the node is inside a `#[cfg(test)]` item or a `#[test]` function (or a `proptest!` block). */
export function isTestCode(doc: SyntaxDocument, node: Node): boolean {
  const extents = testExtents(doc);
  const start = node.startIndex;
  // The last extent starting at or before the node: extents are disjoint, so only it can hold the node.
  let lo = 0;
  let hi = extents.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((extents[mid] as Extent).start <= start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = extents[lo - 1];
  return candidate !== undefined && candidate.end >= node.endIndex;
}

interface Extent {
  start: number;
  end: number;
}

/**
 * The test code of the file as disjoint extents in order: `#[cfg(test)]` items, `#[test]`
 * functions and `proptest!` blocks, found once per file from its attributes rather than
 * by walking up from every string, call and comment the rules look at.
 */
function testExtents(doc: SyntaxDocument): readonly Extent[] {
  return doc.memo('rust:test-extents', () => {
    const found: Extent[] = [];
    for (const { node: item } of doc.captures('(attribute_item) @a')) {
      const attribute = item.namedChildren.find((c) => c?.type === 'attribute');
      if (!attribute) continue;
      let target = item.nextNamedSibling;
      while (target && (target.type === 'attribute_item' || target.type === 'line_comment' || target.type === 'block_comment')) target = target.nextNamedSibling;
      if (!target || !ITEMS.has(target.type)) continue;
      if (isCfgTest(attribute) || (target.type === 'function_item' && isTestAttribute(attribute))) found.push({ start: target.startIndex, end: target.endIndex });
    }
    // Most files have no proptest block: the text says so without a query, and the query
    // runs on its own so that other files' shared whole-file walk does not carry it.
    if (doc.source.text.includes('proptest')) {
      for (const { node } of doc.captures('(macro_invocation macro: (identifier) @name) @call', doc.root)) {
        if (node.type === 'macro_invocation' && node.childForFieldName('macro')?.text === 'proptest') found.push({ start: node.startIndex, end: node.endIndex });
      }
    }
    // Nested extents (a `#[test]` function in a `#[cfg(test)]` module) fold into the outer one.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const extents: Extent[] = [];
    for (const extent of found) {
      const last = extents[extents.length - 1];
      if (last && extent.start <= last.end) last.end = Math.max(last.end, extent.end);
      else extents.push({ ...extent });
    }
    return extents;
  });
}

/** The top-level `fn main` the node is in (start-up code of a binary), if any. */
export function enclosingMain(node: Node): Node | undefined {
  for (let current: Node | null = node; current; current = current.parent) {
    if (current.type === 'function_item' && current.childForFieldName('name')?.text === 'main' && current.parent?.type === 'source_file') return current;
  }
  return undefined;
}

/** Whether the node is in the initialiser of a `const` or `static` (evaluated once, at start-up). */
export function inConstOrStatic(node: Node): boolean {
  for (let current: Node | null = node.parent; current; current = current.parent) {
    if (current.type === 'const_item' || current.type === 'static_item') return true;
    if (current.type === 'function_item') return false;
  }
  return false;
}

/** A build script: Cargo runs it at build time and reads what it prints. */
export function isBuildScript(file: string): boolean {
  return file === 'build.rs' || file.endsWith('/build.rs');
}

/**
 * The calls of a method chain, from the innermost receiver out:
 * `Client::builder().timeout(d).build()` → [builder, timeout, build] with their call nodes.
 * `start` is the innermost call; the chain continues while each call is the receiver
 * of the next method call (through `?` and `.await`).
 */
export function chainFrom(start: Node): Array<{ method: string; call: Node }> {
  const out: Array<{ method: string; call: Node }> = [];
  const fn = start.childForFieldName('function');
  out.push({ method: fn?.type === 'field_expression' ? (fn.childForFieldName('field')?.text ?? '') : (fn?.lastNamedChild?.text ?? fn?.text ?? ''), call: start });
  let current: Node = start;
  for (;;) {
    let parent = current.parent;
    while (parent && (parent.type === 'try_expression' || parent.type === 'await_expression' || parent.type === 'parenthesized_expression')) {
      current = parent;
      parent = current.parent;
    }
    if (!parent || parent.type !== 'field_expression' || parent.childForFieldName('value')?.id !== current.id) break;
    const call = parent.parent;
    if (!call || call.type !== 'call_expression' || call.childForFieldName('function')?.id !== parent.id) break;
    out.push({ method: parent.childForFieldName('field')?.text ?? '', call });
    current = call;
  }
  return out;
}

/** The method name of a method call (`x.unwrap()` → `unwrap`), else undefined. */
export function methodOf(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  return fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : undefined;
}

/** Web server frameworks of the Rust ecosystem, as crate names. */
export const RUST_SERVER_CRATES = /^(axum|actix-web|warp|rocket|tonic|hyper|poem|tide|salvo|ntex)$/;

/** Whether the workspace builds a Rust network server. */
export function isRustServer(project: ProjectView): boolean {
  return stackOf(project).has(RUST_SERVER_CRATES);
}

/** The text of a string literal's content (`"a\"b"` → `a\"b`, raw strings too). */
export function stringValue(doc: SyntaxDocument, literal: Node): string | undefined {
  if (literal.type !== 'string_literal' && literal.type !== 'raw_string_literal') return undefined;
  const content = literal.namedChildren.find((c) => c?.type === 'string_content');
  return content ? doc.text(content) : '';
}
