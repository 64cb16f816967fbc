import rule from '../../../../rules/js/require-metrics';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: ["import express from 'express';\n\nconst app = express();\napp.listen(3000);\n", { name: 'another Counter', code: "const c = new Counter('x');\n" }],
  invalid: [],
  evidence: [
    {
      name: 'prom-client',
      code: "import express from 'express';\nimport client from 'prom-client';\n\nclient.collectDefaultMetrics();\nconst orders = new client.Counter({ name: 'orders_total', help: 'Orders' });\nconst app = express();\napp.get('/metrics', async (_req, res) => {\n  res.set('Content-Type', client.register.contentType);\n  res.end(await client.register.metrics());\n});\n",
      evidence: ['prom-client default metrics', 'prom-client collectors', 'metrics route /metrics', 'prom-client registry served'],
    },
    { name: 'named imports', code: "import { collectDefaultMetrics, Histogram } from 'prom-client';\n\ncollectDefaultMetrics();\nexport const latency = new Histogram({ name: 'http_seconds', help: 'Latency' });\n", evidence: ['prom-client default metrics', 'prom-client collectors'] },
    { name: 'OpenTelemetry', code: "import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';\n\nconst provider = new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter })] });\n", evidence: ['OpenTelemetry metrics SDK', 'OpenTelemetry metrics SDK'] },
  ],
});
