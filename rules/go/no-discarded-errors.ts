import { defineRule } from '../define-rule';

/**
 * Calls whose only result is an error in the standard library and the common drivers,
 * so `_ = x.Name(…)` throws the error away. `Close` is left out: `_ = f.Close()` after a
 * read, or in a defer, is the idiom.
 */
const ERROR_ONLY = new Set(['Unmarshal', 'Encode', 'Decode', 'Shutdown', 'Commit', 'Flush', 'Ping', 'PingContext', 'Sync', 'Chmod', 'Remove', 'RemoveAll', 'Rename', 'MkdirAll', 'WriteFile', 'Setenv']);
/** Calls returning `(result, error)` whose both results are discarded with `_, _ =`. */
const RESULT_AND_ERROR = new Set(['Exec', 'ExecContext', 'Query', 'QueryContext', 'Marshal', 'MarshalIndent', 'ReadAll', 'ReadFile', 'Copy']);

export default defineRule({
  id: 'go/no-discarded-errors',
  target: 'go',
  meta: {
    item: 'reliability.error-handling',
    severity: 'warning',
    description: 'Disallow discarding the errors of calls that can fail, and empty `if err != nil {}` branches.',
    rationale:
      'An error thrown away with `_` or an empty branch turns a failed write, commit or shutdown into silent data loss that nobody can see in logs or metrics.',
    remediation: 'Handle the error: return it wrapped with context (`fmt.Errorf("commit: %w", err)`), or log it with the logger the service uses.',
    related: ['errcheck:errcheck', 'gosec:G104', 'staticcheck:SA9003'],
  },
  messages: {
    discarded: 'The error of `{{call}}` is assigned to `_`, so a failure here goes unnoticed. Handle it or return it.',
    emptyBranch: 'This `if {{condition}}` branch is empty, so the error is checked and then ignored. Handle it, return it or log it.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const pattern =
      '(assignment_statement left: (expression_list) @left right: (expression_list . (call_expression function: [(identifier) @name (selector_expression field: (field_identifier) @name)]) @call .)) @stmt';
    for (const match of doc.matches(pattern)) {
      const get = (n: string) => match.captures.find((c) => c.name === n)?.node;
      const name = get('name')?.text ?? '';
      // Most assignments of a call result are not of these calls: the name rules them out first.
      if (!ERROR_ONLY.has(name) && !RESULT_AND_ERROR.has(name)) continue;
      const left = get('left');
      const call = get('call');
      const stmt = get('stmt');
      if (!left || !call || !stmt || doc.text(stmt.child(1) ?? stmt) !== '=') continue;
      const targets = left.namedChildren.map((c) => c?.text);
      if (!targets.every((t) => t === '_')) continue;
      const discarded = (targets.length === 1 && ERROR_ONLY.has(name)) || (targets.length === 2 && RESULT_AND_ERROR.has(name));
      if (discarded) ctx.report({ span: doc.span(stmt), messageId: 'discarded', data: { call: `${doc.text(call.childForFieldName('function') ?? call)}(…)` } });
    }
    for (const match of doc.matches('(if_statement condition: (binary_expression left: (identifier) @err right: (nil)) @cond consequence: (block) @body) @if')) {
      const get = (n: string) => match.captures.find((c) => c.name === n)?.node;
      const err = get('err');
      const cond = get('cond');
      const body = get('body');
      const stmt = get('if');
      // A comment inside says why it is empty on purpose. Checked first: most branches are not empty.
      if (!body || body.namedChildCount > 0) continue;
      if (!err || !cond || !stmt || !/^err$|Err$|^err[A-Z]/.test(err.text) || doc.text(cond.child(1) ?? cond) !== '!=') continue;
      ctx.report({ span: { start: stmt.startIndex, end: cond.endIndex }, messageId: 'emptyBranch', data: { condition: doc.text(cond) } });
    }
  },
});
