import { defineRule } from '../define-rule';
import { enclosingHandler, packageCalls } from './support/go';

export default defineRule({
  id: 'go/no-panic-in-handlers',
  target: 'go',
  meta: {
    item: 'reliability.error-handling',
    severity: 'warning',
    description: 'Disallow `panic`, `log.Fatal` and `os.Exit` inside HTTP handlers.',
    rationale:
      '`log.Fatal` and `os.Exit` in a request path stop the whole process on one bad request, skipping deferred cleanup and graceful shutdown; a `panic` is recovered by net/http per request but still aborts the response and hides the error from callers.',
    remediation: 'Return an error response (`http.Error(w, …, http.StatusInternalServerError)`, `c.AbortWithStatusJSON(…)`) and log the cause; keep `log.Fatal` for start-up in `main`.',
    related: ['revive:deep-exit'],
  },
  messages: {
    panic: '`panic` in an HTTP handler aborts the response instead of answering with an error. Return an error status and log the cause.',
    exit: '`{{call}}` in an HTTP handler stops the whole process on one request, skipping cleanup and graceful shutdown. Return an error status and log the cause.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const { node } of doc.captures('(call_expression function: (identifier) @fn (#eq? @fn "panic"))')) {
      const call = node.parent;
      if (call && enclosingHandler(doc, call)) ctx.report({ span: doc.span(call), messageId: 'panic' });
    }
    const exits = [
      ...packageCalls(doc, 'log', ['Fatal', 'Fatalf', 'Fatalln']).map((c) => ({ ...c, pkg: 'log' })),
      ...packageCalls(doc, 'os', ['Exit']).map((c) => ({ ...c, pkg: 'os' })),
    ].sort((a, b) => a.call.startIndex - b.call.startIndex);
    for (const { call, name, pkg } of exits) {
      if (enclosingHandler(doc, call)) ctx.report({ span: doc.span(call), messageId: 'exit', data: { call: `${pkg}.${name}` } });
    }
  },
});
