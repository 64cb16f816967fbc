import rule from '../../../../rules/js/no-console-log';
import { RuleTester } from '../../rule-tester';

const EXPRESS = { 'package.json': '{ "dependencies": { "express": "^4.19.2" } }' };
const EXPRESS_PINO = { 'package.json': '{ "dependencies": { "express": "^4.19.2", "pino": "^9.0.0" } }' };

const GRPC_HANDLER = `const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const definition = protoLoader.loadSync('protos/rates.proto');
const proto = grpc.loadPackageDefinition(definition);

function convert(call, callback) {
  try {
    callback(null, rates.convert(call.request));
  } catch (err) {
    console.warn(err);
    callback(err);
  }
}

const server = new grpc.Server();
server.addService(proto.rates.Rates.service, { convert });
server.bindAsync('0.0.0.0:7000', grpc.ServerCredentials.createInsecure(), () => {});
`;

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    { name: 'a library with no server', code: "export function parse(s: string) {\n  console.warn('deprecated');\n}" },
    { name: 'a CLI script with a shebang', code: "#!/usr/bin/env node\nconsole.log('migrated');", files: EXPRESS },
    { name: 'a script under scripts/', code: "console.log('seeded');", filename: 'scripts/seed.ts', files: EXPRESS },
    {
      name: 'Function.prototype.bind in a file importing grpc is no server',
      code: "import * as grpc from '@grpc/grpc-js';\nexport function retry(fn: () => void) {\n  const run = fn.bind(null);\n  console.warn('retrying', grpc.status.UNAVAILABLE);\n  run();\n}",
    },
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
    {
      name: 'console in a gRPC handler of a file that starts the server',
      filename: 'src/server.js',
      code: GRPC_HANDLER,
      errors: [{ messageId: 'consoleCall', line: 11, column: 5, message: '`console.warn`' }],
    },
    {
      name: 'console in a file of a project depending on @grpc/grpc-js',
      filename: 'src/handlers.js',
      code: "export function getQuote(call, callback) {\n  console.log('quote for', call.request.items.length, 'items');\n  callback(null, quote(call.request));\n}",
      files: { 'package.json': '{ "dependencies": { "@grpc/grpc-js": "^1.10.6", "@grpc/proto-loader": "^0.7.12" } }' },
      errors: [{ messageId: 'consoleCall', line: 2 }],
    },
    {
      name: 'legacy grpc: server.bind with an address',
      filename: 'src/server.js',
      code: "const grpc = require('grpc');\nconst server = createServer();\nserver.bind('0.0.0.0:50051', grpc.ServerCredentials.createInsecure());\nserver.start();\nconsole.log('listening on 50051');",
      errors: [{ messageId: 'consoleCall', line: 5 }],
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
