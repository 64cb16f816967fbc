import { defineRule } from '../define-rule';
import { libraryUses, type LibraryUse } from './support/go';

const USES: readonly LibraryUse[] = [
  { path: 'golang.org/x/time/rate', names: ['NewLimiter'], note: 'golang.org/x/time/rate limiter' },
  { path: 'github.com/didip/tollbooth/', note: 'tollbooth rate limiting' },
  { path: 'github.com/didip/tollbooth', note: 'tollbooth rate limiting' },
  { path: 'github.com/go-chi/httprate', note: 'httprate rate limiting' },
  { path: 'github.com/ulule/limiter/', note: 'ulule/limiter rate limiting' },
  { path: 'github.com/gofiber/fiber/v2/middleware/limiter', note: 'fiber limiter middleware' },
];

export default defineRule({
  id: 'go/prefer-rate-limiting',
  target: 'go',
  meta: {
    item: 'security.rate-limiting',
    severity: 'info',
    description: 'Record request rate limiting in Go code as evidence (x/time/rate, tollbooth, httprate, ulule/limiter).',
    rationale: 'A service with no throttling lets one client or a retry storm take all its capacity and every dependency behind it.',
    remediation: 'Limit requests per client with a middleware: `golang.org/x/time/rate`, httprate, tollbooth or ulule/limiter (or limit at the ingress).',
  },
  messages: {},
  check(ctx) {
    for (const use of libraryUses(ctx.doc, USES)) ctx.evidence({ span: ctx.doc.span(use.node), note: use.note });
  },
});
