import type { Node } from 'web-tree-sitter';
import { credentialIn, looksLikeCredential } from '../support/secrets';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { isTestCode, stringValue } from './support/syntax';

/** Conversions that keep a literal's value: `"x".to_string()`, `"x".into()`, `String::from("x")`. */
const CONVERSIONS = new Set(['to_string', 'to_owned', 'into', 'from', 'new']);

/** The string literal a value expression is, directly or through a conversion. */
function literalOf(value: Node | null): Node | undefined {
  if (!value) return undefined;
  if (value.type === 'string_literal' || value.type === 'raw_string_literal') return value;
  if (value.type === 'reference_expression') return literalOf(value.childForFieldName('value'));
  if (value.type !== 'call_expression') return undefined;
  const fn = value.childForFieldName('function');
  if (fn?.type === 'field_expression' && CONVERSIONS.has(fn.childForFieldName('field')?.text ?? '')) return literalOf(fn.childForFieldName('value'));
  if (fn?.type === 'scoped_identifier' && CONVERSIONS.has(fn.childForFieldName('name')?.text ?? '')) {
    const args = value.childForFieldName('arguments');
    return args?.namedChildCount === 1 ? literalOf(args.namedChild(0)) : undefined;
  }
  return undefined;
}

export default defineRule({
  id: 'rust/no-hardcoded-credentials',
  target: 'rust',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow credentials written into Rust source: string literals bound to secret-like names and URLs with passwords.',
    rationale:
      'A credential in the source is in every clone, fork, build artefact and CI log, cannot be rotated without a release, and is the same in every environment; leaked repositories are scanned for them within minutes.',
    remediation:
      'Read the value at start-up from the environment or a mounted secret (`std::env::var("DB_PASSWORD")`, a secrets manager), keep it in a `secrecy::SecretString`, and rotate the leaked one.',
    fixable: false,
  },
  messages: {
    namedSecret: '`{{name}}` holds {{what}} written in the source, visible to everyone with the code and the same in every environment. Read it from the environment or a secret store.',
    credentialValue: 'This string holds {{what}}, visible to everyone with the code and the same in every environment. Read it from the environment or a secret store.',
  },
  check(ctx) {
    if (!isLiveRustFile(ctx.project, ctx.source.path)) return;
    const doc = ctx.doc;
    const reported = new Set<number>();
    const bindings: Array<[string, string]> = [
      ['(let_declaration pattern: (identifier) @name value: (_) @value)', 'let'],
      ['(const_item name: (identifier) @name value: (_) @value)', 'const'],
      ['(static_item name: (identifier) @name value: (_) @value)', 'static'],
      ['(field_initializer field: (field_identifier) @name value: (_) @value)', 'field'],
      ['(assignment_expression left: [(identifier) (field_expression)] @name right: (_) @value)', 'assign'],
    ];
    for (const [pattern] of bindings) {
      for (const match of doc.matches(pattern)) {
        const nameNode = match.captures.find((c) => c.name === 'name')?.node as Node;
        const literal = literalOf(match.captures.find((c) => c.name === 'value')?.node ?? null);
        if (!literal || isTestCode(doc, literal)) continue;
        const value = stringValue(doc, literal) ?? '';
        const name = nameNode.type === 'field_expression' ? (nameNode.childForFieldName('field')?.text ?? '') : nameNode.text;
        // `const DB_PASSWORD_VAR: &str = "DB_PASSWORD"` names a variable rather than holding its value.
        if (/^[A-Z][A-Z0-9_]*$/.test(value) && value.includes('_')) continue;
        const what = credentialIn(name, value);
        if (!what) continue;
        reported.add(literal.startIndex);
        ctx.report({ span: doc.span(literal), messageId: 'namedSecret', data: { name, what } });
      }
    }
    for (const { node } of doc.captures('[(string_literal) (raw_string_literal)] @s')) {
      if (reported.has(node.startIndex) || isTestCode(doc, node)) continue;
      const format = looksLikeCredential(stringValue(doc, node) ?? '');
      if (format) ctx.report({ span: doc.span(node), messageId: 'credentialValue', data: { what: format } });
    }
  },
});
