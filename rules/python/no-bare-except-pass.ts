import { defineRule } from '../define-rule';

/** Exception types so broad that ignoring them hides every failure. */
const BROAD = new Set(['Exception', 'BaseException']);

export default defineRule({
  id: 'python/no-bare-except-pass',
  target: 'python',
  meta: {
    item: 'reliability.error-handling',
    severity: 'warning',
    description: 'Disallow `except: pass` and `except Exception: pass`, which hide every failure.',
    rationale:
      'A broad except whose body is only `pass` swallows every error, bugs included: the operation silently did not happen, nothing is logged, and the incident surfaces later with no trace of its cause.',
    remediation: 'Catch the specific exceptions you expect, and log (`logger.exception(...)`), handle or re-raise the rest.',
    related: ['bandit:B110', 'pylint:W0702', 'ruff:S110'],
  },
  messages: {
    swallowed:
      '`{{clause}}` with only `pass` swallows every error, bugs included, so failures disappear without a trace. Catch the exceptions you expect and log or re-raise the rest.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const { node: clause } of doc.captures('(except_clause) @c')) {
      const body = clause.namedChildren.find((c) => c.type === 'block');
      if (!body) continue;
      const statements = body.namedChildren.filter((c) => c.type !== 'comment');
      // A comment beside the pass says the silence is deliberate.
      if (statements.length !== 1 || statements[0]?.type !== 'pass_statement' || clause.descendantsOfType('comment').length > 0) continue;
      const caught = clause.namedChildren.filter((c) => c !== body && c.type !== 'comment');
      const type = caught[0];
      const typeName = type?.type === 'as_pattern' ? type.namedChildren[0] : type;
      if (typeName && !BROAD.has(doc.text(typeName))) continue;
      const colon = clause.children.find((c) => c.type === ':');
      const header = doc.text(clause).slice(0, (colon?.endIndex ?? clause.startIndex + 6) - clause.startIndex);
      ctx.report({ span: { start: clause.startIndex, end: colon?.endIndex ?? clause.endIndex }, messageId: 'swallowed', data: { clause: header.replace(/\s+/g, ' ') } });
    }
  },
});
