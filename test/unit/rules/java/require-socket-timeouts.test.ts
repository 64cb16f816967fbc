import rule from '../../../../rules/java/require-socket-timeouts';
import { RuleTester } from '../../rule-tester';

const CLASS = (body: string) => `package com.acme.orders;

public class InventoryClient {
${body}
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/InventoryClient.java' }).run(rule, {
  valid: [
    { name: 'RestTemplate with a factory', code: CLASS('  RestTemplate rest(ClientHttpRequestFactory factory) { return new RestTemplate(factory); }') },
    { name: 'test code is not production', filename: 'src/test/java/com/acme/orders/InventoryClientTest.java', code: CLASS('  void f() throws Exception { new Socket("localhost", 8080); }') },
    {
      name: 'an HttpClient builder kept in a variable and configured later',
      code: CLASS('  HttpClient client() {\n    HttpClient.Builder b = HttpClient.newBuilder();\n    b.connectTimeout(Duration.ofSeconds(5));\n    return b.build();\n  }'),
    },
  ],
  invalid: [
    {
      name: 'a socket with no read timeout',
      code: CLASS('  void ping() throws IOException {\n    Socket socket = new Socket("inventory", 7000);\n    socket.getOutputStream().write(1);\n  }'),
      errors: [{ messageId: 'socket', line: 5, column: 21, endColumn: 50, message: 'Socket `socket` has no read timeout' }],
    },
    {
      name: 'a URL connection with only a connect timeout',
      code: CLASS('  void get(URL url) throws IOException {\n    HttpURLConnection c = (HttpURLConnection) url.openConnection();\n    c.setConnectTimeout(2000);\n  }'),
      errors: [{ messageId: 'urlConnection', line: 5, column: 51, endColumn: 67, message: 'has no read timeout' }],
    },
    {
      name: 'a chained openConnection',
      code: CLASS('  InputStream get(String u) throws IOException { return new URL(u).openConnection().getInputStream(); }'),
      errors: [{ messageId: 'urlConnection', message: 'has no connect timeout and no read timeout' }],
    },
    {
      name: 'HttpClient.newHttpClient()',
      code: CLASS('  private final HttpClient client = HttpClient.newHttpClient();'),
      errors: [{ messageId: 'httpClient', line: 4, column: 37, endColumn: 63 }],
    },
    {
      name: 'HttpClient builder without connectTimeout',
      code: CLASS('  private final HttpClient client = HttpClient.newBuilder().followRedirects(Redirect.NORMAL).build();'),
      errors: [{ messageId: 'httpClient', line: 4 }],
    },
    {
      name: 'new RestTemplate()',
      code: CLASS('  @Bean RestTemplate rest() { return new RestTemplate(); }'),
      errors: [{ messageId: 'restTemplate', line: 4, column: 38, endColumn: 56 }],
    },
  ],
  evidence: [
    {
      name: 'socket with setSoTimeout',
      code: CLASS('  void ping() throws IOException {\n    Socket socket = new Socket();\n    socket.setSoTimeout(5000);\n  }'),
      evidence: ['read timeout on socket `socket`'],
    },
    {
      name: 'URL connection with both timeouts',
      code: CLASS('  void get(URL url) throws IOException {\n    URLConnection c = url.openConnection();\n    c.setConnectTimeout(2000);\n    c.setReadTimeout(5000);\n  }'),
      evidence: ['connect and read timeouts on connection `c`'],
    },
    {
      name: 'HttpClient with a connect timeout',
      code: CLASS('  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();'),
      evidence: ['connect timeout on `HttpClient`', '`connectTimeout` on a client builder'],
    },
    {
      name: 'RestTemplateBuilder with timeouts',
      code: CLASS('  @Bean RestTemplate rest(RestTemplateBuilder b) { return b.setConnectTimeout(Duration.ofSeconds(2)).setReadTimeout(Duration.ofSeconds(5)).build(); }'),
      evidence: ['`setReadTimeout` on a client builder'],
    },
  ],
});
