import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { enclosing } from '../../server/src/targets/source/syntax-document';
import { methodCalls } from './support/syntax';

export default defineRule({
  id: 'java/no-csrf-disabled',
  target: 'java',
  meta: {
    item: 'security.csrf',
    severity: 'error',
    description: 'Disallow turning off Spring Security CSRF protection in an application that keeps sessions.',
    rationale:
      'With session or cookie authentication, a page on any other site can make the browser send state-changing requests that the application accepts as the logged-in user.',
    remediation:
      'Keep CSRF protection on (send the token from the front end, `CookieCsrfTokenRepository` for single-page apps), or make the API stateless with `sessionCreationPolicy(SessionCreationPolicy.STATELESS)` and token authentication.',
    related: ['semgrep:java.spring.security.audit.spring-csrf-disabled.spring-csrf-disabled', 'sonar:S4502'],
  },
  messages: {
    csrfDisabled:
      'CSRF protection is disabled while the application keeps sessions, so another site can submit requests as a logged-in user. Keep it on, or make the security chain stateless with token authentication.',
  },
  check(ctx) {
    const { doc } = ctx;
    const statelessScopes = new Set<number>();
    for (const call of methodCalls(doc, new Set(['sessionCreationPolicy']))) {
      if (!call.args.some((arg) => /(^|\.)STATELESS$/.test(doc.text(arg)))) continue;
      const scope = enclosing(call.node, ['class_declaration', 'program']);
      if (scope) statelessScopes.add(scope.id);
    }
    const isStateless = (node: Node) => {
      const scope = enclosing(node, ['class_declaration', 'program']);
      return scope !== undefined && statelessScopes.has(scope.id);
    };
    for (const csrf of methodCalls(doc, new Set(['csrf']))) {
      let disabled: Node | undefined;
      // http.csrf().disable()
      const outer = csrf.node.parent;
      if (csrf.args.length === 0 && outer?.type === 'method_invocation' && outer.childForFieldName('object')?.id === csrf.node.id) {
        const name = outer.childForFieldName('name');
        if (name && doc.text(name) === 'disable') disabled = outer;
      }
      // .csrf(c -> c.disable()), .csrf(AbstractHttpConfigurer::disable)
      const arg = csrf.args[0];
      if (csrf.args.length === 1 && arg && disablesConfigurer(doc, arg)) disabled = csrf.node;
      if (!disabled) continue;
      if (isStateless(csrf.node)) {
        ctx.evidence({ span: doc.span(csrf.nameNode), note: 'CSRF off in a stateless (token-only) security chain' });
        continue;
      }
      ctx.report({ span: { start: csrf.nameNode.startIndex, end: disabled.endIndex }, messageId: 'csrfDisabled' });
    }
  },
});

/** `c -> c.disable()`, `c -> { c.disable(); }` or `X::disable`. */
function disablesConfigurer(doc: Parameters<typeof methodCalls>[0], arg: Node): boolean {
  if (arg.type === 'method_reference') {
    const last = arg.namedChildren[arg.namedChildren.length - 1];
    return last !== undefined && doc.text(last) === 'disable';
  }
  if (arg.type !== 'lambda_expression') return false;
  const body = arg.childForFieldName('body');
  if (!body) return false;
  return methodCalls(doc, new Set(['disable']), body).some((call) => call.args.length === 0);
}
