import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';
import { frameworkServeCalls, methodCalls, packageCalls, packageName, siblingFiles, topLevelFunction } from './support/go';

const SERVE = new Set(['ListenAndServe', 'ListenAndServeTLS', 'Serve', 'ServeTLS']);

export default defineRule({
  id: 'go/require-graceful-shutdown',
  target: 'go',
  meta: {
    item: 'reliability.graceful-shutdown',
    severity: 'warning',
    description: 'Require a `main` that starts a server to handle SIGTERM and shut the server down gracefully.',
    rationale:
      'Kubernetes, systemd and every orchestrator stop a process with SIGTERM; a server that does not catch it dies mid-request, dropping in-flight work and failing the calls a rolling deploy routes to it.',
    remediation:
      'Catch SIGTERM and SIGINT with `signal.NotifyContext`, then call `srv.Shutdown(ctx)` with a deadline so in-flight requests finish before the process exits.',
  },
  messages: {
    noSignalHandling:
      '`{{call}}` starts a server, but package main never calls `signal.Notify` or `signal.NotifyContext`, so SIGTERM kills it mid-request. Catch the signal and call `Shutdown` with a deadline.',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (packageName(doc) !== 'main') return;
    const signals = signalCalls(doc);
    for (const call of signals) ctx.evidence({ span: doc.span(call), note: `${doc.text(call.childForFieldName('function') ?? call)} catches termination signals` });
    for (const { call, receiver } of methodCalls(doc, new Set(['Shutdown']))) {
      if (signals.length > 0) ctx.evidence({ span: doc.span(call), note: `${doc.text(receiver)}.Shutdown drains the server` });
    }
    const main = topLevelFunction(doc, 'main');
    if (!main) return;
    const serves = [
      ...methodCalls(doc, SERVE, main).map((c) => c.call),
      ...frameworkServeCalls(doc, main).map((c) => c.call),
    ].sort((a, b) => a.startIndex - b.startIndex);
    if (serves.length === 0 || signals.length > 0) return;
    if (siblingFiles(ctx.project, ctx.source.path).some((f) => packageName(f.doc) === 'main' && signalCalls(f.doc).length > 0)) return;
    for (const call of serves) {
      ctx.report({ span: doc.span(call), messageId: 'noSignalHandling', data: { call: `${doc.text(call.childForFieldName('function') ?? call)}()` } });
    }
  },
});

function signalCalls(doc: SyntaxDocument): Node[] {
  return packageCalls(doc, 'os/signal', ['Notify', 'NotifyContext']).map((c) => c.call);
}
