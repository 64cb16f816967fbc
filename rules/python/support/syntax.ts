import type { Node } from 'web-tree-sitter';
import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';

/** The value of a plain string (`"abc"`, `'abc'`, `r"abc"`), undefined for f-strings with fields and anything else. */
export function stringValue(doc: SyntaxDocument, node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let value = '';
  for (const part of node.namedChildren) {
    if (part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type === 'string_content' || part.type === 'escape_sequence') value += doc.text(part);
    else return undefined;
  }
  return value;
}

export interface Call {
  node: Node;
  /** The callee as written, without spaces: `requests.get`, `yaml.load`, `print`. */
  callee: string;
  calleeNode: Node;
  args: Node;
  positional: Node[];
}

/** Every call in the file (or under `node`). */
export function calls(doc: SyntaxDocument, under?: Node): Call[] {
  if (!under) return doc.memo('python:calls', () => collectCalls(doc)).slice();
  return collectCalls(doc, under);
}

function collectCalls(doc: SyntaxDocument, under?: Node): Call[] {
  const out: Call[] = [];
  for (const { node } of doc.captures('(call function: (_) arguments: (argument_list)) @call', under)) {
    const calleeNode = node.childForFieldName('function');
    const args = node.childForFieldName('arguments');
    if (!calleeNode || !args) continue;
    out.push({
      node,
      callee: doc.text(calleeNode).replace(/\s+/g, ''),
      calleeNode,
      args,
      positional: args.namedChildren.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment' && a.type !== 'dictionary_splat' && a.type !== 'list_splat'),
    });
  }
  return out;
}

/** The `name=value` argument of a call, if given. */
export function keyword(doc: SyntaxDocument, call: Call, name: string): { node: Node; value: Node } | undefined {
  for (const arg of call.args.namedChildren) {
    if (arg.type !== 'keyword_argument') continue;
    const key = arg.childForFieldName('name');
    const value = arg.childForFieldName('value');
    if (key && value && doc.text(key) === name) return { node: arg, value };
  }
  return undefined;
}

/** Whether a call passes `**kwargs`, which may hold any keyword. */
export function hasKeywordSplat(call: Call): boolean {
  return call.args.namedChildren.some((a) => a.type === 'dictionary_splat');
}

/** Whether a node sits in an `if __name__ == "__main__":` block. */
export function inMainGuard(doc: SyntaxDocument, node: Node): boolean {
  for (let current: Node | null = node.parent; current; current = current.parent) {
    if (current.type !== 'if_statement') continue;
    const condition = current.childForFieldName('condition');
    if (condition && /^__name__\s*==\s*['"]__main__['"]$|^['"]__main__['"]\s*==\s*__name__$/.test(doc.text(condition))) return true;
  }
  return false;
}

/** Names a module is imported under: `import yaml` → yaml, `import yaml as y` → y; `from x import y` is not counted. */
export function moduleAliases(doc: SyntaxDocument, module: string): Set<string> {
  return new Set(aliasesByModule(doc, module));
}

/** Per module, the names it is imported under (the module's own name first); computed once per file. */
function aliasesByModule(doc: SyntaxDocument, module: string): ReadonlySet<string> {
  const all = doc.memo('python:aliased-imports', () => {
    const pairs: Array<[string, string]> = [];
    for (const { node } of doc.captures('(aliased_import name: (dotted_name) @module alias: (identifier) @alias) @import')) {
      if (node.type !== 'aliased_import') continue;
      const name = node.childForFieldName('name');
      const alias = node.childForFieldName('alias');
      if (name && alias) pairs.push([doc.text(name), doc.text(alias)]);
    }
    return { pairs, byModule: new Map<string, ReadonlySet<string>>() };
  });
  let names = all.byModule.get(module);
  if (!names) {
    const set = new Set<string>([module]);
    for (const [name, alias] of all.pairs) if (name === module) set.add(alias);
    names = set;
    all.byModule.set(module, names);
  }
  return names;
}

/** Names imported from a module: `from yaml import load` → {load}; `from yaml import load as l` → {l} (mapped to load). */
export function importedFrom(doc: SyntaxDocument, module: string): Map<string, string> {
  return new Map(importedFromShared(doc, module));
}

function importedFromShared(doc: SyntaxDocument, module: string): ReadonlyMap<string, string> {
  const byModule = doc.memo('python:imported-from', () => new Map<string, Map<string, string>>());
  let found = byModule.get(module);
  if (!found) {
    found = collectImportedFrom(doc, module);
    byModule.set(module, found);
  }
  return found;
}

function collectImportedFrom(doc: SyntaxDocument, module: string): Map<string, string> {
  const out = new Map<string, string>();
  const statements = doc.memo('python:from-imports', () =>
    doc.captures('(import_from_statement) @from').map(({ node }) => ({ node, module: textOf(doc, node.childForFieldName('module_name')) })),
  );
  for (const { node, module: name } of statements) {
    if (name !== module) continue;
    for (const name of node.childrenForFieldName('name')) {
      if (name.type === 'aliased_import') {
        const original = name.childForFieldName('name');
        const alias = name.childForFieldName('alias');
        if (original && alias) out.set(doc.text(alias), doc.text(original));
      } else out.set(doc.text(name), doc.text(name));
    }
  }
  return out;
}

/**
 * What a call calls in terms of a module's functions: `yaml.load(...)`, `y.load(...)`
 * after `import yaml as y`, or `load(...)` after `from yaml import load` all give `load`.
 */
export function moduleFunction(doc: SyntaxDocument, call: Call, module: string): string | undefined {
  const dot = call.callee.lastIndexOf('.');
  if (dot > 0) {
    const owner = call.callee.slice(0, dot);
    return aliasesByModule(doc, module).has(owner) ? call.callee.slice(dot + 1) : undefined;
  }
  return importedFromShared(doc, module).get(call.callee);
}

function textOf(doc: SyntaxDocument, node: Node | null): string | undefined {
  return node ? doc.text(node) : undefined;
}
