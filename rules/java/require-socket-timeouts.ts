import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { assignedName, calledOn, constructions, enclosingBody, methodCalls } from './support/syntax';

export default defineRule({
  id: 'java/require-socket-timeouts',
  target: 'java',
  meta: {
    item: 'reliability.timeouts',
    severity: 'warning',
    description: 'Require timeouts on sockets, URL connections, the JDK HTTP client and RestTemplate.',
    rationale:
      'Java sockets and HTTP clients wait forever by default, so one slow or silent dependency holds threads until the pool is exhausted and the service stops answering.',
    remediation:
      'Set `setSoTimeout` on sockets, `setConnectTimeout` and `setReadTimeout` on URL connections, `connectTimeout` on `HttpClient.newBuilder()` (and a per-request `timeout`), and build RestTemplate with a request factory or `RestTemplateBuilder` that sets timeouts.',
    related: ['sonar:S2693', 'semgrep:java.lang.security.audit.unsafe-socket-timeout'],
  },
  messages: {
    socket:
      'Socket {{name}} has no read timeout, so a peer that stops answering blocks this thread forever. Call `setSoTimeout(...)` on it (and connect with `connect(address, timeout)`).',
    urlConnection:
      'URL connection {{name}} has no {{missing}}, so a slow server blocks this thread forever. Call `setConnectTimeout(...)` and `setReadTimeout(...)` before connecting.',
    httpClient:
      'This `HttpClient` has no connect timeout, so an unreachable host blocks the caller until the OS gives up. Build it with `HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))` and set a per-request `timeout(...)`.',
    restTemplate:
      '`new RestTemplate()` uses a request factory with no timeouts, so a slow dependency blocks request threads forever. Build it with `RestTemplateBuilder` and connect and read timeouts, or pass a factory that sets them.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const socket of constructions(doc, new Set(['Socket', 'SSLSocket']))) {
      const name = assignedName(doc, socket.node);
      const scope = enclosingBody(socket.node);
      const set = name && scope ? calledOn(doc, scope, name, new Set(['setSoTimeout'])) : undefined;
      if (set) ctx.evidence({ span: doc.span(set.node), note: `read timeout on socket \`${name}\`` });
      else ctx.report({ span: doc.span(socket.node), messageId: 'socket', data: { name: name ? `\`${name}\`` : 'created here' } });
    }
    for (const open of methodCalls(doc, new Set(['openConnection']))) {
      const name = assignedName(doc, open.node);
      const scope = enclosingBody(open.node);
      const connect = name && scope ? calledOn(doc, scope, name, new Set(['setConnectTimeout'])) : undefined;
      const read = name && scope ? calledOn(doc, scope, name, new Set(['setReadTimeout'])) : undefined;
      if (connect && read) {
        ctx.evidence({ span: doc.span(read.node), note: `connect and read timeouts on connection \`${name}\`` });
        continue;
      }
      const missing = [connect ? undefined : 'connect timeout', read ? undefined : 'read timeout'].filter(Boolean).join(' and no ');
      ctx.report({ span: { start: open.nameNode.startIndex, end: open.node.endIndex }, messageId: 'urlConnection', data: { name: name ? `\`${name}\`` : 'opened here', missing } });
    }
    for (const call of methodCalls(doc, new Set(['newHttpClient', 'newBuilder']))) {
      if (!call.object || doc.text(call.object) !== 'HttpClient') continue;
      if (call.name === 'newBuilder') {
        const chain = chainAbove(doc, call.node);
        const timeout = chain.find((c) => c.name === 'connectTimeout');
        if (timeout) {
          ctx.evidence({ span: doc.span(timeout.node), note: 'connect timeout on `HttpClient`' });
          continue;
        }
        const top = chain[chain.length - 1]?.node ?? call.node;
        const name = assignedName(doc, top);
        const scope = enclosingBody(top);
        // A builder kept in a variable and configured afterwards.
        if (name && scope && calledOn(doc, scope, name, new Set(['connectTimeout']))) continue;
      }
      ctx.report({ span: { start: call.object.startIndex, end: call.node.endIndex }, messageId: 'httpClient' });
    }
    for (const template of constructions(doc, new Set(['RestTemplate']))) {
      if (template.args.length === 0) ctx.report({ span: doc.span(template.node), messageId: 'restTemplate' });
    }
    for (const call of methodCalls(doc, new Set(['setConnectTimeout', 'setReadTimeout', 'connectTimeout', 'readTimeout', 'setConnectionRequestTimeout']))) {
      if (!call.object || call.object.type !== 'method_invocation') continue;
      // Builder chains (RestTemplateBuilder, WebClient/Netty, OkHttp) set timeouts fluently.
      ctx.evidence({ span: doc.span(call.nameNode), note: `\`${call.name}\` on a client builder` });
    }
  },
});

/** The fluent calls made on the result of `call`, innermost first: `newBuilder().connectTimeout(…).build()`. */
function chainAbove(doc: Parameters<typeof methodCalls>[0], call: Node): Array<{ name: string; node: Node }> {
  const out: Array<{ name: string; node: Node }> = [];
  for (let node: Node = call; node.parent?.type === 'method_invocation' && node.parent.childForFieldName('object')?.id === node.id; ) {
    node = node.parent;
    out.push({ name: doc.text(node.childForFieldName('name') ?? node), node });
  }
  return out;
}
