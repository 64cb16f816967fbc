import rule from '../../../../rules/java/no-csrf-disabled';
import { RuleTester } from '../../rule-tester';

const CONFIG = (chain: string) => `package com.acme.orders;

@Configuration
public class SecurityConfig {
  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    ${chain}
    return http.build();
  }
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/SecurityConfig.java' }).run(rule, {
  valid: [
    { name: 'CSRF left on', code: CONFIG('http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());') },
    { name: 'CSRF configured, not disabled', code: CONFIG('http.csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));') },
    {
      name: 'a stateless, token-only chain',
      code: CONFIG(
        'http.csrf(AbstractHttpConfigurer::disable)\n      .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))\n      .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));',
      ),
    },
    { name: 'test configuration is not production', filename: 'src/test/java/com/acme/orders/TestSecurityConfig.java', code: CONFIG('http.csrf().disable();') },
    { name: 'some other disable()', code: CONFIG('http.headers(h -> h.frameOptions(f -> f.disable()));') },
  ],
  invalid: [
    {
      name: 'legacy csrf().disable()',
      code: CONFIG('http.csrf().disable();'),
      errors: [{ messageId: 'csrfDisabled', line: 7, column: 10, endLine: 7, endColumn: 26, message: 'CSRF protection is disabled' }],
    },
    {
      name: 'lambda DSL',
      code: CONFIG('http.csrf(c -> c.disable()).formLogin(Customizer.withDefaults());'),
      errors: [{ messageId: 'csrfDisabled', line: 7, column: 10, endColumn: 32 }],
    },
    {
      name: 'method reference',
      code: CONFIG('http.csrf(AbstractHttpConfigurer::disable);'),
      errors: [{ messageId: 'csrfDisabled', line: 7, column: 10 }],
    },
    {
      name: 'a session policy other than STATELESS does not excuse it',
      code: CONFIG('http.csrf(csrf -> csrf.disable()).sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));'),
      errors: [{ messageId: 'csrfDisabled', line: 7 }],
    },
  ],
  evidence: [
    {
      name: 'disabled in a stateless chain is recorded',
      code: CONFIG('http.csrf(c -> c.disable()).sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));'),
      evidence: ['CSRF off in a stateless (token-only) security chain'],
    },
  ],
});
