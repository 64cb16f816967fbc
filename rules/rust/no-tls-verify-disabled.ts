import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { isTestCode } from './support/syntax';

const DANGER = new Set(['danger_accept_invalid_certs', 'danger_accept_invalid_hostnames']);
const VERIFIER_METHODS = new Map([
  ['ServerCertVerifier', 'verify_server_cert'],
  ['ClientCertVerifier', 'verify_client_cert'],
]);

export default defineRule({
  id: 'rust/no-tls-verify-disabled',
  target: 'rust',
  meta: {
    item: 'security.tls',
    severity: 'error',
    description: 'Disallow turning off TLS certificate or hostname verification in Rust clients (reqwest, native-tls, rustls).',
    rationale:
      'Without certificate verification anyone on the network path (a compromised pod, a rogue Wi-Fi, a misrouted proxy) can impersonate the server and read or change the traffic, including credentials sent with it.',
    remediation:
      'Keep verification on; trust a private CA with `add_root_certificate` (reqwest) or a `RootCertStore` (rustls) instead of accepting every certificate.',
    fixable: true,
  },
  messages: {
    dangerFlag:
      '`{{method}}(true)` turns off TLS verification, so anyone on the network path can impersonate the server. Trust your CA with `add_root_certificate` instead.',
    acceptAll:
      '`{{trait}}::{{method}}` accepts every certificate without checking it, so anyone on the network path can impersonate the peer. Use the default `WebPkiServerVerifier` with your CA in the root store.',
  },
  check(ctx) {
    if (!isLiveRustFile(ctx.project, ctx.source.path)) return;
    const doc = ctx.doc;
    for (const match of doc.matches('(call_expression function: (field_expression field: (field_identifier) @method) arguments: (arguments . (boolean_literal) @flag .)) @call')) {
      const method = match.captures.find((c) => c.name === 'method')?.node as Node;
      const flag = match.captures.find((c) => c.name === 'flag')?.node as Node;
      if (!DANGER.has(method.text) || flag.text !== 'true' || isTestCode(doc, method)) continue;
      const call = match.captures.find((c) => c.name === 'call')?.node as Node;
      ctx.report({
        span: { start: method.startIndex, end: call.endIndex },
        messageId: 'dangerFlag',
        data: { method: method.text },
        fix: { title: `Turn verification back on: \`${method.text}(false)\``, edits: [{ span: doc.span(flag), text: 'false' }] },
      });
    }
    // A custom verifier whose verify method returns success unconditionally.
    for (const match of doc.matches('(impl_item trait: [(type_identifier) (scoped_type_identifier)] @trait body: (declaration_list (function_item name: (identifier) @name body: (block) @body)))')) {
      const traitNode = match.captures.find((c) => c.name === 'trait')?.node as Node;
      const trait = traitNode.text.split('::').pop() ?? '';
      const name = match.captures.find((c) => c.name === 'name')?.node as Node;
      const body = match.captures.find((c) => c.name === 'body')?.node as Node;
      if (VERIFIER_METHODS.get(trait) !== name.text || isTestCode(doc, name)) continue;
      const branches = body.descendantsOfType(['if_expression', 'match_expression', 'try_expression', 'return_expression', 'macro_invocation']).length;
      const asserts = body.descendantsOfType('scoped_identifier').some((n) => n?.childForFieldName('name')?.text === 'assertion');
      if (branches === 0 && asserts) ctx.report({ span: doc.span(name), messageId: 'acceptAll', data: { trait, method: name.text } });
    }
  },
});
