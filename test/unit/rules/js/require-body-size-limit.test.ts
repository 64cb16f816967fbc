import rule from '../../../../rules/js/require-body-size-limit';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    { name: 'express default limit', code: "import express from 'express';\nconst app = express();\napp.use(express.json());" },
    { name: 'a limit option of something else', code: "const rows = await db.select({ limit: '1gb' });" },
  ],
  invalid: [
    {
      name: 'huge express and body-parser limits',
      code: "import express from 'express';\nimport bodyParser from 'body-parser';\napp.use(express.json({ limit: '1gb' }));\napp.use(bodyParser.urlencoded({ extended: true, limit: '50mb' }));",
      errors: [
        { messageId: 'hugeLimit', line: 3, column: 24, endColumn: 36, message: "A body limit of '1gb'" },
        { messageId: 'hugeLimit', line: 4, column: 49 },
      ],
    },
    {
      name: 'named imports, numbers, fastify and koa-body',
      code: [
        "import { json } from 'express';",
        "import Fastify from 'fastify';",
        "import { koaBody } from 'koa-body';",
        'app.use(json({ limit: 100 * 1024 * 1024 }));',
        'const server = Fastify({ logger: true, bodyLimit: Infinity });',
        "app.use(koaBody({ jsonLimit: '200mb' }));",
      ].join('\n'),
      errors: [
        { messageId: 'hugeLimit', line: 4 },
        { messageId: 'hugeLimit', line: 5, message: 'Infinity' },
        { messageId: 'hugeLimit', line: 6 },
      ],
    },
  ],
  evidence: [
    {
      name: 'explicit reasonable limits',
      code: "const express = require('express');\napp.use(express.json({ limit: '1mb' }));\napp.use(express.raw({ type: 'image/*', limit: 5 * 1024 * 1024 }));",
      evidence: ["request body limited to '1mb'", 'request body limited to 5 * 1024 * 1024'],
    },
  ],
});
