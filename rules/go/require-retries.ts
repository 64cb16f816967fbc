import { defineRule } from '../define-rule';
import { libraryUses, type LibraryUse } from './support/go';

const USES: readonly LibraryUse[] = [
  { path: 'github.com/cenkalti/backoff/', note: 'cenkalti/backoff retries' },
  { path: 'github.com/cenkalti/backoff', note: 'cenkalti/backoff retries' },
  { path: 'github.com/avast/retry-go/', note: 'retry-go retries' },
  { path: 'github.com/avast/retry-go', note: 'retry-go retries' },
  { path: 'github.com/hashicorp/go-retryablehttp', note: 'go-retryablehttp retries' },
  { path: 'github.com/sethvargo/go-retry', note: 'go-retry retries' },
];

export default defineRule({
  id: 'go/require-retries',
  target: 'go',
  meta: {
    item: 'reliability.retries',
    severity: 'info',
    description: 'Record retries with backoff on outbound calls in Go code as evidence (cenkalti/backoff, retry libraries).',
    rationale: 'Transient network errors are normal in production; without retries with backoff each one becomes a failed request, and without backoff retries turn an outage into a storm.',
    remediation: 'Retry idempotent outbound calls with exponential backoff and jitter: cenkalti/backoff, avast/retry-go, hashicorp/go-retryablehttp.',
  },
  messages: {},
  check(ctx) {
    for (const use of libraryUses(ctx.doc, USES)) ctx.evidence({ span: ctx.doc.span(use.node), note: use.note });
  },
});
