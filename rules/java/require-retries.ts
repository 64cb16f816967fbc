import { defineRule } from '../define-rule';
import { annotations, declarationsOfType, newOf, recordInOrder, staticCalls } from './support/evidence';

export default defineRule({
  id: 'java/require-retries',
  target: 'java',
  meta: {
    item: 'reliability.retries',
    severity: 'info',
    description: 'Record retries on outbound calls in Java code as evidence (Spring Retry, resilience4j Retry, Failsafe RetryPolicy).',
    rationale: 'Networks drop packets and dependencies restart: without retries with backoff every transient blip becomes a failed request for the user.',
    remediation: 'Retry idempotent outbound calls with exponential backoff: Spring Retry (`@Retryable` with `@Backoff`, `RetryTemplate`), resilience4j `Retry` or a Failsafe `RetryPolicy`.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found = [
      ...annotations(doc, new Set(['Retryable', 'Retry', 'EnableRetry'])).map(({ node, name }) => ({ node, note: `@${name}` })),
      ...staticCalls(doc, new Set(['Retry', 'RetryRegistry', 'RetryTemplate', 'RetryPolicy', 'RetryConfig']), new Set(['of', 'ofDefaults', 'builder', 'custom'])).map(({ node, type, method }) => ({ node, note: `${type}.${method}` })),
      ...newOf(doc, new Set(['RetryTemplate', 'RetryPolicy'])).map(({ node, type }) => ({ node, note: `new ${type}` })),
      ...declarationsOfType(doc, new Set(['RetryTemplate', 'RetryRegistry'])).map(({ node, type }) => ({ node, note: type })),
    ];
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
