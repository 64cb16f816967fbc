import { defineRule, type FixDescriptor } from '../define-rule';
import { aliasOf, enclosingHandler, importOf, packageCalls, packageName } from './support/go';

const STRUCTURED_LOGGERS: ReadonlyArray<{ path: string; label: string }> = [
  { path: 'log/slog', label: 'log/slog' },
  { path: 'go.uber.org/zap', label: 'zap' },
  { path: 'github.com/rs/zerolog', label: 'zerolog' },
  { path: 'github.com/sirupsen/logrus', label: 'logrus' },
  { path: 'github.com/go-logr/logr', label: 'logr' },
  { path: 'github.com/charmbracelet/log', label: 'charmbracelet/log' },
];

export default defineRule({
  id: 'go/no-debug-print',
  target: 'go',
  meta: {
    item: 'observability.structured-logging',
    severity: 'info',
    description: 'Disallow `fmt.Print*`, `print` and `println` in handlers and server packages; log through a structured logger.',
    rationale:
      'Lines printed to stdout carry no level, time or fields, cannot be filtered or correlated with a request, and `print`/`println` go to stderr unbuffered: debugging output left in a service is noise in production logs.',
    remediation: 'Log through `log/slog` (or zap, zerolog) with a level and key-value fields: `slog.Info("order placed", "id", id)`.',
    fixable: true,
    related: ['forbidigo:forbidigo'],
  },
  messages: {
    print: '`{{call}}` prints to stdout with no level or fields{{where}}, so the line cannot be filtered or correlated. Log through a structured logger such as `log/slog`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const logger of STRUCTURED_LOGGERS) {
      const spec = importOf(doc, logger.path);
      if (spec) ctx.evidence({ span: doc.span(spec.node), note: `structured logging with ${logger.label}` });
    }
    const library = packageName(doc) !== 'main';
    const slog = aliasOf(doc, 'log/slog');
    // Arguments are read only for the fix, which needs slog imported.
    const prints = [
      ...packageCalls(doc, 'fmt', ['Print', 'Println', 'Printf']).map((c) => ({ call: c.call, label: `fmt.${c.name}`, argsOf: () => c.args })),
      ...doc
        .captures('(call_expression function: (identifier) @fn (#match? @fn "^(print|println)$"))')
        .map(({ node }) => ({ call: node.parent!, label: node.text, argsOf: () => node.parent!.childForFieldName('arguments')?.namedChildren.filter((a) => a !== null) ?? [] })),
    ].sort((a, b) => a.call.startIndex - b.call.startIndex);
    for (const { call, label, argsOf } of prints) {
      const handler = enclosingHandler(doc, call);
      if (!handler && !library) continue;
      let fix: FixDescriptor | undefined;
      const args = slog ? argsOf() : [];
      const only = args[0];
      if (slog && args.length === 1 && only && (only.type === 'interpreted_string_literal' || only.type === 'raw_string_literal')) {
        fix = { title: `Log with ${slog}.Info`, suggestion: true, edits: [{ span: doc.span(call), text: `${slog}.Info(${doc.text(only)})` }] };
      }
      ctx.report({ span: doc.span(call), messageId: 'print', data: { call: label, where: handler ? ' from an HTTP handler' : ' from server code' }, fix });
    }
  },
});
