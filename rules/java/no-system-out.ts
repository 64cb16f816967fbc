import { defineRule } from '../define-rule';
import { enclosing } from '../../server/src/targets/source/syntax-document';
import type { Node } from 'web-tree-sitter';
import type { SyntaxDocument } from '../../server/src/targets/source/syntax-document';
import { declaresMain, methodCalls, simpleTypeName } from './support/syntax';

const PRINTS = new Set(['println', 'print', 'printf', 'format']);

export default defineRule({
  id: 'java/no-system-out',
  target: 'java',
  meta: {
    item: 'observability.structured-logging',
    severity: 'info',
    description: 'Disallow `System.out`/`System.err` printing and `printStackTrace()` in application classes.',
    rationale:
      'Console prints bypass the logging framework: no level, no logger name, no MDC or trace id, no JSON, and they cannot be turned down in production or found by log queries.',
    remediation: 'Log through SLF4J: `private static final Logger log = LoggerFactory.getLogger(X.class);` then `log.info(...)` or `log.error("…", e)`.',
    related: ['sonar:S106', 'sonar:S1148'],
  },
  messages: {
    systemOut:
      '`System.{{stream}}.{{method}}` writes around the logging framework, so the line has no level, context or trace id and cannot be filtered in production. Use an SLF4J logger.',
    printStackTrace:
      '`printStackTrace()` writes the stack trace to stderr outside the logging framework, so it is lost to log queries and alerting. Log it with `log.error("…", e)`.',
  },
  check(ctx) {
    const { doc } = ctx;
    const inMainClass = (node: Parameters<typeof enclosing>[0]) => {
      const klass = enclosing(node, ['class_declaration']);
      if (klass === undefined || !declaresMain(doc, klass)) return false;
      // A main class that is itself the gRPC service: its instance methods serve requests.
      const method = enclosing(node, ['method_declaration']);
      return !(method && !isStatic(doc, method) && extendsGrpcService(doc, klass));
    };
    for (const call of methodCalls(doc, PRINTS)) {
      const stream = call.object?.type === 'field_access' ? call.object : undefined;
      const object = stream?.childForFieldName('object');
      const field = stream?.childForFieldName('field');
      if (!stream || !object || !field || doc.text(object) !== 'System') continue;
      const name = doc.text(field);
      if (name !== 'out' && name !== 'err') continue;
      if (inMainClass(call.node)) continue;
      ctx.report({ span: { start: stream.startIndex, end: call.node.endIndex }, messageId: 'systemOut', data: { stream: name, method: call.name } });
    }
    for (const call of methodCalls(doc, new Set(['printStackTrace']))) {
      if (call.args.length > 0 || !call.object || inMainClass(call.node)) continue;
      ctx.report({ span: { start: call.nameNode.startIndex, end: call.node.endIndex }, messageId: 'printStackTrace' });
    }
    for (const call of methodCalls(doc, new Set(['getLogger']))) {
      if (call.object && /^(LoggerFactory|LogManager)$/.test(doc.text(call.object))) {
        ctx.evidence({ span: { start: call.object.startIndex, end: call.node.endIndex }, note: `logger from \`${doc.text(call.object)}\`` });
      }
    }
  },
});

/** `extends GreeterGrpc.GreeterImplBase`: the base class grpc-java generates for a service. */
function extendsGrpcService(doc: SyntaxDocument, klass: Node): boolean {
  const superclass = klass.childForFieldName('superclass');
  return superclass !== null && superclass.namedChildren.some((t) => t !== null && /ImplBase$/.test(simpleTypeName(doc.text(t))));
}

function isStatic(doc: SyntaxDocument, method: Node): boolean {
  const modifiers = method.namedChildren.find((c) => c?.type === 'modifiers');
  return modifiers !== undefined && modifiers !== null && /\bstatic\b/.test(doc.text(modifiers));
}
