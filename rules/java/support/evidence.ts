import type { Node } from 'web-tree-sitter';
import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';
import { methodCalls, simpleTypeName, stringValue } from './syntax';

/** Every annotation of the file, by simple name (`@Timed`, `@io.micrometer.core.annotation.Timed(...)`). */
export function annotations(doc: SyntaxDocument, names: ReadonlySet<string>): Array<{ node: Node; name: string; strings: string[] }> {
  const out: Array<{ node: Node; name: string; strings: string[] }> = [];
  for (const { node } of doc.captures('[(marker_annotation) (annotation)] @a')) {
    const nameNode = node.childForFieldName('name');
    if (!nameNode) continue;
    const name = simpleTypeName(doc.text(nameNode));
    if (!names.has(name)) continue;
    const args = node.childForFieldName('arguments');
    const strings = args ? doc.captures('(string_literal) @s', args).map((c) => stringValue(doc, c.node)).filter((s): s is string => s !== undefined) : [];
    out.push({ node, name, strings });
  }
  return out;
}

/** Static-style calls `Type.method(...)` (`CircuitBreaker.of(...)`, `Counter.builder(...)`), by type and method names. */
export function staticCalls(doc: SyntaxDocument, types: ReadonlySet<string>, methods: ReadonlySet<string>): Array<{ node: Node; type: string; method: string }> {
  const out: Array<{ node: Node; type: string; method: string }> = [];
  for (const call of methodCalls(doc, methods)) {
    if (!call.object) continue;
    const type = simpleTypeName(doc.text(call.object));
    if (types.has(type)) out.push({ node: call.node, type, method: call.name });
  }
  return out;
}

/** Classes that implement or extend one of these types (`implements HealthIndicator`, `extends AbstractHealthIndicator`). */
export function classesOfType(doc: SyntaxDocument, types: ReadonlySet<string>): Array<{ node: Node; type: string }> {
  const out: Array<{ node: Node; type: string }> = [];
  for (const { node } of doc.captures('(class_declaration) @c')) {
    const supers = [node.childForFieldName('superclass'), node.childForFieldName('interfaces')].filter((n): n is Node => n !== null);
    for (const s of supers) {
      const found = doc.captures('[(type_identifier) (scoped_type_identifier)] @t', s).map((c) => simpleTypeName(doc.text(c.node))).find((t) => types.has(t));
      if (found) {
        out.push({ node, type: found });
        break;
      }
    }
  }
  return out;
}

/** Fields, parameters and locals declared with one of these types (`MeterRegistry registry`). */
export function declarationsOfType(doc: SyntaxDocument, types: ReadonlySet<string>): Array<{ node: Node; type: string }> {
  const out: Array<{ node: Node; type: string }> = [];
  for (const { node } of doc.captures('[(field_declaration) (formal_parameter) (local_variable_declaration)] @d')) {
    const typeNode = node.childForFieldName('type');
    if (!typeNode) continue;
    const type = simpleTypeName(doc.text(typeNode));
    if (types.has(type)) out.push({ node, type });
  }
  return out;
}

/** `new Type(...)` and `new Type<>(...)` of these simple names. */
export function newOf(doc: SyntaxDocument, types: ReadonlySet<string>): Array<{ node: Node; type: string }> {
  const out: Array<{ node: Node; type: string }> = [];
  for (const { node } of doc.captures('(object_creation_expression) @n')) {
    const typeNode = node.childForFieldName('type');
    if (!typeNode) continue;
    const type = simpleTypeName(doc.text(typeNode));
    if (types.has(type)) out.push({ node, type });
  }
  return out;
}

/** Records each piece of evidence once, in source order. */
export function recordInOrder(found: Array<{ node: Node; note: string }>, record: (node: Node, note: string) => void): void {
  const seen = new Set<number>();
  for (const { node, note } of found.sort((a, b) => a.node.startIndex - b.node.startIndex)) {
    if (seen.has(node.startIndex)) continue;
    seen.add(node.startIndex);
    record(node, note);
  }
}
