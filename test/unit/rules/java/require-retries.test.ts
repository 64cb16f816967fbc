import rule from '../../../../rules/java/require-retries';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/main/java/com/acme/orders/PaymentClient.java' }).run(rule, {
  valid: ['public class PaymentClient {\n  Receipt pay(Order o) { return rest.postForObject("/pay", o, Receipt.class); }\n}\n'],
  invalid: [],
  evidence: [
    {
      name: 'Spring Retry',
      code: '@Service\npublic class PaymentClient {\n  @Retryable(retryFor = IOException.class, backoff = @Backoff(delay = 200, multiplier = 2))\n  Receipt pay(Order o) { return rest.postForObject("/pay", o, Receipt.class); }\n}\n',
      evidence: ['@Retryable'],
    },
    { name: 'RetryTemplate', code: 'public class Config {\n  RetryTemplate retries() { return RetryTemplate.builder().maxAttempts(3).exponentialBackoff(100, 2, 2000).build(); }\n}\n', evidence: ['RetryTemplate.builder'] },
    { name: 'resilience4j Retry', code: 'public class Clients {\n  Retry retry = Retry.of("payments", RetryConfig.custom().maxAttempts(3).build());\n}\n', evidence: ['Retry.of', 'RetryConfig.custom'] },
  ],
});
