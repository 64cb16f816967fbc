import rule from '../../../../rules/java/require-circuit-breaker';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/main/java/com/acme/orders/InventoryClient.java' }).run(rule, {
  valid: ['public class InventoryClient {\n  Stock stock(String sku) { return rest.getForObject("/stock/" + sku, Stock.class); }\n}\n'],
  invalid: [],
  evidence: [
    {
      name: 'resilience4j annotation',
      code: 'import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;\n\n@Service\npublic class InventoryClient {\n  @CircuitBreaker(name = "inventory", fallbackMethod = "cached")\n  Stock stock(String sku) { return rest.getForObject("/stock/" + sku, Stock.class); }\n}\n',
      evidence: ['@CircuitBreaker'],
    },
    { name: 'CircuitBreaker.of', code: 'public class Clients {\n  CircuitBreaker breaker = CircuitBreaker.of("inventory", config);\n}\n', evidence: ['CircuitBreaker.of'] },
    { name: 'Failsafe', code: 'public class Clients {\n  CircuitBreaker<Object> breaker = CircuitBreaker.builder().withFailureThreshold(5).build();\n}\n', evidence: ['CircuitBreaker.builder'] },
  ],
});
