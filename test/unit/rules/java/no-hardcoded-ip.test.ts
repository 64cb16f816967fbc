import rule from '../../../../rules/java/no-hardcoded-ip';
import { RuleTester } from '../../rule-tester';

const CLASS = (body: string) => `package com.acme.orders;

public class InventoryClient {
${body}
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/InventoryClient.java' }).run(rule, {
  valid: [
    { name: 'a service name', code: CLASS('  String url = "http://inventory:8080";') },
    { name: 'loopback and bind-all', code: CLASS('  String a = "127.0.0.1";\n  String b = "0.0.0.0";') },
    { name: 'a version number', code: CLASS('  String v = "1.2.3";') },
    { name: 'test code is not production', filename: 'src/test/java/com/acme/orders/InventoryClientTest.java', code: CLASS('  String h = "10.0.3.17";') },
  ],
  invalid: [
    {
      name: 'a private address',
      code: CLASS('  private static final String HOST = "10.0.3.17";'),
      errors: [{ messageId: 'hardcodedIp', line: 4, column: 38, endColumn: 49, message: 'The address 10.0.3.17' }],
    },
    {
      name: 'a URL with an IP host',
      code: CLASS('  void f() { client.get("http://192.168.1.20:9200/logs"); }'),
      errors: [{ messageId: 'hardcodedIp', message: '192.168.1.20' }],
    },
  ],
});
