import { defineRule } from '../define-rule';
import { calls, keyword } from './support/syntax';

/** Calls of requests, httpx, aiohttp-style clients and their sessions that take `verify=`. */
const HTTP_CALLS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'send', 'Client', 'AsyncClient', 'Session', 'merge_environment_settings']);

export default defineRule({
  id: 'python/no-tls-verify-disabled',
  target: 'python',
  meta: {
    item: 'security.tls',
    severity: 'error',
    description: 'Disallow turning off TLS certificate verification in HTTP clients and SSL contexts.',
    rationale:
      'Without certificate verification anyone on the network path can impersonate the server and read or change the traffic, credentials included; TLS then only looks like protection.',
    remediation:
      'Keep `verify=True` (the default); for an internal CA pass its bundle (`verify="/etc/ssl/internal-ca.pem"`), and build contexts with `ssl.create_default_context()`.',
    fixable: true,
    related: ['bandit:B501', 'bandit:B323'],
  },
  messages: {
    verifyFalse:
      '`verify=False` turns off certificate checks for this request, so anyone on the network path can impersonate the server. Keep verification on and pass the CA bundle if the server uses a private CA.',
    unverifiedContext:
      '`{{name}}` builds an SSL context that accepts any certificate, so the connection can be intercepted. Use `ssl.create_default_context()` and load the private CA if needed.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const call of calls(doc)) {
      const last = call.callee.slice(call.callee.lastIndexOf('.') + 1);
      if (!HTTP_CALLS.has(last)) continue;
      const verify = keyword(doc, call, 'verify');
      if (verify?.value.type === 'false') {
        ctx.report({ span: doc.span(verify.node), messageId: 'verifyFalse', fix: { title: 'Verify certificates', edits: [{ span: doc.span(verify.value), text: 'True' }] } });
      }
    }
    // session.verify = False
    for (const { node } of doc.captures('(assignment left: (attribute attribute: (identifier) @attr) right: (false) @value) @assign')) {
      if (node.type !== 'assignment') continue;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const attribute = left?.childForFieldName('attribute');
      if (!left || !right || !attribute || doc.text(attribute) !== 'verify') continue;
      ctx.report({ span: doc.span(node), messageId: 'verifyFalse', fix: { title: 'Verify certificates', edits: [{ span: doc.span(right), text: 'True' }] } });
    }
    for (const { node } of doc.captures('(attribute object: (identifier) @module attribute: (identifier) @name) @ref')) {
      if (node.type !== 'attribute') continue;
      const text = doc.text(node).replace(/\s+/g, '');
      if (text === 'ssl._create_unverified_context' || text === 'ssl.CERT_NONE') {
        ctx.report({ span: doc.span(node), messageId: 'unverifiedContext', data: { name: text } });
      }
    }
  },
});
