import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { defineRule, type ReportDescriptor } from '../define-rule';
import { bindingsOf, callsAndNews, callsExport, stringValue, type CallLike } from './support/estree';

type MessageId = 'evalCall' | 'functionConstructor' | 'vmDynamic' | 'stringTimer';

const VM_FUNCTIONS = ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script'];
const TIMERS = /^((window|globalThis|global)\.)?(setTimeout|setInterval|setImmediate)$/;

/** Code that is a string: a literal, a template or a concatenation with one. */
function isStringCode(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  return node.type === 'BinaryExpression' && node.operator === '+' && (isStringCode(node.left as TSESTree.Node) || isStringCode(node.right));
}

export default defineRule({
  id: 'js/no-eval',
  target: 'js',
  meta: {
    item: 'security.unsafe-deserialization',
    severity: 'error',
    description: 'Disallow running strings as code: `eval`, `new Function`, `vm` with dynamic code, string timers.',
    rationale:
      'Code built from strings runs with the full rights of the server. When any part of the string can come from a request, a file or a message, an attacker runs their own code; `vm` is not a security boundary either, as the Node.js documentation warns.',
    remediation:
      'Parse data with `JSON.parse` or a schema, look functions up in a map of allowed operations instead of building them, and pass timers a function rather than a string.',
    fixable: false,
    related: ['eslint:no-eval', 'eslint:no-new-func', 'eslint:no-implied-eval'],
  },
  messages: {
    evalCall: '`eval` runs a string as code with the full rights of the server. Parse data with `JSON.parse` or a schema, or map names to allowed functions instead.',
    functionConstructor: '`Function` builds code from strings and runs it with the full rights of the server. Write the function in the source, or map names to allowed functions.',
    vmDynamic:
      '`vm.{{fn}}` runs code that is not a literal in this file, and `vm` is no security boundary: code from a request or file can escape it. Do not run untrusted code in-process.',
    stringTimer: '`{{fn}}` with a string evaluates it like `eval`. Pass a function instead: `{{fn}}(() => …, delay)`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const vm = bindingsOf(doc, 'vm');
    const found: Array<{ call: CallLike; report: ReportDescriptor<MessageId> }> = [];
    for (const { node: call, path = '' } of callsAndNews(doc)) {
      if (call.type === 'CallExpression' && /^((window|globalThis|global)\.)?eval$/.test(path)) {
        found.push({ call, report: { span: doc.span(call), messageId: 'evalCall' } });
      } else if (/^((window|globalThis|global)\.)?Function$/.test(path)) {
        found.push({ call, report: { span: doc.span(call), messageId: 'functionConstructor' } });
      } else if (call.type === 'CallExpression' && TIMERS.test(path) && isStringCode(call.arguments[0])) {
        found.push({ call, report: { span: doc.span(call.arguments[0] as TSESTree.Node), messageId: 'stringTimer', data: { fn: path.split('.').pop() as string } } });
      } else {
        const fn = VM_FUNCTIONS.find((f) => callsExport(path, vm, f));
        if (!fn || (fn === 'Script') !== (call.type === 'NewExpression')) continue;
        if (stringValue(call.arguments[0]) !== undefined) continue;
        found.push({ call, report: { span: doc.span(call), messageId: 'vmDynamic', data: { fn } } });
      }
    }
    // In source order of the calls; the sort is stable, so calls starting together keep the order above.
    for (const { report } of found.sort((a, b) => a.call.range[0] - b.call.range[0])) ctx.report(report);
  },
});
