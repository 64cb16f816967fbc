import rule from '../../../../rules/java/no-todo-comments';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrderService.java' }).run(rule, {
  valid: [
    'public class OrderService {\n  // Keeps the todo list of each user.\n  void f() {}\n}\n',
    { name: 'a TODO in a string is not a comment', code: 'public class A {\n  String s = "TODO: later";\n}\n' },
    { name: 'test code is not production', filename: 'src/test/java/com/acme/orders/OrderServiceTest.java', code: 'class T {\n  // TODO add cases\n}\n' },
  ],
  invalid: [
    {
      name: 'a line comment',
      code: 'public class OrderService {\n  // TODO: validate the quantity\n  void f() {}\n}\n',
      errors: [{ messageId: 'todo', line: 2, column: 6, endColumn: 10, message: 'A TODO comment is left in production code ("validate the quantity")' }],
    },
    {
      name: 'a block comment with FIXME',
      code: 'public class OrderService {\n  /*\n   * FIXME(ana) retries are off\n   */\n  void f() {}\n}\n',
      errors: [{ messageId: 'todo', line: 3, column: 6, message: 'FIXME' }],
    },
  ],
});
