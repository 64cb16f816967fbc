import { defineRule } from '../define-rule';
import { aliasOf, keyedFields, packageCalls, packageLiterals } from './support/go';

export default defineRule({
  id: 'go/require-client-timeouts',
  target: 'go',
  meta: {
    item: 'reliability.timeouts',
    severity: 'warning',
    description: 'Require a `Timeout` on every HTTP client, and no calls through `http.DefaultClient`.',
    rationale:
      '`http.DefaultClient` and an `http.Client` without `Timeout` wait for ever on a server that accepts the connection and never answers, so one slow dependency ties up goroutines until the service falls over.',
    remediation:
      'Create one `&http.Client{Timeout: 10 * time.Second}` (or pass a context with a deadline on each request) and make calls through it instead of `http.Get`/`http.Post`/`http.DefaultClient`.',
    related: ['gosec:G107', 'golangci:noctx'],
  },
  messages: {
    defaultClient:
      '`http.{{name}}` goes through `http.DefaultClient`, which has no timeout, so a server that never answers blocks this call for ever. Use an `http.Client` with `Timeout`.',
    defaultClientCall:
      '`http.DefaultClient.{{name}}` has no timeout, so a server that never answers blocks this call for ever. Use an `http.Client` with `Timeout`.',
    clientWithoutTimeout:
      'This `http.Client` sets no `Timeout`, so a server that never answers blocks its calls for ever. Set `Timeout` (for example `10 * time.Second`).',
  },
  check(ctx) {
    const doc = ctx.doc;
    const http = aliasOf(doc, 'net/http');
    if (!http) return;
    for (const { call, name } of packageCalls(doc, 'net/http', ['Get', 'Post', 'Head', 'PostForm'])) {
      ctx.report({ span: doc.span(call), messageId: 'defaultClient', data: { name } });
    }
    const pattern =
      '(call_expression function: (selector_expression operand: (selector_expression operand: (identifier) @pkg field: (field_identifier) @client) field: (field_identifier) @name)) @call';
    for (const match of doc.matches(pattern)) {
      const get = (n: string) => match.captures.find((c) => c.name === n)?.node;
      const pkg = get('pkg');
      const client = get('client');
      const name = get('name');
      const call = get('call');
      if (!pkg || !client || !name || !call || pkg.text !== http || client.text !== 'DefaultClient') continue;
      ctx.report({ span: doc.span(call), messageId: 'defaultClientCall', data: { name: name.text } });
    }
    for (const literal of packageLiterals(doc, 'net/http', 'Client')) {
      const timeout = keyedFields(literal).get('Timeout');
      if (timeout) ctx.evidence({ span: doc.span(timeout.element), note: `http.Client with Timeout: ${doc.text(timeout.value)}` });
      else ctx.report({ span: doc.span(literal.childForFieldName('type') ?? literal), messageId: 'clientWithoutTimeout' });
    }
  },
});
