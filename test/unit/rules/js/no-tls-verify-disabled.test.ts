import rule from '../../../../rules/js/no-tls-verify-disabled';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    "import https from 'node:https';\nconst agent = new https.Agent({ ca: process.env.INTERNAL_CA, rejectUnauthorized: true });",
    "const pool = new Pool({ ssl: { rejectUnauthorized: process.env.NODE_ENV !== 'development' } });",
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    { name: 'a type with the option is no setting', code: 'interface Options { rejectUnauthorized: false | true }' },
  ],
  invalid: [
    {
      name: 'an https.Agent for axios',
      code: "import axios from 'axios';\nimport https from 'node:https';\nconst client = axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: false }) });\n",
      errors: [{ messageId: 'verifyOption', line: 3, column: 81, endColumn: 86, message: '`rejectUnauthorized: false` accepts any certificate' }],
      output: "import axios from 'axios';\nimport https from 'node:https';\nconst client = axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: true }) });\n",
    },
    {
      name: 'pg ssl options, got and request',
      code: "const pool = new Pool({ ssl: { rejectUnauthorized: false } });\nawait got(url, { https: { rejectUnauthorized: false } });\nrequest({ url, strictSSL: false });",
      errors: [
        { messageId: 'verifyOption', line: 1 },
        { messageId: 'verifyOption', line: 2 },
        { messageId: 'verifyOption', line: 3, message: '`strictSSL: false`' },
      ],
      output: "const pool = new Pool({ ssl: { rejectUnauthorized: true } });\nawait got(url, { https: { rejectUnauthorized: true } });\nrequest({ url, strictSSL: true });",
    },
    {
      name: 'the process-wide switch',
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;",
      errors: [
        { messageId: 'envVariable', line: 1, column: 1, endColumn: 47 },
        { messageId: 'envVariable', line: 2 },
      ],
      output: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '1';",
    },
  ],
});
