import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { defineRule } from '../define-rule';
import type { EsNode } from '../../server/src/targets/source/estree-document';
import { bindingsOf, calls, callsExport, moduleImports, news, stringValue } from './support/estree';
import { decorators, recordInOrder } from './support/evidence';

const FLEXIBLE = ['RateLimiterMemory', 'RateLimiterRedis', 'RateLimiterMongo', 'RateLimiterPostgres', 'RateLimiterMySQL', 'RateLimiterCluster', 'RateLimiterMemcache', 'RateLimiterDynamo', 'RateLimiterPrisma', 'RateLimiterValkey'];

export default defineRule({
  id: 'js/prefer-rate-limiting',
  target: 'js',
  meta: {
    item: 'security.rate-limiting',
    severity: 'info',
    description: 'Record request rate limiting in TypeScript and JavaScript as evidence (express-rate-limit, rate-limiter-flexible, @fastify/rate-limit, @nestjs/throttler).',
    rationale: 'A service with no throttling lets one client, a scraper or a retry storm take all its capacity and every dependency behind it.',
    remediation: 'Limit requests per client: `app.use(rateLimit({ windowMs, limit }))` with express-rate-limit, register @fastify/rate-limit, or add the Nest `ThrottlerModule` (or limit at the ingress).',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found: Array<{ node: EsNode; note: string }> = [];
    const erl = bindingsOf(doc, 'express-rate-limit');
    const flexible = bindingsOf(doc, 'rate-limiter-flexible');
    const fastify = bindingsOf(doc, '@fastify/rate-limit');
    const limiterNames = new Set<string>();
    const limiterCalls: TSESTree.CallExpression[] = [];
    for (const { node: call, path } of calls(doc)) {
      const isRateLimit = (call.callee.type === 'Identifier' && erl.whole.has(call.callee.name)) || callsExport(path, erl, 'rateLimit') || callsExport(path, erl, 'default');
      if (!isRateLimit) continue;
      const parent = doc.parent(call);
      if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') limiterNames.add(parent.id.name);
      limiterCalls.push(call);
    }
    // The limiter counts once it is mounted: `app.use(limiter)`, `app.use(rateLimit(...))`, `router.post('/login', limiter, h)`.
    for (const { node: call, path = '' } of calls(doc)) {
      if (call.callee.type !== 'MemberExpression') continue;
      for (const arg of call.arguments) {
        if (arg.type === 'Identifier' && limiterNames.has(arg.name)) found.push({ node: call, note: 'express-rate-limit middleware' });
        if (arg.type === 'CallExpression' && limiterCalls.includes(arg)) found.push({ node: call, note: 'express-rate-limit middleware' });
      }
      // `fastify.register(rateLimit, { max: 100 })`, `fastify.register(require('@fastify/rate-limit'))`
      if (/(^|\.)register$/.test(path)) {
        const first = call.arguments[0];
        const isPlugin =
          (first?.type === 'Identifier' && (fastify.whole.has(first.name) || fastify.named.has(first.name))) ||
          (first?.type === 'CallExpression' && first.callee.type === 'Identifier' && first.callee.name === 'require' && stringValue(first.arguments[0]) === '@fastify/rate-limit') ||
          (first?.type === 'ImportExpression' && stringValue(first.source) === '@fastify/rate-limit');
        if (isPlugin) found.push({ node: call, note: '@fastify/rate-limit registered' });
      }
      if (/(^|\.)ThrottlerModule\.forRoot(Async)?$/.test(path) && moduleImports(doc).some((i) => i.module === '@nestjs/throttler')) {
        found.push({ node: call, note: '@nestjs/throttler ThrottlerModule' });
      }
    }
    for (const { node: expr, path } of news(doc)) {
      if (FLEXIBLE.some((c) => callsExport(path, flexible, c))) found.push({ node: expr, note: 'rate-limiter-flexible limiter' });
    }
    if (moduleImports(doc).some((i) => i.module === '@nestjs/throttler')) {
      for (const { node, name } of decorators(doc, new Set(['Throttle']))) found.push({ node, note: `@nestjs/throttler @${name}` });
    }
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
