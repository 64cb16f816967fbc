import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { methodCalls, stringValue } from './support/syntax';

const MATCHERS = new Set(['requestMatchers', 'antMatchers', 'mvcMatchers', 'pathMatchers', 'regexMatchers']);
const CATCH_ALL = new Set(['/**', '/*', '**', '.*', '/.*']);

export default defineRule({
  id: 'java/no-permit-all-everything',
  target: 'java',
  meta: {
    item: 'security.authn',
    severity: 'warning',
    description: 'Disallow Spring Security rules that permit every request without authentication.',
    rationale:
      'A catch-all `permitAll()` leaves every endpoint, including ones added later, open to anonymous callers, so the security chain protects nothing.',
    remediation:
      'Permit only the public paths (`/actuator/health`, static assets, login) and end with `.anyRequest().authenticated()`.',
    related: ['sonar:S4834'],
  },
  messages: {
    anyRequest:
      '`anyRequest().permitAll()` lets anonymous callers reach every endpoint, including any added later. Permit only the public paths and end with `anyRequest().authenticated()`.',
    catchAll:
      '`{{matcher}}("{{pattern}}").permitAll()` opens every path to anonymous callers. Permit only the public paths and require authentication for the rest.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const permit of methodCalls(doc, new Set(['permitAll']))) {
      const target = permit.object;
      if (target?.type !== 'method_invocation') continue;
      const name = doc.text(target.childForFieldName('name') ?? target);
      const span = { start: (target.childForFieldName('name') as Node).startIndex, end: permit.node.endIndex };
      if (name === 'anyRequest' || name === 'anyExchange') {
        ctx.report({ span, messageId: 'anyRequest' });
      } else if (MATCHERS.has(name)) {
        const args = target.childForFieldName('arguments')?.namedChildren ?? [];
        const pattern = args.map((a) => stringValue(doc, a)).find((v) => v !== undefined && CATCH_ALL.has(v));
        if (pattern !== undefined) ctx.report({ span, messageId: 'catchAll', data: { matcher: name, pattern } });
      }
    }
    for (const call of methodCalls(doc, new Set(['authenticated', 'hasRole', 'hasAnyRole', 'hasAuthority', 'hasAnyAuthority']))) {
      const target = call.object;
      if (target?.type === 'method_invocation' && /^any(Request|Exchange)$/.test(doc.text(target.childForFieldName('name') ?? target))) {
        ctx.evidence({ span: doc.span(call.nameNode), note: `every other request requires \`${call.name}\`` });
      }
    }
  },
});
