import { defineRule } from '../define-rule';
import type { EsNode } from '../../server/src/targets/source/estree-document';
import { memberPath } from '../../server/src/targets/source/estree-document';
import { bindingsOf, callsAndNews, callsExport, moduleImports, type Bindings } from './support/estree';
import { recordInOrder } from './support/evidence';

export default defineRule({
  id: 'js/require-tracing',
  target: 'js',
  meta: {
    item: 'observability.tracing',
    severity: 'info',
    description: 'Record distributed tracing set-up in TypeScript and JavaScript as evidence (OpenTelemetry NodeSDK, auto-instrumentations, dd-trace).',
    rationale: 'Without traces a slow or failing request cannot be followed across services, so incidents are debugged by guessing from logs of each service in turn.',
    remediation: 'Start the OpenTelemetry NodeSDK with `getNodeAutoInstrumentations()` before the app loads (`node --import ./tracing.js`), or initialise dd-trace first.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found: Array<{ node: EsNode; note: string }> = [];
    const sdk = bindingsOf(doc, '@opentelemetry/sdk-node');
    const auto = bindingsOf(doc, '@opentelemetry/auto-instrumentations-node');
    const traceNode = bindingsOf(doc, '@opentelemetry/sdk-trace-node');
    const instrumentation = bindingsOf(doc, '@opentelemetry/instrumentation');
    const dd = bindingsOf(doc, 'dd-trace');
    for (const { node: call, path } of callsAndNews(doc)) {
      if (callsExport(path, sdk, 'NodeSDK')) found.push({ node: call, note: 'OpenTelemetry NodeSDK' });
      else if (callsExport(path, auto, 'getNodeAutoInstrumentations')) found.push({ node: call, note: 'OpenTelemetry auto-instrumentations' });
      else if (callsExport(path, traceNode, 'NodeTracerProvider')) found.push({ node: call, note: 'OpenTelemetry tracer provider' });
      else if (callsExport(path, instrumentation, 'registerInstrumentations')) found.push({ node: call, note: 'OpenTelemetry instrumentations registered' });
      else if (call.type === 'CallExpression' && isDdInit(call, dd)) found.push({ node: call, note: 'dd-trace initialised' });
    }
    // `import 'dd-trace/init'`, `require('@opentelemetry/auto-instrumentations-node/register')`
    for (const { module, node } of moduleImports(doc)) {
      if (module === 'dd-trace/init') found.push({ node, note: 'dd-trace initialised' });
      else if (module === '@opentelemetry/auto-instrumentations-node/register') found.push({ node, note: 'OpenTelemetry auto-instrumentations' });
    }
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});

/** `tracer.init()` on a dd-trace binding, or `require('dd-trace').init()`. */
function isDdInit(call: import('@typescript-eslint/typescript-estree').TSESTree.CallExpression, dd: Bindings): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'init') return false;
  const object = callee.object;
  if (object.type === 'CallExpression' && object.callee.type === 'Identifier' && object.callee.name === 'require') {
    const arg = object.arguments[0];
    return arg?.type === 'Literal' && arg.value === 'dd-trace';
  }
  const path = memberPath(object);
  return path !== undefined && (dd.whole.has(path) || dd.whole.has(path.replace(/\.default$/, '')));
}
