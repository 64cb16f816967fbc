import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPath } from '../../server/src/targets/source/estree-document';
import { defineRule } from '../define-rule';
import { bindingsOf, calls, FUNCTION_TYPES, keyName, nodes, objectArg, property, stringValue } from './support/estree';

const HEADER_SETTERS = /\.(setHeader|header|set|append)$/;

/** Whether a CORS origin option lets every site in: `'*'`, `true` (reflect the caller), a wildcard pattern. */
function allowsAnyOrigin(value: TSESTree.Node): boolean {
  if (value.type === 'Literal' && 'regex' in value) return /^\.[*+]$/.test(value.regex.pattern);
  if (value.type === 'Literal') return value.value === '*' || value.value === true;
  return stringValue(value) === '*';
}

/** A header value that echoes the request's Origin header. */
function reflectsOrigin(value: TSESTree.Node | undefined): boolean {
  if (!value) return false;
  if (/\.headers\.origin$/i.test(memberPath(value) ?? '')) return true;
  return value.type === 'CallExpression' && /\.(get|header)$/.test(memberPath(value.callee) ?? '') && stringValue(value.arguments[0])?.toLowerCase() === 'origin';
}

/** `true` or `'true'`. */
function isTrue(node: TSESTree.Node | undefined): boolean {
  return (node?.type === 'Literal' && node.value === true) || stringValue(node) === 'true';
}

export default defineRule({
  id: 'js/no-permissive-cors',
  target: 'js',
  meta: {
    item: 'security.headers',
    severity: 'warning',
    description: 'Disallow CORS policies that let any origin make credentialed requests.',
    rationale:
      'With credentials allowed, a wildcard or reflected origin lets any website a user visits call the API with their cookies or HTTP auth and read the answers: their data, their CSRF tokens, their account actions.',
    remediation:
      'List the origins that may call the API (`origin: ["https://app.example.com"]`, or a function that checks an allow-list), and allow credentials only for them.',
    fixable: false,
    related: ['semgrep:cors-misconfiguration', 'codeql:js/cors-misconfiguration-for-credentials'],
  },
  messages: {
    anyOriginWithCredentials:
      'This CORS policy allows credentials from any origin ({{origin}}), so every website a user visits can call the API as them and read the answers. List the allowed origins instead.',
    manualHeader:
      'This response allows credentials and sets Access-Control-Allow-Origin to {{origin}}, so any website can call the API as the user and read the answer. Check the Origin against an allow-list first.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const object of nodes(doc, 'ObjectExpression')) {
      // The first `origin` and `credentials` properties, in one pass over the properties.
      let origin: TSESTree.Property | undefined;
      let credentials: TSESTree.Property | undefined;
      for (const p of object.properties) {
        if (p.type !== 'Property') continue;
        const name = keyName(p.key, p.computed);
        if (name === 'origin') origin ??= p;
        else if (name === 'credentials') credentials ??= p;
      }
      if (!origin || credentials?.value.type !== 'Literal' || credentials.value.value !== true) continue;
      if (allowsAnyOrigin(origin.value)) {
        ctx.report({ span: doc.span(origin), messageId: 'anyOriginWithCredentials', data: { origin: doc.text(origin.value) } });
      }
    }
    // res.setHeader('Access-Control-Allow-Origin', '*') with Access-Control-Allow-Credentials: true in the same function.
    const headerCalls = calls(doc).filter(({ path }) => HEADER_SETTERS.test(path ?? '')).map(({ node }) => node);
    const headerOf = (c: TSESTree.CallExpression) => stringValue(c.arguments[0])?.toLowerCase();
    for (const call of headerCalls) {
      if (headerOf(call) !== 'access-control-allow-origin') continue;
      const value = call.arguments[1];
      if (!value || !(stringValue(value) === '*' || reflectsOrigin(value))) continue;
      const scope = doc.ancestor(call, FUNCTION_TYPES as TSESTree.Node['type'][]) ?? doc.ast;
      const credentials = headerCalls.some((c) => c.range[0] >= scope.range[0] && c.range[1] <= scope.range[1] && headerOf(c) === 'access-control-allow-credentials' && isTrue(c.arguments[1]));
      if (credentials) ctx.report({ span: doc.span(call), messageId: 'manualHeader', data: { origin: stringValue(value) === '*' ? '*' : 'the request Origin' } });
    }
    // Evidence: helmet, and CORS options that name the allowed origins.
    {
      const helmet = [...bindingsOf(doc, 'helmet').whole, ...bindingsOf(doc, '@fastify/helmet').whole];
      const used = helmet.length > 0 && nodes(doc, 'CallExpression').find((c) => (c.callee.type === 'Identifier' && helmet.includes(c.callee.name)) || c.arguments.some((a) => a.type === 'Identifier' && helmet.includes(a.name)));
      if (used) ctx.evidence({ span: doc.span(used), note: 'security headers set with helmet' });
      const cors = [...bindingsOf(doc, 'cors').whole, ...bindingsOf(doc, '@fastify/cors').whole];
      for (const { node: call, path = '' } of calls(doc)) {
        let options: TSESTree.ObjectExpression | undefined;
        if (call.callee.type === 'Identifier' && cors.includes(call.callee.name)) options = objectArg(call.arguments[0]);
        else if (/(^|\.)enableCors$/.test(path)) options = objectArg(call.arguments[0]);
        else if (/\.register$/.test(path) && call.arguments[0]?.type === 'Identifier' && cors.includes(call.arguments[0].name)) options = objectArg(call.arguments[1]);
        const origin = property(options, 'origin')?.value;
        if (!origin || allowsAnyOrigin(origin)) continue;
        const listed = origin.type === 'ArrayExpression' || FUNCTION_TYPES.includes(origin.type as string) || stringValue(origin) !== undefined || (origin.type === 'Literal' && 'regex' in origin) || origin.type === 'Identifier' || origin.type === 'MemberExpression';
        if (listed) ctx.evidence({ span: doc.span(call), note: 'CORS restricted to an allow-list of origins' });
      }
    }
  },
});
