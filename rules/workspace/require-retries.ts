import { defineAbsenceRule } from './support/absence';

export default defineAbsenceRule({
  id: 'workspace/require-retries',
  item: 'reliability.retries',
  description: 'Require retries with backoff where the code calls other services, judged once for the whole workspace.',
  rationale:
    'Transient network errors are normal in production: without retries each one becomes a failed request, and retries without backoff turn a dependency\'s hiccup into a storm.',
  remediation: 'Retry idempotent outbound calls with exponential backoff and jitter: p-retry, axios-retry, cenkalti/backoff, the backoff crates, Spring Retry, resilience4j Retry, tenacity.',
  thing: 'retry with backoff',
  why: 'every transient network error becomes a failed request',
  fix: 'Retry idempotent calls with exponential backoff and jitter (p-retry, axios-retry, cenkalti/backoff, Spring Retry, tenacity).',
  appliesTo: 'outbound',
});
