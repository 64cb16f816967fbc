import rule from '../../../../rules/js/require-health-endpoint';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: ["import express from 'express';\n\nconst app = express();\napp.get('/orders', listOrders);\napp.listen(3000);\n", { name: 'a map lookup is no route', code: "const handler = handlers.get('/health');\n" }],
  invalid: [],
  evidence: [
    { name: 'express', code: "import express from 'express';\n\nconst app = express();\napp.get('/healthz', (_req, res) => res.send('ok'));\napp.get('/readyz', readiness);\n", evidence: ['health route /healthz', 'health route /readyz'] },
    { name: 'fastify route()', code: "fastify.route({ method: 'GET', url: '/health', handler: async () => ({ status: 'ok' }) });\n", evidence: ['health route /health'] },
    {
      name: 'Nest controller',
      filename: 'src/health/health.controller.ts',
      code: "import { Controller, Get } from '@nestjs/common';\n\n@Controller()\nexport class HealthController {\n  @Get('healthz')\n  check() {\n    return { status: 'ok' };\n  }\n}\n",
      evidence: ["Nest @Get('healthz')"],
    },
    { name: 'terminus', code: "import { createTerminus } from '@godaddy/terminus';\n\ncreateTerminus(server, { healthChecks: { '/healthz': check } });\n", evidence: ['@godaddy/terminus health checks'] },
  ],
});
