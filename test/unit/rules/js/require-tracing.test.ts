import rule from '../../../../rules/js/require-tracing';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/tracing.ts' }).run(rule, {
  valid: ["import express from 'express';\n\nexpress().listen(3000);\n", { name: 'an import alone is not evidence', code: "import { trace } from '@opentelemetry/api';\n\nconst tracer = trace.getTracer('orders');\n" }],
  invalid: [],
  evidence: [
    {
      name: 'NodeSDK with auto-instrumentations',
      code: "import { NodeSDK } from '@opentelemetry/sdk-node';\nimport { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';\n\nconst sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });\nsdk.start();\n",
      evidence: ['OpenTelemetry NodeSDK', 'OpenTelemetry auto-instrumentations'],
    },
    { name: 'dd-trace', filename: 'src/server.js', code: "const tracer = require('dd-trace').init({ service: 'orders' });\n", evidence: ['dd-trace initialised'] },
    { name: 'dd-trace/init', code: "import 'dd-trace/init';\n", evidence: ['dd-trace initialised'] },
  ],
});
