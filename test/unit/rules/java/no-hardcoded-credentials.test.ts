import rule from '../../../../rules/java/no-hardcoded-credentials';
import { RuleTester } from '../../rule-tester';

const CLASS = (body: string) => `package com.acme.orders;

public class OrdersConfig {
${body}
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/OrdersConfig.java' }).run(rule, {
  valid: [
    { name: 'a password read from configuration', code: CLASS('  @Value("${db.password}")\n  private String dbPassword;') },
    { name: 'a placeholder reference in a literal', code: CLASS('  private String password = "${DB_PASSWORD}";') },
    { name: 'names that describe a secret, not hold it', code: CLASS('  private static final String PASSWORD_FIELD = "password";\n  static final String TOKEN_HEADER = "Authorization";') },
    { name: 'an empty default', code: CLASS('  private String apiKey = "";') },
    { name: 'a password from the environment', code: CLASS('  void f(DataSource ds) { ds.setPassword(System.getenv("DB_PASSWORD")); }') },
    { name: 'a bcrypt hash is not the password', code: CLASS('  UserDetails u = User.withUsername("ops").password("{bcrypt}$2a$10$abcdefghijklmnopqrstuv").roles("OPS").build();') },
    { name: 'a JDBC URL without credentials', code: CLASS('  String url = "jdbc:postgresql://db:5432/orders";') },
    { name: 'tests are not production', filename: 'src/test/java/com/acme/orders/OrdersConfigTest.java', code: CLASS('  String password = "hunter2";') },
  ],
  invalid: [
    {
      name: 'a URL with a password in a declaration',
      code: CLASS('  String broker = "amqp://orders:s3cret@rabbit:5672";'),
      errors: [{ messageId: 'secretField', message: 'holds what looks like a URL with a password' }],
    },
    {
      name: 'an in-memory admin/admin user',
      code: CLASS('  UserDetails admin = User.withDefaultPasswordEncoder().username("admin").password("admin").roles("ADMIN").build();'),
      errors: [{ messageId: 'inMemoryUser', line: 4, column: 84, endColumn: 91, message: 'In-memory user "admin"' }],
    },
    {
      name: 'a {noop} password',
      code: CLASS('  UserDetails u = User.withUsername("ops").password("{noop}ops123").roles("OPS").build();'),
      errors: [{ messageId: 'inMemoryUser', line: 4, message: '"ops"' }],
    },
    {
      name: 'a secret constant',
      code: CLASS('  private static final String JWT_SECRET = "c2VjcmV0LXNpZ25pbmcta2V5";'),
      errors: [{ messageId: 'secretField', line: 4, column: 44, endColumn: 70, message: '`JWT_SECRET` holds a literal credential' }],
    },
    {
      name: 'a secret assigned to a field',
      code: CLASS('  OrdersConfig() { this.apiKey = "live-2c1f7e"; }'),
      errors: [{ messageId: 'secretField', message: '`apiKey`' }],
    },
    {
      name: 'a literal passed to setPassword',
      code: CLASS('  void f(HikariDataSource ds) { ds.setPassword("hunter2"); }'),
      errors: [{ messageId: 'secretArgument', message: '`setPassword(...)`' }],
    },
    {
      name: 'a URL with a password',
      code: CLASS('  void connect(ConnectionFactory factory) throws Exception { factory.setUri("amqp://orders:s3cret@rabbit:5672"); }'),
      errors: [{ messageId: 'credentialLiteral', message: 'a URL with a password' }],
    },
    {
      name: 'a JDBC URL with a password parameter',
      code: CLASS('  String url = "jdbc:mysql://db/orders?user=app&password=hunter2";'),
      errors: [{ messageId: 'credentialLiteral', message: 'a JDBC URL with a password' }],
    },
  ],
});
