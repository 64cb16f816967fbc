import { defineRule } from '../define-rule';
import { calls, hasKeywordSplat, keyword, moduleFunction } from './support/syntax';

const REQUESTS_FUNCTIONS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);

export default defineRule({
  id: 'python/require-client-timeouts',
  target: 'python',
  meta: {
    item: 'reliability.timeouts',
    severity: 'warning',
    description: 'Require `timeout=` on requests calls, which otherwise wait forever.',
    rationale:
      'requests has no default timeout: a dependency that accepts the connection and never answers blocks the worker for good, and enough of them stop the service.',
    remediation: 'Pass `timeout=(connect, read)` on every call (`timeout=(3, 10)`), or use httpx, whose clients time out after 5 seconds by default.',
    fixable: true,
    related: ['bandit:B113', 'pylint:W3101'],
  },
  messages: {
    noTimeout:
      '`{{call}}(...)` has no `timeout`, and requests waits forever by default, so a hung dependency blocks this worker for good. Pass `timeout=` (connect and read seconds).',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const call of calls(doc)) {
      const fn = moduleFunction(doc, call, 'requests');
      if (fn === undefined || !REQUESTS_FUNCTIONS.has(fn)) continue;
      const timeout = keyword(doc, call, 'timeout');
      if (timeout) {
        if (timeout.value.type !== 'none') ctx.evidence({ span: doc.span(timeout.node), note: `\`${call.callee}\` with a timeout` });
        // `timeout=None` waits forever, like no timeout at all.
        else ctx.report({ span: doc.span(timeout.node), messageId: 'noTimeout', data: { call: call.callee } });
        continue;
      }
      if (hasKeywordSplat(call)) continue;
      const close = call.args.lastChild;
      const hasArgs = call.args.namedChildCount > 0;
      const trailingComma = hasArgs && call.args.children[call.args.childCount - 2]?.type === ',';
      ctx.report({
        span: doc.span(call.calleeNode),
        messageId: 'noTimeout',
        data: { call: call.callee },
        fix: close
          ? { title: 'Add timeout=10', suggestion: true, edits: [{ span: { start: close.startIndex, end: close.startIndex }, text: hasArgs && !trailingComma ? ', timeout=10' : 'timeout=10' }] }
          : undefined,
      });
    }
  },
});
