import rule from '../../../../rules/js/no-todo-comments';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    '// Keeps a todo list per user.\nconst todos = new Map();',
    '/** Phone numbers look like xxx-xxx-xxxx. */\nconst PHONE = /\\d{3}-\\d{3}-\\d{4}/;',
    "const label = 'TODO';",
  ],
  invalid: [
    {
      name: 'line comments',
      code: 'const limit = 100; // TODO: make configurable\n// FIXME(ana) retries leak sockets\nrun();',
      errors: [
        { messageId: 'todoComment', line: 1, column: 23, endColumn: 46, message: 'A TODO comment marks unfinished work in production code: "make configurable".' },
        { messageId: 'todoComment', line: 2, column: 4, message: 'A FIXME comment' },
      ],
    },
    {
      name: 'block comments and tags',
      code: '/*\n * HACK - skip auth for the demo\n */\nfunction f() {}\n/** @todo validate input */\nfunction g() {}',
      errors: [
        { messageId: 'todoComment', line: 2, column: 4, message: 'HACK' },
        { messageId: 'todoComment', line: 5, column: 6, message: 'A TODO comment' },
      ],
    },
  ],
});
