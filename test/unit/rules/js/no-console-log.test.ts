import rule from '../../../../rules/js/no-console-log';
import { RuleTester } from '../../rule-tester';

const EXPRESS = { 'package.json': '{ "dependencies": { "express": "^4.19.2" } }' };
const EXPRESS_PINO = { 'package.json': '{ "dependencies": { "express": "^4.19.2", "pino": "^9.0.0" } }' };

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    { name: 'a library with no server', code: "export function parse(s: string) {\n  console.warn('deprecated');\n}" },
    { name: 'a CLI script with a shebang', code: "#!/usr/bin/env node\nconsole.log('migrated');", files: EXPRESS },
    { name: 'a script under scripts/', code: "console.log('seeded');", filename: 'scripts/seed.ts', files: EXPRESS },
  ],
  invalid: [
    {
      name: 'console in an express project',
      code: "app.get('/orders', (req, res) => {\n  console.log('listing orders', req.query);\n  res.json([]);\n});",
      files: EXPRESS,
      errors: [{ messageId: 'consoleCall', line: 2, column: 3, endColumn: 14, message: '`console.log` in server code' }],
    },
    {
      name: 'a file that listens, with no framework declared',
      code: "http.createServer(handler).listen(8080, () => console.info('listening'));",
      errors: [{ messageId: 'consoleCall', line: 1, column: 47, message: '`console.info`' }],
    },
    {
      name: 'a structured logger in reach: suggestion to use it',
      code: "import { logger } from './logger';\ntry {\n  await handle();\n} catch (err) {\n  console.error('failed', err);\n  console.log('retrying');\n}",
      files: EXPRESS_PINO,
      errors: [
        { messageId: 'consoleCall', line: 5 },
        { messageId: 'consoleCall', line: 6 },
      ],
      output: "import { logger } from './logger';\ntry {\n  await handle();\n} catch (err) {\n  logger.error('failed', err);\n  logger.info('retrying');\n}",
    },
  ],
  evidence: [
    {
      name: 'pino configured',
      code: "import pino from 'pino';\nexport const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });",
      files: EXPRESS_PINO,
      evidence: ['structured logging with pino'],
    },
  ],
});
