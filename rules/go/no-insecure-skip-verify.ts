import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { aliasOf, keyedFields, packageLiterals } from './support/go';

export default defineRule({
  id: 'go/no-insecure-skip-verify',
  target: 'go',
  meta: {
    item: 'security.tls',
    severity: 'error',
    description: 'Disallow `InsecureSkipVerify: true` in TLS configurations.',
    rationale:
      'With certificate verification off, anyone on the network path can present any certificate and read or change the traffic: the connection is encrypted to an unknown party.',
    remediation:
      'Remove `InsecureSkipVerify` and trust the right CA instead: add the internal CA to `RootCAs` (`x509.NewCertPool` + `AppendCertsFromPEM`), or set `ServerName` when the host name differs.',
    fixable: true,
    related: ['gosec:G402'],
  },
  messages: {
    skipVerify:
      '`InsecureSkipVerify: true` turns off certificate verification, so anyone on the network path can impersonate the server. Trust the right CA through `RootCAs` instead.',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!aliasOf(doc, 'crypto/tls')) return;
    const report = (value: Node) =>
      ctx.report({
        span: doc.span(value),
        messageId: 'skipVerify',
        fix: { title: 'Turn certificate verification back on', suggestion: true, edits: [{ span: doc.span(value), text: 'false' }] },
      });
    for (const literal of packageLiterals(doc, 'crypto/tls', 'Config')) {
      const field = keyedFields(literal).get('InsecureSkipVerify');
      if (field?.value.type === 'true') report(field.value);
    }
    // `cfg.InsecureSkipVerify = true` on a config built elsewhere in the file.
    for (const match of doc.matches('(assignment_statement left: (expression_list (selector_expression field: (field_identifier) @field)) right: (expression_list (true) @value))')) {
      const field = match.captures.find((c) => c.name === 'field')?.node;
      const value = match.captures.find((c) => c.name === 'value')?.node;
      if (field?.text === 'InsecureSkipVerify' && value) report(value);
    }
  },
});
