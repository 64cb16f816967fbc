import { defineAbsenceRule } from './support/absence';

export default defineAbsenceRule({
  id: 'workspace/require-rate-limiting',
  item: 'security.rate-limiting',
  description: 'Require a request rate limiter somewhere in an HTTP service, judged once for the whole workspace.',
  rationale:
    'Without a limiter one client (a buggy retry loop, a scraper, an attacker) can take all of the capacity, and every other client sees timeouts until the service falls over.',
  remediation:
    'Add rate limiting in front of the handlers (express-rate-limit, rate-limiter-flexible, golang.org/x/time/rate, tower-governor, bucket4j, resilience4j RateLimiter) or at the ingress (rate-limit annotations).',
  thing: 'rate limiter',
  why: 'one noisy or hostile client can exhaust the service for everyone',
  fix: 'Add a limiter middleware (express-rate-limit, golang.org/x/time/rate, tower-governor, bucket4j) or an ingress rate limit.',
  appliesTo: 'service',
});
