import rule from '../../../../rules/js/no-permissive-cors';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    { name: 'a public API without credentials', code: "import cors from 'cors';\napp.use(cors({ origin: '*' }));" },
    { name: 'manual wildcard without credentials', code: "app.use((req, res, next) => {\n  res.setHeader('Access-Control-Allow-Origin', '*');\n  next();\n});" },
    { name: 'fetch credentials option', code: "await fetch(url, { credentials: 'include', mode: 'cors' });" },
  ],
  invalid: [
    {
      name: 'express cors with any origin and credentials',
      code: "import cors from 'cors';\napp.use(cors({ origin: '*', credentials: true }));\napp.use(cors({ credentials: true, origin: true }));",
      errors: [
        { messageId: 'anyOriginWithCredentials', line: 2, column: 16, endColumn: 27, message: "any origin ('*')" },
        { messageId: 'anyOriginWithCredentials', line: 3, column: 35, endColumn: 47, message: 'any origin (true)' },
      ],
    },
    {
      name: 'Nest enableCors and fastify cors',
      code: "app.enableCors({ origin: true, credentials: true });\nawait fastify.register(fastifyCors, { origin: /.*/, credentials: true });",
      errors: [
        { messageId: 'anyOriginWithCredentials', line: 1 },
        { messageId: 'anyOriginWithCredentials', line: 2 },
      ],
    },
    {
      name: 'manual headers reflecting the origin with credentials',
      code: [
        'app.use((req, res, next) => {',
        "  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);",
        "  res.setHeader('Access-Control-Allow-Credentials', 'true');",
        '  next();',
        '});',
        'app.use((req, res, next) => {',
        "  res.header('Access-Control-Allow-Origin', '*');",
        "  res.header('Access-Control-Allow-Credentials', true);",
        '  next();',
        '});',
      ].join('\n'),
      errors: [
        { messageId: 'manualHeader', line: 2, column: 3, endColumn: 67, message: 'to the request Origin' },
        { messageId: 'manualHeader', line: 7, message: 'to *' },
      ],
    },
  ],
  evidence: [
    {
      name: 'helmet and a CORS allow-list',
      code: "import helmet from 'helmet';\nimport cors from 'cors';\napp.use(helmet());\napp.use(cors({ origin: ['https://app.example.com'], credentials: true }));",
      evidence: ['security headers set with helmet', 'CORS restricted to an allow-list of origins'],
    },
    {
      name: 'fastify helmet and cors from configuration',
      code: "import helmet from '@fastify/helmet';\nimport cors from '@fastify/cors';\nawait app.register(helmet);\nawait app.register(cors, { origin: config.allowedOrigins });",
      evidence: ['security headers set with helmet', 'CORS restricted to an allow-list of origins'],
    },
  ],
});
