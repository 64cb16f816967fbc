import rule from '../../../../rules/java/require-metrics';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrderService.java' }).run(rule, {
  valid: ['public class OrderService {\n  private final Counter counter = new Counter();\n}\n'],
  invalid: [],
  evidence: [
    {
      name: 'MeterRegistry and a counter builder',
      code: 'import io.micrometer.core.instrument.Counter;\nimport io.micrometer.core.instrument.MeterRegistry;\n\n@Service\npublic class OrderService {\n  private final Counter created;\n\n  OrderService(MeterRegistry registry) {\n    this.created = Counter.builder("orders.created").register(registry);\n  }\n}\n',
      evidence: ['Micrometer MeterRegistry', 'Micrometer Counter.builder'],
    },
    { name: '@Timed', code: 'public class OrdersController {\n  @Timed("orders.list")\n  public List<Order> list() { return List.of(); }\n}\n', evidence: ['Micrometer @Timed'] },
  ],
});
