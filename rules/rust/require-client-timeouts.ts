import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { chainFrom, isTestCode } from './support/syntax';

/** Builder methods that bound how long a whole request may take. */
const REQUEST_TIMEOUTS = new Set(['timeout', 'read_timeout']);
const FIX_TEXT = 'builder().timeout(std::time::Duration::from_secs(10)).build().expect("failed to build the HTTP client")';

export default defineRule({
  id: 'rust/require-client-timeouts',
  target: 'rust',
  meta: {
    item: 'reliability.timeouts',
    severity: 'warning',
    description: 'Require a request timeout on `reqwest` clients.',
    rationale:
      'A `reqwest` client has no request timeout by default: a dependency that accepts the connection and never answers holds the request, its task and its connection forever, and under load the service runs out of them.',
    remediation:
      'Build clients with `reqwest::Client::builder().timeout(Duration::from_secs(n)).build()`, create them once and share them; set `.timeout(…)` on a `RequestBuilder` for calls that need another bound.',
    fixable: true,
  },
  messages: {
    clientNew:
      '`{{call}}` builds a client with no request timeout, so a dependency that never answers holds the request forever. Build it with `Client::builder().timeout(…)`.',
    shortcut:
      '`{{call}}` uses a client with no request timeout, so a dependency that never answers holds the request forever. Use a shared client built with `.timeout(…)`.',
    builderNoTimeout:
      'This `Client::builder()` chain sets no `.timeout(…)`, so requests through the client can wait forever{{extra}}. Add `.timeout(Duration::from_secs(n))`.',
  },
  check(ctx) {
    if (!isLiveRustFile(ctx.project, ctx.source.path)) return;
    const doc = ctx.doc;
    // `use reqwest::Client;` or a `reqwest::…` path somewhere: a bare `Client` may be another crate's.
    // The text check first: the query materialises every identifier of the file.
    if (!doc.source.text.includes('reqwest') || doc.captures('((identifier) @crate (#eq? @crate "reqwest"))').length === 0) return;
    for (const { node } of doc.captures('(call_expression function: (scoped_identifier) @fn) @call')) {
      if (node.type !== 'call_expression' || isTestCode(doc, node)) continue;
      const fn = node.childForFieldName('function') as Node;
      const name = fn.childForFieldName('name')?.text;
      const owner = fn.childForFieldName('path')?.text ?? '';
      const isClient = owner === 'Client' || /^reqwest(::blocking)?::Client$/.test(owner);
      if (isClient && name === 'new') {
        const nameNode = fn.childForFieldName('name') as Node;
        ctx.report({
          span: doc.span(node),
          messageId: 'clientNew',
          data: { call: `${owner}::new()` },
          fix: { title: 'Build the client with a 10-second request timeout', edits: [{ span: { start: nameNode.startIndex, end: node.endIndex }, text: FIX_TEXT }], suggestion: true },
        });
      } else if (/^reqwest(::blocking)?$/.test(owner) && name === 'get') {
        ctx.report({ span: doc.span(fn), messageId: 'shortcut', data: { call: `${owner}::get()` } });
      } else if (isClient && name === 'builder') {
        const chain = chainFrom(node);
        const build = chain.find((c) => c.method === 'build');
        // A builder kept in a variable and configured elsewhere: the chain does not show it all.
        if (!build) continue;
        const timeout = chain.find((c) => REQUEST_TIMEOUTS.has(c.method));
        if (timeout) {
          ctx.evidence({ span: doc.span(timeout.call.childForFieldName('function')?.childForFieldName('field') ?? timeout.call), note: `reqwest client with \`.${timeout.method}(…)\`` });
          continue;
        }
        const connectOnly = chain.some((c) => c.method === 'connect_timeout');
        ctx.report({
          span: { start: node.startIndex, end: build.call.endIndex },
          messageId: 'builderNoTimeout',
          data: { extra: connectOnly ? ' once connected (`connect_timeout` bounds only the connection)' : '' },
        });
      }
    }
  },
});
