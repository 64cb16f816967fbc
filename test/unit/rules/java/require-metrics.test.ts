import rule from '../../../../rules/java/require-metrics';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrderService.java' }).run(rule, {
  valid: [
    'public class OrderService {\n  private final Counter counter = new Counter();\n}\n',
    {
      name: 'OpenCensus tracing alone, and a registerView of something else',
      code: 'public final class AdService {\n  private static void initTracing() throws IOException {\n    StackdriverTraceExporter.createAndRegister(StackdriverTraceConfiguration.builder().build());\n    templates.registerView("ads", adsView);\n  }\n}\n',
    },
  ],
  invalid: [],
  evidence: [
    {
      name: 'MeterRegistry and a counter builder',
      code: 'import io.micrometer.core.instrument.Counter;\nimport io.micrometer.core.instrument.MeterRegistry;\n\n@Service\npublic class OrderService {\n  private final Counter created;\n\n  OrderService(MeterRegistry registry) {\n    this.created = Counter.builder("orders.created").register(registry);\n  }\n}\n',
      evidence: ['Micrometer MeterRegistry', 'Micrometer Counter.builder'],
    },
    {
      name: 'OpenCensus gRPC views exported to Stackdriver',
      code:
        'import io.opencensus.contrib.grpc.metrics.RpcViews;\nimport io.opencensus.exporter.stats.stackdriver.StackdriverStatsConfiguration;\nimport io.opencensus.exporter.stats.stackdriver.StackdriverStatsExporter;\n\npublic final class AdService {\n  private static void initStats() {\n    RpcViews.registerAllGrpcViews();\n    try {\n      StackdriverStatsExporter.createAndRegister(StackdriverStatsConfiguration.builder().build());\n    } catch (Exception e) {\n      logger.warn("stats exporter not registered", e);\n    }\n  }\n}\n',
      evidence: ['OpenCensus gRPC metric views', 'OpenCensus stats exporter (StackdriverStatsExporter)'],
    },
    {
      name: 'an OpenTelemetry metric exporter',
      code: 'public final class Telemetry {\n  static SdkMeterProvider meters() {\n    return SdkMeterProvider.builder()\n        .registerMetricReader(PeriodicMetricReader.builder(OtlpGrpcMetricExporter.getDefault()).build())\n        .build();\n  }\n}\n',
      evidence: ['OpenTelemetry meter provider', 'OpenTelemetry metric exporter (OtlpGrpcMetricExporter)'],
    },
    { name: '@Timed', code: 'public class OrdersController {\n  @Timed("orders.list")\n  public List<Order> list() { return List.of(); }\n}\n', evidence: ['Micrometer @Timed'] },
  ],
});
