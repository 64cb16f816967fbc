import rule from '../../../../rules/python/require-client-timeouts';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    { name: 'httpx has a default timeout', code: 'import httpx\nr = httpx.get(url)\n' },
    { name: 'keyword arguments passed through', code: 'import requests\n\ndef fetch(url, **kwargs):\n    return requests.get(url, **kwargs)\n' },
    { name: 'another get()', code: 'import requests\nvalue = cache.get("k")\n' },
    { name: 'tests are not production', filename: 'tests/test_api.py', code: 'import requests\nrequests.get(url)\n' },
  ],
  invalid: [
    {
      name: 'requests.get without timeout',
      code: 'import requests\nr = requests.get(url, params={"q": 1})\n',
      errors: [{ messageId: 'noTimeout', line: 2, column: 5, endColumn: 17, message: '`requests.get(...)` has no `timeout`' }],
      output: 'import requests\nr = requests.get(url, params={"q": 1}, timeout=10)\n',
    },
    {
      name: 'requests.request over several lines with a trailing comma',
      code: 'import requests\nr = requests.request(\n    "POST",\n    url,\n)\n',
      errors: [{ messageId: 'noTimeout', line: 2 }],
      output: 'import requests\nr = requests.request(\n    "POST",\n    url,\ntimeout=10)\n',
    },
    {
      name: 'from requests import post',
      code: 'from requests import post\npost(url, json=body)\n',
      errors: [{ messageId: 'noTimeout', message: '`post(...)`' }],
      output: 'from requests import post\npost(url, json=body, timeout=10)\n',
    },
    {
      name: 'timeout=None is also forever',
      code: 'import requests\nrequests.delete(url, timeout=None)\n',
      errors: [{ messageId: 'noTimeout', line: 2, column: 22, endColumn: 34 }],
    },
  ],
  evidence: [
    { name: 'timeouts given', code: 'import requests\nr = requests.get(url, timeout=(3, 10))\n', evidence: ['`requests.get` with a timeout'] },
  ],
});
