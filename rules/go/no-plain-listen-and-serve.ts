import type { Node } from 'web-tree-sitter';
import { defineRule, type FixDescriptor } from '../define-rule';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';
import { aliasOf, frameworkServeCalls, keyedFields, packageCalls, packageLiterals } from './support/go';

export default defineRule({
  id: 'go/no-plain-listen-and-serve',
  target: 'go',
  meta: {
    item: 'reliability.timeouts',
    severity: 'warning',
    description: 'Disallow HTTP servers without read, write and idle timeouts.',
    rationale:
      'A server with no read timeouts keeps every slow or stalled connection open for ever, so a handful of slowloris clients exhaust its file descriptors and goroutines.',
    remediation:
      'Serve through an `http.Server` with `ReadHeaderTimeout` (or `ReadTimeout`), `WriteTimeout` and `IdleTimeout` set, and hand gin/echo their handler through such a server.',
    fixable: true,
    related: ['gosec:G114', 'gosec:G112'],
  },
  messages: {
    plainListen:
      '`http.{{name}}` serves with a default server that has no read, write or idle timeouts, so slow clients can hold connections open for ever. Use an `http.Server` with timeouts.',
    frameworkServe:
      '`{{call}}` starts {{framework}} on a default server with no read, write or idle timeouts, so slow clients can hold connections open for ever. Serve the engine through an `http.Server` with timeouts.',
    serverWithoutTimeouts:
      'This `http.Server` sets neither `ReadHeaderTimeout` nor `ReadTimeout`, so slow clients can hold connections open for ever. Set `ReadHeaderTimeout` (and `WriteTimeout`, `IdleTimeout`).',
  },
  check(ctx) {
    const doc = ctx.doc;
    const http = aliasOf(doc, 'net/http');
    if (http) {
      for (const { call, name, args } of packageCalls(doc, 'net/http', ['ListenAndServe', 'ListenAndServeTLS'])) {
        ctx.report({ span: doc.span(call), messageId: 'plainListen', data: { name }, fix: serverFix(doc, http, call, name, args) });
      }
      for (const literal of packageLiterals(doc, 'net/http', 'Server')) {
        const fields = keyedFields(literal);
        if (fields.has('ReadHeaderTimeout') || fields.has('ReadTimeout')) {
          ctx.evidence({ span: doc.span(literal), note: `http.Server with ${['ReadHeaderTimeout', 'ReadTimeout', 'WriteTimeout', 'IdleTimeout'].filter((f) => fields.has(f)).join(', ')}` });
        } else {
          ctx.report({ span: doc.span(literal.childForFieldName('type') ?? literal), messageId: 'serverWithoutTimeouts' });
        }
      }
    }
    for (const { call, receiver, name, framework } of frameworkServeCalls(doc)) {
      if (framework === 'fiber') continue; // fiber.Config carries its own timeouts; judged elsewhere.
      ctx.report({ span: doc.span(call), messageId: 'frameworkServe', data: { call: `${doc.text(receiver)}.${name}()`, framework } });
    }
  },
});

/** `(&http.Server{Addr: a, Handler: h, …timeouts}).ListenAndServe()`, offered only when `time` is imported. */
function serverFix(doc: SyntaxDocument, http: string, call: Node, name: string, args: Node[]): FixDescriptor | undefined {
  const time = aliasOf(doc, 'time');
  if (!time) return undefined;
  const tls = name === 'ListenAndServeTLS';
  if (args.length !== (tls ? 4 : 2)) return undefined;
  const [addr, ...rest] = args.map((a) => doc.text(a));
  const handler = rest[rest.length - 1] as string;
  const fields = [
    `Addr: ${addr}`,
    ...(handler === 'nil' ? [] : [`Handler: ${handler}`]),
    `ReadHeaderTimeout: 5 * ${time}.Second`,
    `ReadTimeout: 15 * ${time}.Second`,
    `WriteTimeout: 15 * ${time}.Second`,
    `IdleTimeout: 60 * ${time}.Second`,
  ];
  const serve = tls ? `ListenAndServeTLS(${rest.slice(0, 2).join(', ')})` : 'ListenAndServe()';
  return {
    title: 'Serve through an http.Server with timeouts (tune the durations)',
    suggestion: true,
    edits: [{ span: doc.span(call), text: `(&${http}.Server{${fields.join(', ')}}).${serve}` }],
  };
}
