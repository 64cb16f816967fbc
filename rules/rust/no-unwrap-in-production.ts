import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { enclosingMain, inConstOrStatic, isBuildScript, isTestCode, methodOf } from './support/syntax';

/** Zero-argument guards whose `Err` only means another thread panicked holding the lock. */
const LOCK_METHODS = new Set(['lock', 'read', 'write']);

/**
 * `.unwrap()`/`.expect()` on `Client::builder()…build()`: it fails only when the TLS
 * backend cannot start, where `Client::new()` panics just the same.
 */
function isClientBuild(receiver: Node | null): boolean {
  if (receiver?.type !== 'call_expression' || methodOf(receiver) !== 'build') return false;
  let innermost: Node = receiver;
  for (let value = receiver.childForFieldName('function')?.childForFieldName('value'); value?.type === 'call_expression'; ) {
    innermost = value;
    value = value.childForFieldName('function')?.childForFieldName('value');
  }
  const fn = innermost.childForFieldName('function');
  return fn?.type === 'scoped_identifier' && fn.childForFieldName('name')?.text === 'builder' && /(^|::)Client$/.test(fn.childForFieldName('path')?.text ?? '');
}

/**
 * `signal(SignalKind::terminate()).expect(…)`: installing a handler fails only when the
 * runtime has no signal driver, a set-up bug the first run shows (the axum examples' idiom).
 */
function isSignalInstall(receiver: Node | null): boolean {
  const fn = receiver?.type === 'call_expression' ? receiver.childForFieldName('function') : undefined;
  const name = fn?.type === 'scoped_identifier' ? fn.childForFieldName('name')?.text : fn?.text;
  return name === 'signal' && (receiver?.childForFieldName('arguments')?.text.includes('SignalKind') ?? false);
}

export default defineRule({
  id: 'rust/no-unwrap-in-production',
  target: 'rust',
  meta: {
    item: 'reliability.error-handling',
    severity: 'warning',
    description: 'Disallow `.unwrap()`, `.expect()`, `panic!`, `todo!` and `unimplemented!` in production Rust code outside start-up.',
    rationale:
      'A panic in a request path takes down the task, and with `panic = "abort"` or in a thread holding a lock the whole process; one malformed request or one failed dependency call becomes an outage instead of an error response.',
    remediation:
      'Propagate the error with `?` and a typed error (`thiserror`, `anyhow`), or handle the `None`/`Err` case explicitly; keep `expect` for start-up in `fn main` and for invariants in `const`/`static` initialisers.',
    fixable: false,
  },
  messages: {
    unwrap:
      '`.{{method}}()` panics when the value is `None` or `Err`, turning a failed call into a crashed task or process. Propagate the error with `?` or handle the case explicitly.',
    panic: '`panic!` in production code crashes the task or process instead of returning an error. Return an `Err` the caller can handle.',
    unfinished: '`{{macro}}!` marks unfinished code and panics when reached in production. Implement the branch or return an error.',
  },
  check(ctx) {
    if (!isLiveRustFile(ctx.project, ctx.source.path) || isBuildScript(ctx.source.path)) return;
    const doc = ctx.doc;
    for (const { node } of doc.captures('(call_expression function: (field_expression field: (field_identifier) @method (#match? @method "^(unwrap|expect)$"))) @call')) {
      if (node.type !== 'call_expression') continue;
      if (isTestCode(doc, node) || enclosingMain(node) || inConstOrStatic(node)) continue;
      const callee = node.childForFieldName('function');
      const receiver = callee?.childForFieldName('value') ?? null;
      if (receiver?.type === 'call_expression') {
        const inner = methodOf(receiver);
        const innerArgs = receiver.childForFieldName('arguments')?.namedChildCount ?? 0;
        if (inner && LOCK_METHODS.has(inner) && innerArgs === 0) continue;
      }
      if (isClientBuild(receiver) || isSignalInstall(receiver)) continue;
      const method = callee?.childForFieldName('field');
      if (!method) continue;
      ctx.report({ span: { start: method.startIndex, end: node.endIndex }, messageId: 'unwrap', data: { method: method.text } });
    }
    for (const { node } of doc.captures('(macro_invocation macro: (identifier) @name (#match? @name "^(panic|todo|unimplemented)$")) @macro')) {
      if (node.type !== 'macro_invocation' || isTestCode(doc, node)) continue;
      const name = node.childForFieldName('macro')?.text ?? '';
      if (name === 'panic') {
        if (enclosingMain(node) || inConstOrStatic(node)) continue;
        ctx.report({ span: doc.span(node), messageId: 'panic' });
      } else {
        ctx.report({ span: doc.span(node), messageId: 'unfinished', data: { macro: name } });
      }
    }
  },
});
