import rule from '../../../../rules/js/no-connection-per-request';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/routes.ts' }).run(rule, {
  valid: [
    { name: 'a Client class of another library', code: "import { Client } from '@elastic/elasticsearch';\napp.get('/search', async (req, res) => {\n  const es = new Client({ node });\n});" },
    { name: 'a factory function at start-up', code: "import { Pool } from 'pg';\nexport function createPool() {\n  return new Pool({ connectionString: process.env.DATABASE_URL });\n}" },
  ],
  invalid: [
    {
      name: 'pg client per express request',
      code: [
        "import { Client } from 'pg';",
        "app.get('/orders/:id', async (req, res) => {",
        '  const client = new Client({ connectionString: process.env.DATABASE_URL });',
        '  await client.connect();',
        "  res.json((await client.query('select * from orders where id = $1', [req.params.id])).rows);",
        '});',
      ].join('\n'),
      errors: [{ messageId: 'perRequest', line: 3, column: 18, endColumn: 76, message: 'A pg client is created inside a request handler' }],
    },
    {
      name: 'mysql2, MongoDB and Redis in routers, fastify and Nest handlers',
      code: [
        "import mysql from 'mysql2/promise';",
        "import { MongoClient } from 'mongodb';",
        "import { createClient } from 'redis';",
        "router.post('/users', async (req, res) => { const db = await mysql.createConnection(config); });",
        "fastify.get('/items', async (request, reply) => { const mongo = new MongoClient(uri); });",
        'class CacheController {',
        "  @Get(':key')",
        '  async get() { const redis = createClient({ url }); }',
        '}',
      ].join('\n'),
      errors: [
        { messageId: 'perRequest', line: 4, message: 'mysql2' },
        { messageId: 'perRequest', line: 5, message: 'MongoDB' },
        { messageId: 'perRequest', line: 8, message: 'Redis' },
      ],
    },
    {
      name: 'a client per message in a loop',
      code: "import Redis from 'ioredis';\nfor (const job of jobs) {\n  const redis = new Redis(url);\n  await redis.lpush('done', job.id);\n}\njobs.forEach(async (job) => { const r = new Redis(url); });",
      errors: [
        { messageId: 'perIteration', line: 3, column: 17 },
        { messageId: 'perIteration', line: 6 },
      ],
    },
  ],
  evidence: [
    {
      name: 'pools created once',
      code: "import { Pool } from 'pg';\nimport Redis from 'ioredis';\nexport const pool = new Pool({ max: 20 });\nexport const redis = new Redis(process.env.REDIS_URL);\napp.get('/x', async (req, res) => res.json(await pool.query('select 1')));",
      evidence: ['pg client created once at module scope', 'Redis client created once at module scope'],
    },
  ],
});
