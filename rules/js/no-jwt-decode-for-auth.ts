import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPath } from '../../server/src/targets/source/estree-document';
import { defineRule } from '../define-rule';
import { bindingsOf, calls, callsExport, FUNCTION_TYPES, objectArg, property, stringValue } from './support/estree';

/** Calls whose arguments are only logged: `logger.debug(jwt.decode(t))`. */
function isLogCall(call: TSESTree.Node | undefined): boolean {
  if (call?.type !== 'CallExpression') return false;
  return /^(console|logger|log|this\.logger|this\.log)\.(log|info|debug|trace|warn|error)$/.test(memberPath(call.callee) ?? '');
}

export default defineRule({
  id: 'js/no-jwt-decode-for-auth',
  target: 'js',
  meta: {
    item: 'security.authn',
    severity: 'error',
    description: 'Disallow reading JSON Web Tokens without verifying their signature, and the `none` algorithm.',
    rationale:
      '`jwt.decode` and jose `decodeJwt` return the claims of any token, signed or not: a caller who writes `{"sub":"admin"}` into a token gets treated as admin. Allowing the `none` algorithm in `jwt.verify` accepts unsigned tokens the same way.',
    remediation:
      'Verify every token before trusting its claims: `jwt.verify(token, key, { algorithms: ["RS256"] })` or jose `jwtVerify(token, JWKS)`, with the algorithms pinned to those the issuer uses.',
    fixable: false,
    related: ['semgrep:jwt-decode-without-verify', 'semgrep:jwt-none-alg'],
  },
  messages: {
    decodeWithoutVerify:
      '`{{call}}` reads the token without checking its signature, so anyone can forge the claims this code trusts. Use `jwt.verify` (or jose `jwtVerify`) with pinned algorithms before acting on them.',
    noneAlgorithm:
      'Allowing the `none` algorithm lets unsigned tokens pass verification, so anyone can forge one. Pin the algorithms the issuer signs with, such as `["RS256"]`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const jsonwebtoken = bindingsOf(doc, 'jsonwebtoken');
    const jose = bindingsOf(doc, 'jose');
    const hasJwt = jsonwebtoken.whole.size + jsonwebtoken.named.size + jose.whole.size + jose.named.size > 0;
    if (!hasJwt) return;
    const all = calls(doc);
    const verifies = all.filter(({ path }) => callsExport(path, jsonwebtoken, 'verify')).map(({ node }) => node);
    for (const { node: call, path } of all) {
      const viaJose = callsExport(path, jose, 'decodeJwt');
      if (callsExport(path, jsonwebtoken, 'decode') || viaJose) {
        if (isLogCall(doc.parent(call))) continue;
        // `jwt.decode(t, { complete: true })` to pick the key by `kid`, then `jwt.verify` in the same function.
        const complete = property(objectArg(call.arguments[1]), 'complete');
        const fn = doc.ancestor(call, FUNCTION_TYPES as TSESTree.Node['type'][]);
        if (complete && fn && verifies.some((v) => v.range[0] >= fn.range[0] && v.range[1] <= fn.range[1])) continue;
        ctx.report({ span: doc.span(call), messageId: 'decodeWithoutVerify', data: { call: viaJose ? 'decodeJwt' : 'jwt.decode' } });
      } else if (callsExport(path, jsonwebtoken, 'verify')) {
        const algorithms = property(objectArg(call.arguments[2]), 'algorithms')?.value;
        if (algorithms?.type !== 'ArrayExpression') continue;
        const names = algorithms.elements.map((e) => stringValue(e ?? undefined));
        const none = algorithms.elements.find((e) => stringValue(e ?? undefined)?.toLowerCase() === 'none');
        if (none) ctx.report({ span: doc.span(none), messageId: 'noneAlgorithm' });
        else if (names.every((n) => n !== undefined)) ctx.evidence({ span: doc.span(call), note: `JWT verified with pinned algorithms (${names.join(', ')})` });
      } else if (callsExport(path, jose, 'jwtVerify')) {
        ctx.evidence({ span: doc.span(call), note: 'JWT verified with jose jwtVerify' });
      } else if (callsExport(path, jose, 'createRemoteJWKSet')) {
        ctx.evidence({ span: doc.span(call), note: 'JWT keys fetched from a JWKS endpoint' });
      }
    }
  },
});
