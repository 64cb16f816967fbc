import type { Node } from 'web-tree-sitter';
import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';
import { enclosing } from '../../../server/src/targets/source/syntax-document';

/** The value of a plain string literal (`"abc"`), undefined for anything else (text blocks included). */
export function stringValue(doc: SyntaxDocument, node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string_literal') return undefined;
  if (doc.text(node).startsWith('"""')) return undefined;
  let value = '';
  for (const part of node.namedChildren) {
    if (part.type === 'string_fragment' || part.type === 'escape_sequence') value += doc.text(part);
    else return undefined;
  }
  return value;
}

/** Every method call, with its name and the expression it is called on (null for a bare call). */
export interface MethodCall {
  node: Node;
  name: string;
  nameNode: Node;
  object: Node | null;
  args: Node[];
}

const CALL_QUERY = '(method_invocation name: (identifier) @name) @call';

export function methodCalls(doc: SyntaxDocument, names?: ReadonlySet<string>, under?: Node): MethodCall[] {
  const out: MethodCall[] = [];
  for (const match of doc.matches(CALL_QUERY, under)) {
    const node = match.captures.find((c) => c.name === 'call')?.node;
    const nameNode = match.captures.find((c) => c.name === 'name')?.node;
    if (!node || !nameNode) continue;
    const name = doc.text(nameNode);
    if (names && !names.has(name)) continue;
    out.push({ node, name, nameNode, object: node.childForFieldName('object'), args: node.childForFieldName('arguments')?.namedChildren ?? [] });
  }
  return out;
}

/** `new Type(...)` expressions of these simple type names (`java.net.Socket` counts as `Socket`). */
export function constructions(doc: SyntaxDocument, types: ReadonlySet<string>, under?: Node): Array<{ node: Node; type: string; typeNode: Node; args: Node[] }> {
  const out: Array<{ node: Node; type: string; typeNode: Node; args: Node[] }> = [];
  for (const { node } of doc.captures('(object_creation_expression) @new', under)) {
    const typeNode = node.childForFieldName('type');
    if (!typeNode) continue;
    const type = simpleTypeName(doc.text(typeNode));
    if (types.has(type)) out.push({ node, type, typeNode, args: node.childForFieldName('arguments')?.namedChildren ?? [] });
  }
  return out;
}

/** `java.net.Socket` → `Socket`; `Map<String, X>` → `Map`. */
export function simpleTypeName(text: string): string {
  const base = text.replace(/<.*$/s, '').trim();
  return base.slice(base.lastIndexOf('.') + 1);
}

/** The method, constructor or initializer a node sits in (the class body for field initializers). */
export function enclosingBody(node: Node): Node | undefined {
  return enclosing(node, ['method_declaration', 'constructor_declaration', 'static_initializer', 'class_body', 'program']);
}

/** The variable a `new X(...)` or call result is assigned to or declared as: `Socket s = new Socket(...)`, `s = new Socket(...)`. */
export function assignedName(doc: SyntaxDocument, node: Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'variable_declarator' && parent.childForFieldName('value')?.id === node.id) {
    const name = parent.childForFieldName('name');
    return name ? doc.text(name) : undefined;
  }
  if (parent.type === 'assignment_expression' && parent.childForFieldName('right')?.id === node.id) {
    const left = parent.childForFieldName('left');
    if (!left) return undefined;
    const text = doc.text(left);
    return text.startsWith('this.') ? text.slice(5) : text;
  }
  if (parent.type === 'parenthesized_expression' || parent.type === 'cast_expression') return assignedName(doc, parent);
  return undefined;
}

/** Whether a call of one of these names is made on `variable` (`s.setSoTimeout(...)`, `this.s.setSoTimeout(...)`) under `scope`. */
export function calledOn(doc: SyntaxDocument, scope: Node, variable: string, names: ReadonlySet<string>): MethodCall | undefined {
  return methodCalls(doc, names, scope).find((call) => {
    if (!call.object) return false;
    const text = doc.text(call.object);
    return text === variable || text === `this.${variable}`;
  });
}

/** The simple names of a declaration's annotations: `@SpringBootApplication` → `SpringBootApplication`. */
export function annotationsOf(doc: SyntaxDocument, declaration: Node): string[] {
  const modifiers = declaration.namedChildren.find((c) => c.type === 'modifiers');
  if (!modifiers) return [];
  return modifiers.namedChildren
    .filter((c) => c.type === 'marker_annotation' || c.type === 'annotation')
    .map((a) => {
      const name = a.childForFieldName('name');
      return name ? simpleTypeName(doc.text(name)) : '';
    })
    .filter(Boolean);
}

/** Whether a class declares `public static void main(String[] args)`: the program's entry point. */
export function declaresMain(doc: SyntaxDocument, klass: Node): boolean {
  const known = doc.memo('java:declares-main', () => new Map<number, boolean>());
  let found = known.get(klass.id);
  if (found === undefined) {
    found = scanForMain(doc, klass);
    known.set(klass.id, found);
  }
  return found;
}

function scanForMain(doc: SyntaxDocument, klass: Node): boolean {
  const body = klass.childForFieldName('body');
  if (!body) return false;
  return body.namedChildren.some((member) => {
    if (member.type !== 'method_declaration') return false;
    const name = member.childForFieldName('name');
    const modifiers = member.namedChildren.find((c) => c.type === 'modifiers');
    return name !== null && doc.text(name) === 'main' && modifiers !== undefined && /\bstatic\b/.test(doc.text(modifiers));
  });
}
