import rule from '../../../../rules/js/prefer-rate-limiting';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    "import express from 'express';\n\nconst app = express();\napp.use(express.json());\n",
    { name: 'a limiter created but never mounted', code: "import rateLimit from 'express-rate-limit';\n\nconst limiter = rateLimit({ windowMs: 60_000, limit: 100 });\n" },
  ],
  invalid: [],
  evidence: [
    {
      name: 'express-rate-limit in app.use',
      code: "import express from 'express';\nimport rateLimit from 'express-rate-limit';\n\nconst app = express();\nconst limiter = rateLimit({ windowMs: 60_000, limit: 100 });\napp.use(limiter);\napp.post('/login', rateLimit({ windowMs: 60_000, limit: 5 }), login);\n",
      evidence: ['express-rate-limit middleware', 'express-rate-limit middleware'],
    },
    { name: '@fastify/rate-limit', code: "import Fastify from 'fastify';\nimport rateLimit from '@fastify/rate-limit';\n\nconst app = Fastify();\nawait app.register(rateLimit, { max: 100, timeWindow: '1 minute' });\n", evidence: ['@fastify/rate-limit registered'] },
    { name: 'rate-limiter-flexible', code: "import { RateLimiterRedis } from 'rate-limiter-flexible';\n\nconst limiter = new RateLimiterRedis({ storeClient: redis, points: 10, duration: 1 });\n", evidence: ['rate-limiter-flexible limiter'] },
    {
      name: '@nestjs/throttler',
      filename: 'src/app.module.ts',
      code: "import { Module } from '@nestjs/common';\nimport { ThrottlerModule } from '@nestjs/throttler';\n\n@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])] })\nexport class AppModule {}\n",
      evidence: ['@nestjs/throttler ThrottlerModule'],
    },
  ],
});
