import { defineAbsenceRule } from './support/absence';

export default defineAbsenceRule({
  id: 'workspace/require-circuit-breaker',
  item: 'reliability.circuit-breaker',
  description: 'Require a circuit breaker where the code calls other services, judged once for the whole workspace.',
  rationale:
    'When a dependency is down, calls to it without a breaker keep waiting for timeouts: threads and connections pile up and the outage spreads to this service and its callers.',
  remediation: 'Wrap calls to other services in a circuit breaker: opossum, sony/gobreaker, resilience4j CircuitBreaker, failsafe, pybreaker.',
  thing: 'circuit breaker',
  why: 'a failing dependency ties up threads and connections until the outage spreads here',
  fix: 'Wrap calls to other services in a circuit breaker (opossum, gobreaker, resilience4j, failsafe, pybreaker).',
  appliesTo: 'outbound',
  declarative: [{ name: /^resilience4j-spring-boot\d*$/, note: 'resilience4j Spring Boot starter configures circuit breakers' }],
});
