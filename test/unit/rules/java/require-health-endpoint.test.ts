import rule from '../../../../rules/java/require-health-endpoint';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrdersController.java' }).run(rule, {
  valid: ['@RestController\npublic class OrdersController {\n  @GetMapping("/orders")\n  List<Order> list() { return List.of(); }\n}\n'],
  invalid: [],
  evidence: [
    {
      name: 'a health indicator',
      code: 'import org.springframework.boot.actuate.health.Health;\nimport org.springframework.boot.actuate.health.HealthIndicator;\n\n@Component\npublic class InventoryHealth implements HealthIndicator {\n  public Health health() { return Health.up().build(); }\n}\n',
      evidence: ['health indicator (HealthIndicator)'],
    },
    { name: 'an actuator endpoint', code: '@Endpoint(id = "readiness")\npublic class ReadinessEndpoint {\n}\n', evidence: ['actuator @Endpoint'] },
    {
      name: 'a health mapping',
      code: '@RestController\npublic class OpsController {\n  @GetMapping(path = "/healthz")\n  String healthz() { return "ok"; }\n}\n',
      evidence: ['health route /healthz'],
    },
  ],
});
