import { stackOf } from '../../server/src/engine/stack';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { enclosingMain, isBuildScript, isRustServer, isTestCode } from './support/syntax';

/** Crates that make a binary a command-line tool, whose output is its interface. */
const CLI_CRATES = /^(clap|structopt|argh|pico-args|lexopt|gumdrop)$/;
const LOG_CRATES = /^(tracing|log|slog)$/;
const LOG_MACROS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'event']);

export default defineRule({
  id: 'rust/no-debug-print',
  target: 'rust',
  meta: {
    item: 'observability.structured-logging',
    severity: 'info',
    description: 'Disallow `println!`, `eprintln!`, `print!`, `eprint!` and `dbg!` in server and library code; log with `tracing` or `log`.',
    rationale:
      'Printed lines carry no level, no timestamp, no request context and no fields, cannot be filtered or sampled, and `dbg!` output is a leftover from a debugging session; log pipelines and on-call engineers get noise instead of structured events.',
    remediation:
      'Use `tracing` (`tracing::info!(user_id, "created")`) or `log` macros with a subscriber set up in `fn main`; remove `dbg!` calls.',
    fixable: true,
  },
  messages: {
    print:
      '`{{macro}}!` writes an unstructured line with no level or context that log pipelines cannot filter. Log with `tracing::{{level}}!` (or the `log` crate) instead.',
    dbg: '`dbg!` is a debugging leftover that prints file, line and value to stderr in production. Remove it, or log the value with `tracing::debug!`.',
  },
  check(ctx) {
    const path = ctx.source.path;
    if (!isLiveRustFile(ctx.project, path) || isBuildScript(path)) return;
    const doc = ctx.doc;
    const server = isRustServer(ctx.project);
    const stack = stackOf(ctx.project);
    // A command-line tool prints by design; only `dbg!` is out of place there.
    const cli = !server && stack.has(CLI_CRATES);
    const logging = stack.has(LOG_CRATES);
    let evidenced = false;
    for (const { node } of doc.captures('(macro_invocation macro: [(identifier) (scoped_identifier)] @name) @macro')) {
      if (node.type !== 'macro_invocation' || isTestCode(doc, node)) continue;
      const macro = node.childForFieldName('macro');
      if (!macro) continue;
      const name = macro.type === 'scoped_identifier' ? (macro.childForFieldName('name')?.text ?? '') : macro.text;
      const crate = macro.type === 'scoped_identifier' ? macro.childForFieldName('path')?.text : undefined;
      if (!evidenced && LOG_MACROS.has(name) && (crate === 'tracing' || crate === 'log' || crate === 'slog' || (crate === undefined && logging))) {
        ctx.evidence({ span: doc.span(node), note: `\`${doc.text(macro)}!\` structured logging` });
        evidenced = true;
        continue;
      }
      if (crate !== undefined && crate !== 'std') continue;
      if (name === 'dbg') {
        const args = node.namedChildren.find((c) => c?.type === 'token_tree');
        const inner = args ? doc.source.text.slice(args.startIndex + 1, args.endIndex - 1).trim() : '';
        // `dbg!(expr)` returns `expr`: dropping the macro keeps the value. With several arguments it returns a tuple.
        const single = inner !== '' && !args?.children.some((c) => c?.type === ',');
        ctx.report({
          span: doc.span(node),
          messageId: 'dbg',
          fix: single ? { title: `Replace \`dbg!(${inner})\` with \`${inner}\``, edits: [{ span: doc.span(node), text: inner }], suggestion: true } : undefined,
        });
        continue;
      }
      if (!['println', 'print', 'eprintln', 'eprint'].includes(name) || cli) continue;
      // In `fn main` of a tool that is not a server, printing is its output.
      if (enclosingMain(node) && !server) continue;
      ctx.report({ span: doc.span(node), messageId: 'print', data: { macro: name, level: name.startsWith('e') ? 'error' : 'info' } });
    }
  },
});

