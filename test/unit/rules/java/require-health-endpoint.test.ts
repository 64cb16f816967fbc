import rule from '../../../../rules/java/require-health-endpoint';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrdersController.java' }).run(rule, {
  valid: [
    '@RestController\npublic class OrdersController {\n  @GetMapping("/orders")\n  List<Order> list() { return List.of(); }\n}\n',
    {
      name: 'a path ending in "ping" is not /ping',
      code: '@RestController\npublic class CartController {\n  @GetMapping("/carts/{id}/shipping")\n  Shipping shipping(@PathVariable String id) { return carts.shipping(id); }\n\n  @GetMapping("/mapping")\n  Map<String, String> mapping() { return Map.of(); }\n}\n',
    },
  ],
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
    {
      name: 'an underscore health mapping under a prefix',
      code: '@RestController\n@RequestMapping("/ops")\npublic class OpsController {\n  @GetMapping("/_healthz")\n  String healthz() { return "ok"; }\n}\n',
      evidence: ['health route /_healthz'],
    },
    {
      name: 'the gRPC health service',
      code:
        'import io.grpc.Server;\nimport io.grpc.ServerBuilder;\nimport io.grpc.protobuf.services.HealthStatusManager;\n\npublic final class QuoteServer {\n  private Server server;\n\n  void start(int port) throws IOException {\n    HealthStatusManager health = new HealthStatusManager();\n    server = ServerBuilder.forPort(port).addService(new QuoteServiceImpl()).addService(health.getHealthService()).build().start();\n  }\n}\n',
      evidence: ['gRPC health service (HealthStatusManager)'],
    },
    {
      name: 'a hand-written gRPC health service',
      code: 'final class Probe extends HealthGrpc.HealthImplBase {\n  @Override\n  public void check(HealthCheckRequest req, StreamObserver<HealthCheckResponse> out) {\n    out.onNext(HealthCheckResponse.newBuilder().setStatus(ServingStatus.SERVING).build());\n    out.onCompleted();\n  }\n}\n',
      evidence: ['gRPC health service (HealthImplBase)'],
    },
  ],
});
