import rule from '../../../../rules/js/require-health-endpoint';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: ["import express from 'express';\n\nconst app = express();\napp.get('/orders', listOrders);\napp.listen(3000);\n", { name: 'a map lookup is no route', code: "const handler = handlers.get('/health');\n" }, { name: 'an underscore inside a segment is no health route', code: "app.get('/order_health', orderHealth);\n" }],
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
    {
      name: 'leading underscore',
      code: "import express from 'express';\n\nconst app = express();\napp.get('/_healthz', (_req, res) => res.send('ok'));\napp.get('/api/_readyz', readiness);\n",
      evidence: ['health route /_healthz', 'health route /api/_readyz'],
    },
    {
      name: 'gRPC health service',
      filename: 'src/server.js',
      code: "const grpc = require('@grpc/grpc-js');\nconst { HealthImplementation } = require('grpc-health-check');\n\nconst server = new grpc.Server();\nconst health = new HealthImplementation({ '': 'SERVING' });\nhealth.addToServer(server);\n",
      evidence: ['gRPC health service (grpc-health-check)'],
    },
    { name: 'terminus', code: "import { createTerminus } from '@godaddy/terminus';\n\ncreateTerminus(server, { healthChecks: { '/healthz': check } });\n", evidence: ['@godaddy/terminus health checks'] },
  ],
});
