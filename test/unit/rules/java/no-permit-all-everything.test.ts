import rule from '../../../../rules/java/no-permit-all-everything';
import { RuleTester } from '../../rule-tester';

const CONFIG = (chain: string) => `package com.acme.orders;

@Configuration
public class SecurityConfig {
  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
${chain});
    return http.build();
  }
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/SecurityConfig.java' }).run(rule, {
  valid: [
    { name: 'public paths only', code: CONFIG('        .requestMatchers("/actuator/health", "/login").permitAll()\n        .anyRequest().authenticated()') },
    { name: 'a catch-all under a prefix', code: CONFIG('        .requestMatchers("/public/**").permitAll()\n        .anyRequest().hasRole("USER")') },
    { name: 'tests are not production', filename: 'src/test/java/com/acme/orders/TestSecurity.java', code: CONFIG('        .anyRequest().permitAll()') },
  ],
  invalid: [
    {
      name: 'anyRequest().permitAll()',
      code: CONFIG('        .anyRequest().permitAll()'),
      errors: [{ messageId: 'anyRequest', line: 8, column: 10, endColumn: 34 }],
    },
    {
      name: 'requestMatchers("/**").permitAll()',
      code: CONFIG('        .requestMatchers("/**").permitAll()'),
      errors: [{ messageId: 'catchAll', line: 8, column: 10, endColumn: 44, message: '`requestMatchers("/**").permitAll()`' }],
    },
    {
      name: 'legacy antMatchers',
      code: CONFIG('        .antMatchers("/**").permitAll()'),
      errors: [{ messageId: 'catchAll', message: 'antMatchers' }],
    },
  ],
  evidence: [
    {
      name: 'everything else authenticated',
      code: CONFIG('        .requestMatchers("/actuator/health").permitAll()\n        .anyRequest().authenticated()'),
      evidence: ['every other request requires `authenticated`'],
    },
  ],
});
