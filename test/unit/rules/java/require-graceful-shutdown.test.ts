import rule from '../../../../rules/java/require-graceful-shutdown';
import { RuleTester } from '../../rule-tester';

const APP = `package com.acme.orders;

@SpringBootApplication
public class OrdersApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }
}
`;
const CONTROLLER = `package com.acme.orders;

@RestController
public class OrdersController {
  @GetMapping("/orders")
  List<Order> list() { return List.of(); }
}
`;
const WEB = { 'src/main/java/com/acme/orders/OrdersController.java': CONTROLLER };

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrdersApplication.java' }).run(rule, {
  valid: [
    { name: 'not a web application', code: APP },
    { name: 'a controller only in test code does not make a web app', code: APP, files: { 'src/test/java/com/acme/orders/StubController.java': CONTROLLER } },
    { name: 'other classes are not reported', code: CONTROLLER, filename: 'src/main/java/com/acme/orders/OrdersController.java' },
    { name: 'graceful set in application.properties', code: APP, files: { ...WEB, 'src/main/resources/application.properties': 'server.port=8080\nserver.shutdown=graceful\n' } },
  ],
  invalid: [
    {
      name: 'a web application without graceful shutdown',
      code: APP,
      files: { ...WEB, 'src/main/resources/application.yml': 'server:\n  port: 8080\n' },
      errors: [{ messageId: 'notGraceful', line: 4, column: 14, endColumn: 31, message: '`OrdersApplication` does not set `server.shutdown=graceful`' }],
    },
    {
      name: 'immediate shutdown configured explicitly',
      code: APP,
      files: { ...WEB, 'src/main/resources/application.yml': 'server:\n  shutdown: immediate\n' },
      errors: [{ messageId: 'notGraceful', line: 4 }],
    },
    {
      name: 'a controller in the same file',
      code: APP + CONTROLLER.replace('package com.acme.orders;\n', ''),
      errors: [{ messageId: 'notGraceful', line: 4 }],
    },
    {
      name: 'graceful only in a test profile does not count',
      code: APP,
      files: { ...WEB, 'src/test/resources/application.yml': 'server:\n  shutdown: graceful\n' },
      errors: [{ messageId: 'notGraceful' }],
    },
  ],
  evidence: [
    {
      name: 'graceful in application.yml, nested',
      code: APP,
      files: { ...WEB, 'src/main/resources/application.yml': 'server:\n  shutdown: graceful\nspring:\n  lifecycle:\n    timeout-per-shutdown-phase: 20s\n' },
      evidence: ['`server.shutdown: graceful`'],
    },
    {
      name: 'graceful in a profile file, flat key',
      code: APP,
      files: { ...WEB, 'src/main/resources/application-prod.yaml': 'server.shutdown: graceful\n' },
      evidence: ['`server.shutdown: graceful`'],
    },
    {
      name: '@PreDestroy and a shutdown hook',
      code: 'package com.acme.orders;\n\n@Component\npublic class Consumer {\n  @PreDestroy\n  void stop() { Runtime.getRuntime().addShutdownHook(new Thread(this::close)); }\n}\n',
      filename: 'src/main/java/com/acme/orders/Consumer.java',
      evidence: ['`@PreDestroy` cleanup', 'JVM shutdown hook'],
    },
  ],
});
