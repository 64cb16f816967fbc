import rule from '../../../../rules/python/no-todo-comments';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/orders/service.py' }).run(rule, {
  valid: [
    'def add(todo_list, item):\n    # Keeps the todo list of each user.\n    todo_list.append(item)\n',
    { name: 'a TODO in a string is not a comment', code: 'STATUS = "TODO"\n' },
    { name: 'test code is not production', filename: 'tests/test_orders.py', code: '# TODO: add cases\n' },
  ],
  invalid: [
    {
      name: 'a line comment',
      code: 'def create(order):\n    # TODO: validate the quantity\n    return order\n',
      errors: [{ messageId: 'todo', line: 2, column: 7, endColumn: 11, message: 'A TODO comment is left in production code ("validate the quantity")' }],
    },
    {
      name: 'FIXME after code',
      code: 'RETRIES = 0  # FIXME(ana) retries are off\n',
      errors: [{ messageId: 'todo', line: 1, column: 16, endColumn: 21, message: 'FIXME' }],
    },
  ],
});
