import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { credentialIn, isSecretName, looksLikeCredential } from '../support/secrets';
import { aliasOf, keyedFields, packageCalls, stringLiterals, stringValue } from './support/go';

const STRING_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal']);
/** Helpers of the shape `getenvDefault("DB_PASSWORD", "fallback")`: a name about the environment and a default. */
const ENV_DEFAULT_HELPER = /^(get)?env(ironment)?(var)?(or|with)?(default|fallback|else)?$|^(get|lookup)?env(or|with)?(default|fallback)$|^envor$/i;

export default defineRule({
  id: 'go/no-hardcoded-credentials',
  target: 'go',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow passwords, tokens and keys written into Go source.',
    rationale:
      'A credential in source is in every clone, fork, build cache and image layer, and rotating it means a code change and a deploy; once pushed it must be treated as leaked.',
    remediation:
      'Read the credential at start-up from the environment or a mounted secret (`os.Getenv`, a secrets manager client) and fail when it is missing instead of falling back to a literal.',
    related: ['gosec:G101', 'gitleaks:generic-api-key'],
  },
  messages: {
    literal: '{{name}} holds {{what}} in source, so everyone with the code has it. Read it from the environment or a secret store.',
    inString: 'This string holds {{what}}, so everyone with the code has it. Read the credential from the environment or a secret store.',
    envFallback:
      'When {{variable}} is unset this falls back to {{what}} written in source, so a missing secret silently becomes a known one. Fail at start-up instead.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const reported = new Set<number>();
    const report = (node: Node, messageId: 'literal' | 'inString' | 'envFallback', data: Record<string, string>) => {
      if (reported.has(node.startIndex)) return;
      reported.add(node.startIndex);
      ctx.report({ span: doc.span(node), messageId, data });
    };
    const named = (name: string, value: Node) => {
      const text = STRING_TYPES.has(value.type) ? stringValue(doc, value) : undefined;
      if (text === undefined) return;
      const what = credentialIn(name, text);
      if (what) report(value, 'literal', { name: `\`${name}\``, what });
    };

    // `os.Getenv("X")` fallbacks: `cmp.Or(os.Getenv("X"), "lit")` and `getenvDefault("X", "lit")`.
    for (const { args } of packageCalls(doc, 'cmp', ['Or'])) {
      const variable = args.map((a) => getenvName(a)).find((v) => v !== undefined);
      if (variable) for (const arg of args) fallback(variable, arg);
    }
    for (const match of doc.matches('(call_expression function: (identifier) @fn arguments: (argument_list . (interpreted_string_literal) @var . (_) @value .))')) {
      const fn = match.captures.find((c) => c.name === 'fn')?.node;
      const variable = match.captures.find((c) => c.name === 'var')?.node;
      const value = match.captures.find((c) => c.name === 'value')?.node;
      if (fn && variable && value && ENV_DEFAULT_HELPER.test(fn.text)) fallback(stringValue(doc, variable) ?? '', value);
    }
    function fallback(variable: string, value: Node) {
      if (!STRING_TYPES.has(value.type) || !isSecretName(variable)) return;
      const what = credentialIn(variable, stringValue(doc, value) ?? '');
      if (what) report(value, 'envFallback', { variable, what });
    }
    function getenvName(node: Node): string | undefined {
      if (!aliasOf(doc, 'os')) return undefined;
      const call = packageCalls(doc, 'os', ['Getenv'], node).find((c) => c.call.startIndex === node.startIndex);
      const arg = call?.args[0];
      return arg ? stringValue(doc, arg) : undefined;
    }

    // `const apiKey = "…"`, `var password = "…"`, `token := "…"`, `cfg.Password = "…"`. Only a
    // string can hold a literal credential, so the patterns ask for string values alone.
    for (const match of doc.matches(
      '[(const_spec name: (identifier) @name value: (expression_list . [(interpreted_string_literal) (raw_string_literal)] @value .)) (var_spec name: (identifier) @name value: (expression_list . [(interpreted_string_literal) (raw_string_literal)] @value .))]',
    )) {
      const name = match.captures.find((c) => c.name === 'name')?.node;
      const value = match.captures.find((c) => c.name === 'value')?.node;
      if (name && value) named(name.text, value);
    }
    for (const match of doc.matches(
      '[(short_var_declaration left: (expression_list . [(identifier) (selector_expression field: (field_identifier))] @left .) right: (expression_list . [(interpreted_string_literal) (raw_string_literal)] @value .)) (assignment_statement left: (expression_list . [(identifier) (selector_expression field: (field_identifier))] @left .) right: (expression_list . [(interpreted_string_literal) (raw_string_literal)] @value .))]',
    )) {
      const left = match.captures.find((c) => c.name === 'left')?.node;
      const value = match.captures.find((c) => c.name === 'value')?.node;
      const name = left?.type === 'selector_expression' ? left.childForFieldName('field')?.text : left?.text;
      if (name && value) named(name, value);
    }
    // `Password: "…"` in struct and map literals.
    for (const { node } of doc.captures('(composite_literal) @lit')) {
      for (const field of keyedFields(node).values()) named(field.name, field.value);
      for (const element of node.childForFieldName('body')?.namedChildren ?? []) {
        if (element?.type !== 'keyed_element') continue;
        const key = element.childForFieldName('key')?.namedChild(0);
        const value = element.childForFieldName('value')?.namedChild(0);
        const name = key && STRING_TYPES.has(key.type) ? stringValue(doc, key) : undefined;
        if (name && value) named(name, value);
      }
    }
    // Anything shaped like a credential, wherever it stands: `postgres://app:hunter2@db/app`, `AKIA…`.
    for (const { node, value } of stringLiterals(doc)) {
      const what = looksLikeCredential(value);
      if (what && node.parent?.type !== 'import_spec') report(node, 'inString', { what: `what looks like ${what}` });
    }
  },
});
