import { defineRule } from '../define-rule';
import { libraryCalls, type LibraryCall } from './support/libraries';
import { calls, stringValue } from './support/syntax';

const USES: readonly LibraryCall[] = [
  { module: 'slowapi', names: ['Limiter'], note: 'slowapi limiter' },
  { module: 'flask_limiter', names: ['Limiter'], note: 'Flask-Limiter limiter' },
  { module: 'fastapi_limiter.depends', names: ['RateLimiter'], note: 'fastapi-limiter dependency' },
  { module: 'django_ratelimit.decorators', names: ['ratelimit'], note: 'django-ratelimit decorator' },
  { module: 'ratelimit.decorators', names: ['ratelimit'], note: 'django-ratelimit decorator' },
];
/** `"5/minute"`, `"100 per hour"`, `"10/s"`: a limit string. */
const LIMIT = /^\s*\d+\s*(\/|per)\s*\d*\s*[a-z]+/i;

export default defineRule({
  id: 'python/prefer-rate-limiting',
  target: 'python',
  meta: {
    item: 'security.rate-limiting',
    severity: 'info',
    description: 'Record request rate limiting in Python code as evidence (slowapi, Flask-Limiter, fastapi-limiter, django-ratelimit, DRF throttling).',
    rationale: 'A service with no throttling lets one client, a scraper or a retry storm take all its capacity and every dependency behind it.',
    remediation: 'Limit requests per client: slowapi for FastAPI/Starlette, Flask-Limiter, django-ratelimit or DRF `DEFAULT_THROTTLE_CLASSES` (or limit at the ingress).',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found = libraryCalls(doc, USES).map(({ call, note }) => ({ node: call.node, note }));
    // `@limiter.limit("5/minute")` on a route.
    for (const call of calls(doc)) {
      if (/\.(limit|shared_limit)$/.test(call.callee) && LIMIT.test(stringValue(doc, call.positional[0]) ?? '')) found.push({ node: call.node, note: 'route rate limit' });
    }
    // Django REST framework: `DEFAULT_THROTTLE_CLASSES` in settings, `throttle_classes = [...]` on views.
    for (const { node } of doc.captures('[(assignment left: (identifier) @name) (pair key: (string) @name)]')) {
      const name = node.type === 'string' ? stringValue(doc, node) : doc.text(node);
      if (name === 'DEFAULT_THROTTLE_CLASSES' || name === 'throttle_classes') found.push({ node: node.parent ?? node, note: 'Django REST framework throttling' });
    }
    for (const { node, note } of found.sort((a, b) => a.node.startIndex - b.node.startIndex)) ctx.evidence({ span: doc.span(node), note });
  },
});
