import rule from '../../../../rules/java/no-empty-catch';
import { RuleTester } from '../../rule-tester';

const METHOD = (body: string) => `package com.acme.orders;

public class OrderService {
  void place(Order order) {
${body}
  }
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrderService.java' }).run(rule, {
  valid: [
    { name: 'the exception is logged', code: METHOD('    try { repo.save(order); } catch (DataAccessException e) { log.error("save failed", e); }') },
    { name: 'a comment says why it is ignored', code: METHOD('    try { Thread.sleep(10); } catch (InterruptedException e) {\n      // shutting down anyway\n    }') },
    { name: 'a parameter named ignored', code: METHOD('    try { close(); } catch (IOException ignored) {}') },
    { name: 'test code is not production', filename: 'src/test/java/com/acme/orders/OrderServiceTest.java', code: METHOD('    try { f(); } catch (Exception e) {}') },
  ],
  invalid: [
    {
      name: 'an empty catch',
      code: METHOD('    try { repo.save(order); } catch (DataAccessException e) { }'),
      errors: [{ messageId: 'emptyCatch', line: 5, column: 31, endColumn: 64, message: 'swallows `DataAccessException`' }],
    },
    {
      name: 'a multi-catch on several lines',
      code: METHOD('    try {\n      f();\n    } catch (IOException | RuntimeException e) {\n    }'),
      errors: [{ messageId: 'emptyCatch', line: 7, endLine: 8, message: '`IOException | RuntimeException`' }],
    },
  ],
});
