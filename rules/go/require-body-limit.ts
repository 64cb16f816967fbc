import { defineRule } from '../define-rule';
import { aliasOf, enclosingFunction, handlerRequestParam, packageCalls, siblingFiles } from './support/go';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';

/** Readers of a whole body: `io.ReadAll(r.Body)`, `ioutil.ReadAll(r.Body)`, `json.NewDecoder(r.Body)`. */
const BODY_READERS: ReadonlyArray<{ path: string; name: string }> = [
  { path: 'io', name: 'ReadAll' },
  { path: 'io/ioutil', name: 'ReadAll' },
  { path: 'encoding/json', name: 'NewDecoder' },
  { path: 'encoding/xml', name: 'NewDecoder' },
];

export default defineRule({
  id: 'go/require-body-limit',
  target: 'go',
  meta: {
    item: 'security.request-size-limit',
    severity: 'warning',
    description: 'Require `http.MaxBytesReader` before a handler reads a whole request body.',
    rationale:
      'A handler that reads `r.Body` to the end takes whatever the client sends: one request with a multi-gigabyte body is enough to run the process out of memory.',
    remediation:
      'Wrap the body first: `r.Body = http.MaxBytesReader(w, r.Body, 1<<20)`, in the handler or in a middleware for every route (or use `http.MaxBytesHandler`).',
    related: ['gosec:G120'],
  },
  messages: {
    unbounded:
      '`{{call}}` reads the whole request body with no `http.MaxBytesReader` on it, so one huge request can run the service out of memory. Limit the body first.',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!aliasOf(doc, 'net/http')) return;
    const limits = packageCalls(doc, 'net/http', ['MaxBytesReader', 'MaxBytesHandler']);
    for (const { call, name } of limits) ctx.evidence({ span: doc.span(call), note: `http.${name} limits request bodies` });
    // A middleware that limits every request (anywhere in the package) covers the handlers.
    const middleware = (d: SyntaxDocument) =>
      packageCalls(d, 'net/http', ['MaxBytesReader', 'MaxBytesHandler']).some(({ call, name }) => {
        if (name === 'MaxBytesHandler') return true;
        const fn = enclosingFunction(d, call);
        return !fn || !handlerRequestParam(d, fn) || fn.type === 'func_literal';
      });
    if (middleware(doc) || siblingFiles(ctx.project, ctx.source.path).some((f) => middleware(f.doc))) return;
    for (const reader of BODY_READERS) {
      for (const { call, args } of packageCalls(doc, reader.path, [reader.name])) {
        const arg = args[0];
        if (args.length !== 1 || arg?.type !== 'selector_expression' || arg.childForFieldName('field')?.text !== 'Body') continue;
        const operand = arg.childForFieldName('operand');
        let fn = enclosingFunction(doc, call);
        let request: string | undefined;
        for (; fn; fn = enclosingFunction(doc, fn)) {
          const param = handlerRequestParam(doc, fn);
          if (param?.framework === 'net/http') {
            request = param.name;
            break;
          }
        }
        if (!fn || !request || operand?.text !== request) continue;
        const limited = limits.some((l) => l.call.startIndex >= fn.startIndex && l.call.endIndex <= fn.endIndex);
        if (!limited) ctx.report({ span: doc.span(call), messageId: 'unbounded', data: { call: doc.text(call) } });
      }
    }
  },
});
