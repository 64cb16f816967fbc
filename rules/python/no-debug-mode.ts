import * as path from 'node:path';
import { defineRule } from '../define-rule';
import { calls, keyword } from './support/syntax';

/** Django settings modules for production: `settings.py`, `settings/base.py`, `settings/production.py`. */
function isProductionSettings(file: string): boolean {
  const base = path.posix.basename(file);
  if (base === 'settings.py') return true;
  if (!/(^|\/)settings\/[\w-]+\.py$/.test(file)) return false;
  return !/^(dev|development|local|test|tests|testing|ci)(_[\w-]+)?\.py$/.test(base);
}

export default defineRule({
  id: 'python/no-debug-mode',
  target: 'python',
  meta: {
    item: 'security.unsafe-deserialization',
    severity: 'error',
    description: 'Disallow `app.run(debug=True)` (the Werkzeug debugger) and `DEBUG = True` in Django production settings.',
    rationale:
      'The Werkzeug debugger gives anyone who reaches an error page a Python console in the process, and Django debug pages print settings, environment and source: code execution and secrets for whoever triggers an exception.',
    remediation: 'Start the app with debug off (`app.run()`, gunicorn/uvicorn in production) and set Django `DEBUG` from the environment, defaulting to off.',
    fixable: true,
    related: ['bandit:B201'],
  },
  messages: {
    flaskDebug:
      '`{{call}}(…, {{flag}}=True)` turns on the Werkzeug debugger, which gives anyone who triggers an error a Python console in the process. Run with debug off and serve with gunicorn or uvicorn.',
    djangoDebug:
      '`DEBUG = True` in a production settings module shows settings, environment and source code on every error page. Read it from the environment, defaulting to off.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const call of calls(doc)) {
      if (!/\.run(_simple)?$/.test(call.callee) && call.callee !== 'run_simple') continue;
      const flag = call.callee.endsWith('run_simple') ? 'use_debugger' : 'debug';
      const debug = keyword(doc, call, flag);
      if (!debug || debug.value.type !== 'true') continue;
      ctx.report({
        span: doc.span(debug.node),
        messageId: 'flaskDebug',
        data: { call: call.callee, flag },
        fix: { title: 'Turn the debugger off', suggestion: true, edits: [{ span: doc.span(debug.value), text: 'False' }] },
      });
    }
    if (!isProductionSettings(ctx.source.path)) return;
    for (const { node } of doc.captures('(module (expression_statement (assignment left: (identifier) @name right: (true) @value)))')) {
      if (node.type !== 'identifier' || doc.text(node) !== 'DEBUG') continue;
      ctx.report({ span: doc.span(node.parent ?? node), messageId: 'djangoDebug' });
    }
  },
});
