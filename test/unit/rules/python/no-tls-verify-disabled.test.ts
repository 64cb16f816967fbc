import rule from '../../../../rules/python/no-tls-verify-disabled';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    { name: 'verification on by default', code: 'import requests\nr = requests.get(url, timeout=5)\n' },
    { name: 'a private CA bundle', code: 'import httpx\nclient = httpx.Client(verify="/etc/ssl/internal-ca.pem")\n' },
    { name: 'a default context', code: 'import ssl\nctx = ssl.create_default_context()\nctx.verify_mode = ssl.CERT_REQUIRED\n' },
    { name: 'tests are not production', filename: 'tests/test_client.py', code: 'import requests\nrequests.get(url, verify=False)\n' },
  ],
  invalid: [
    {
      name: 'requests.get(verify=False)',
      code: 'import requests\nr = requests.get(url, verify=False, timeout=5)\n',
      errors: [{ messageId: 'verifyFalse', line: 2, column: 23, endColumn: 35 }],
      output: 'import requests\nr = requests.get(url, verify=True, timeout=5)\n',
    },
    {
      name: 'an httpx client',
      code: 'import httpx\nclient = httpx.AsyncClient(verify=False)\n',
      errors: [{ messageId: 'verifyFalse', line: 2 }],
      output: 'import httpx\nclient = httpx.AsyncClient(verify=True)\n',
    },
    {
      name: 'a session with verification off',
      code: 'import requests\ns = requests.Session()\ns.verify = False\n',
      errors: [{ messageId: 'verifyFalse', line: 3, column: 1, endColumn: 17 }],
      output: 'import requests\ns = requests.Session()\ns.verify = True\n',
    },
    {
      name: 'unverified SSL contexts',
      code: 'import ssl\nctx = ssl._create_unverified_context()\nother = ssl.create_default_context()\nother.verify_mode = ssl.CERT_NONE\n',
      errors: [
        { messageId: 'unverifiedContext', line: 2, column: 7, endColumn: 37, message: '`ssl._create_unverified_context`' },
        { messageId: 'unverifiedContext', line: 4, message: '`ssl.CERT_NONE`' },
      ],
    },
  ],
});
