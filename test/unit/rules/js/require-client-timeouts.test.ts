import rule from '../../../../rules/js/require-client-timeouts';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/clients.ts' }).run(rule, {
  valid: [
    { name: 'options built elsewhere', code: 'const res = await fetch(url, requestInit);\nawait axios.get(url, config);' },
    { name: 'a local function called fetch', code: 'async function fetch(id: string) { return db.find(id); }\nawait fetch(id);' },
    { name: 'axios global default', code: "import axios from 'axios';\naxios.defaults.timeout = 5000;\nawait axios.get('/orders');" },
    { name: 'axios instance default in the file', code: "import axios from 'axios';\nconst api = axios.create({ baseURL, timeout: 5000 });\nawait axios.post('/login', body);" },
    { name: 'http.request timed out afterwards', code: "import http from 'node:http';\nconst req = http.request(url, (res) => {});\nreq.setTimeout(5000, () => req.destroy());" },
    { name: 'other modules with a get', code: 'await cache.get(url);\nawait request(url);' },
  ],
  invalid: [
    {
      name: 'fetch without options',
      code: 'const res = await fetch(`${BASE}/orders/${id}`);',
      errors: [{ messageId: 'fetchNoSignal', line: 1, column: 19, endColumn: 48 }],
      output: 'const res = await fetch(`${BASE}/orders/${id}`, { signal: AbortSignal.timeout(10_000) });',
    },
    {
      name: 'fetch with options but no signal',
      code: "await fetch(url, { method: 'POST', body });\nawait fetch(url, {});",
      errors: [
        { messageId: 'fetchNoSignal', line: 1 },
        { messageId: 'fetchNoSignal', line: 2 },
      ],
      output: "await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });\nawait fetch(url, { signal: AbortSignal.timeout(10_000) });",
    },
    {
      name: 'axios calls and instances without a timeout',
      code: "import axios from 'axios';\nconst api = axios.create({ baseURL });\nawait axios.get('/orders');\nawait axios.post('/orders', order, { headers });\nawait axios({ url: '/x', method: 'get' });",
      errors: [
        { messageId: 'noTimeout', line: 2, message: '`axios.create` has no timeout' },
        { messageId: 'noTimeout', line: 3, message: '`axios.get`' },
        { messageId: 'noTimeout', line: 4, message: '`axios.post`' },
        { messageId: 'noTimeout', line: 5, message: '`axios` has no timeout' },
      ],
    },
    {
      name: 'got and node:https',
      code: "import got from 'got';\nimport https from 'node:https';\nconst data = await got.get(url).json();\nhttps.get('https://status.example.com/', (res) => res.resume());",
      errors: [
        { messageId: 'noTimeout', line: 3, message: '`got.get`' },
        { messageId: 'noTimeout', line: 4, message: '`https.get`' },
      ],
    },
  ],
  evidence: [
    {
      name: 'calls with deadlines',
      code: [
        "import axios from 'axios';",
        "import got from 'got';",
        "import http from 'node:http';",
        'await fetch(url, { signal: AbortSignal.timeout(5000) });',
        'const api = axios.create({ baseURL, timeout: 5000 });',
        'await got(url, { timeout: { request: 5000 } });',
        'http.request({ host, path, timeout: 2000 }, onResponse);',
      ].join('\n'),
      evidence: ['fetch with an abort signal', 'axios instance with a default timeout', 'got call with a timeout', 'http.request with a timeout'],
    },
  ],
});
