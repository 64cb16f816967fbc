import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/no-todo-comments';

new RuleTester({ filename: 'src/routes.rs' }).run(rule, {
  valid: [
    '// Returns the todo list of a user.\npub fn todos() {}\n',
    { name: 'tests', code: '#[cfg(test)]\nmod tests {\n    // TODO: more cases\n    fn t() {}\n}\n' },
    { name: 'orphan file', filename: 'src/old.rs', code: '// FIXME: broken\n', files: { 'Cargo.toml': '[package]\nname = "a"\n', 'src/main.rs': 'fn main() {}\n' } },
  ],
  invalid: [
    {
      code: 'pub fn charge() {\n    // TODO: retry on 503\n    /* FIXME(ana) - rounding */\n}\n',
      errors: [
        { messageId: 'marker', line: 2, column: 8, endColumn: 12, message: '("retry on 503")' },
        { messageId: 'marker', line: 3, column: 8, message: '`FIXME`' },
      ],
    },
  ],
});
