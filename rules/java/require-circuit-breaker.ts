import { defineRule } from '../define-rule';
import { annotations, declarationsOfType, newOf, recordInOrder, staticCalls } from './support/evidence';

export default defineRule({
  id: 'java/require-circuit-breaker',
  target: 'java',
  meta: {
    item: 'reliability.circuit-breaker',
    severity: 'info',
    description: 'Record circuit breakers in Java code as evidence (resilience4j, Spring Cloud CircuitBreaker, Failsafe, Hystrix).',
    rationale: 'Without a circuit breaker a failing dependency is called at full rate: requests pile up waiting on it, threads run out, and the failure spreads to every caller.',
    remediation: 'Wrap calls to other services in a resilience4j circuit breaker (`@CircuitBreaker(name = "inventory", fallbackMethod = "…")` or `CircuitBreaker.of(...)`) or a Failsafe `CircuitBreaker`.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found = [
      ...annotations(doc, new Set(['CircuitBreaker', 'HystrixCommand'])).map(({ node, name }) => ({ node, note: `@${name}` })),
      ...staticCalls(doc, new Set(['CircuitBreaker', 'CircuitBreakerRegistry']), new Set(['of', 'ofDefaults', 'builder'])).map(({ node, type, method }) => ({ node, note: `${type}.${method}` })),
      ...newOf(doc, new Set(['CircuitBreaker'])).map(({ node }) => ({ node, note: 'Failsafe CircuitBreaker' })),
      ...declarationsOfType(doc, new Set(['CircuitBreakerFactory', 'ReactiveCircuitBreakerFactory', 'CircuitBreakerRegistry'])).map(({ node, type }) => ({ node, note: type })),
    ];
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
