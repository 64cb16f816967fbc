import rule from '../../../../rules/js/require-graceful-shutdown';
import { RuleTester } from '../../rule-tester';

const SHUTDOWN = "process.on('SIGTERM', async () => {\n  await pool.end();\n  process.exit(0);\n});\n";

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    { name: 'no server', code: 'export const sum = (a: number, b: number) => a + b;' },
    { name: 'the handler lives in another production file', code: "app.listen(3000);\nimport './shutdown';", files: { 'src/shutdown.ts': SHUTDOWN } },
    { name: 'process.exit outside request handlers', code: "if (!process.env.DATABASE_URL) {\n  console.error('DATABASE_URL is required');\n  process.exit(1);\n}" },
  ],
  invalid: [
    {
      name: 'express server assigned to a variable: suggestion adds a handler',
      code: "import express from 'express';\nconst app = express();\nconst server = app.listen(3000);\n",
      errors: [{ messageId: 'noShutdownHandler', line: 3, column: 16, endColumn: 32 }],
      output:
        "import express from 'express';\nconst app = express();\nconst server = app.listen(3000);\n\nfor (const signal of ['SIGTERM', 'SIGINT'] as const) {\n  process.once(signal, () => {\n    server.close(() => process.exit(0));\n  });\n}\n",
    },
    {
      name: 'a handler only in test code does not count',
      code: 'http.createServer(handler).listen(port, () => log.info("up"));',
      files: { 'test/setup.ts': SHUTDOWN },
      errors: [{ messageId: 'noShutdownHandler', line: 1, column: 1 }],
    },
    {
      name: 'fastify and Nest listen without an assignment: no fix',
      code: "async function main() {\n  await fastify.listen({ port: 3000, host: '0.0.0.0' });\n}",
      errors: [{ messageId: 'noShutdownHandler', line: 2, column: 9 }],
    },
    {
      name: 'process.exit in a request handler',
      code: SHUTDOWN + "app.post('/admin/stop', (req, res) => {\n  res.send('bye');\n  process.exit(1);\n});",
      errors: [{ messageId: 'exitInHandler', line: 7, column: 3, endColumn: 18 }],
    },
  ],
  evidence: [
    {
      name: 'SIGTERM handler closing the server',
      code: "const server = app.listen(3000);\nprocess.on('SIGTERM', () => {\n  server.close(() => process.exit(0));\n});",
      evidence: ['SIGTERM handler closes the server'],
    },
    { name: 'Nest shutdown hooks', code: 'const app = await NestFactory.create(AppModule);\napp.enableShutdownHooks();\nawait app.listen(3000);', evidence: ['Nest shutdown hooks enabled'] },
    { name: 'terminus', code: "import { createTerminus } from '@godaddy/terminus';\ncreateTerminus(server, { signals: ['SIGTERM'], onSignal });\nserver.listen(3000);", evidence: ['graceful shutdown with createTerminus'] },
  ],
});
