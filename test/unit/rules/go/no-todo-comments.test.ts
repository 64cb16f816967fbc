import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-todo-comments';

new RuleTester({ filename: 'internal/api/handlers.go' }).run(rule, {
  valid: ['package api\n\n// Handler keeps a todo list.\nfunc h() {}\n'],
  invalid: [
    {
      code: 'package api\n\nfunc h() {\n\t// TODO: validate input\n\tx := 1 /* FIXME */\n}\n',
      errors: [
        { messageId: 'marker', line: 4, column: 5, endColumn: 9, message: '`TODO` comment is left in production code ("validate input")' },
        { messageId: 'marker', line: 5, message: '`FIXME`' },
      ],
    },
  ],
});
