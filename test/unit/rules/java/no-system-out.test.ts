import rule from '../../../../rules/java/no-system-out';
import { RuleTester } from '../../rule-tester';

const CLASS = (body: string) => `package com.acme.orders;

public class OrderService {
${body}
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrderService.java' }).run(rule, {
  valid: [
    { name: 'a main class may print (command-line entry point)', code: 'public class Tool {\n  public static void main(String[] args) { System.out.println("usage: tool <file>"); }\n}\n' },
    {
      name: 'the start-up code of a gRPC server\'s main class',
      filename: 'src/main/java/com/acme/ads/AdServer.java',
      code: 'public final class AdServer {\n  public static void main(String[] args) throws Exception {\n    Server server = ServerBuilder.forPort(9555).addService(new AdServiceImpl()).build().start();\n    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("shutting down")));\n    server.awaitTermination();\n  }\n}\n',
    },
    { name: 'printing to a PrintStream that is not System.out', code: CLASS('  void write(PrintStream out) { out.println("x"); }') },
    { name: 'printStackTrace to a given writer', code: CLASS('  void f(Exception e, PrintWriter w) { e.printStackTrace(w); }') },
    { name: 'test code is not production', filename: 'src/test/java/com/acme/orders/OrderServiceTest.java', code: CLASS('  void f() { System.out.println("x"); }') },
  ],
  invalid: [
    {
      name: 'System.out.println',
      code: CLASS('  void place(Order o) { System.out.println("placing " + o); }'),
      errors: [{ messageId: 'systemOut', line: 4, column: 25, endColumn: 59, message: '`System.out.println`' }],
    },
    {
      name: 'System.err.printf',
      code: CLASS('  void f() { System.err.printf("%s%n", "x"); }'),
      errors: [{ messageId: 'systemOut', message: '`System.err.printf`' }],
    },
    {
      name: 'an RPC method of a main class that is itself the gRPC service',
      filename: 'src/main/java/com/acme/ads/AdServer.java',
      code: 'public final class AdServer extends AdServiceGrpc.AdServiceImplBase {\n  @Override\n  public void getAds(AdRequest req, StreamObserver<AdResponse> out) {\n    System.out.println("ads for " + req.getContextKeysList());\n    out.onNext(AdResponse.newBuilder().addAllAds(pick(req)).build());\n    out.onCompleted();\n  }\n\n  public static void main(String[] args) throws Exception {\n    System.out.println("starting");\n    ServerBuilder.forPort(9555).addService(new AdServer()).build().start().awaitTermination();\n  }\n}\n',
      errors: [{ messageId: 'systemOut', line: 4 }],
    },
    {
      name: 'printStackTrace()',
      code: CLASS('  void f() {\n    try { g(); } catch (Exception e) { e.printStackTrace(); }\n  }'),
      errors: [{ messageId: 'printStackTrace', line: 5, column: 42, endColumn: 59 }],
    },
  ],
  evidence: [
    {
      name: 'an SLF4J logger',
      code: CLASS('  private static final Logger log = LoggerFactory.getLogger(OrderService.class);'),
      evidence: ['logger from `LoggerFactory`'],
    },
  ],
});
