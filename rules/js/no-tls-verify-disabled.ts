import { memberPath } from '../../server/src/targets/source/estree-document';
import { defineRule } from '../define-rule';
import { keyName, nodes, stringValue } from './support/estree';

/** Options that turn certificate verification off when false: node:tls/https, undici, pg, mysql2, got (`https.rejectUnauthorized`), request. */
const VERIFY_OPTIONS = new Set(['rejectUnauthorized', 'strictSSL']);

export default defineRule({
  id: 'js/no-tls-verify-disabled',
  target: 'js',
  meta: {
    item: 'security.tls',
    severity: 'error',
    description: 'Disallow turning off TLS certificate verification in Node.js clients.',
    rationale:
      'Without certificate verification a TLS connection is encrypted to whoever answers: anyone on the network path (a compromised pod, a rogue Wi-Fi, a DNS spoof) can read and change the traffic, including the credentials sent over it.',
    remediation:
      'Keep verification on. For a private CA pass its certificate as `ca` (or set `NODE_EXTRA_CA_CERTS`); for a self-signed development server, switch verification off only in development configuration, never in code that ships.',
    fixable: true,
    related: ['semgrep:bypass-tls-verification', 'codeql:js/disabling-certificate-validation'],
  },
  messages: {
    verifyOption:
      '`{{option}}: false` accepts any certificate, so anyone on the network path can read and change this connection. Keep verification on and trust a private CA with the `ca` option instead.',
    envVariable:
      'Setting NODE_TLS_REJECT_UNAUTHORIZED to 0 turns certificate verification off for every TLS connection of the process. Remove it, and trust a private CA with `NODE_EXTRA_CA_CERTS` instead.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const prop of nodes(doc, 'Property')) {
      const option = keyName(prop.key, prop.computed);
      if (!option || !VERIFY_OPTIONS.has(option) || prop.value.type !== 'Literal' || prop.value.value !== false) continue;
      const span = doc.span(prop.value);
      ctx.report({ span, messageId: 'verifyOption', data: { option }, fix: { title: `Set ${option} to true`, edits: [{ span, text: 'true' }] } });
    }
    for (const assignment of nodes(doc, 'AssignmentExpression')) {
      if (memberPath(assignment.left) !== 'process.env.NODE_TLS_REJECT_UNAUTHORIZED') continue;
      const right = assignment.right;
      const value = stringValue(right) ?? (right.type === 'Literal' && typeof right.value === 'number' ? String(right.value) : undefined);
      if (value !== '0') continue;
      const span = doc.span(right);
      ctx.report({ span: doc.span(assignment), messageId: 'envVariable', fix: { title: 'Set NODE_TLS_REJECT_UNAUTHORIZED to 1', edits: [{ span, text: "'1'" }] } });
    }
  },
});
