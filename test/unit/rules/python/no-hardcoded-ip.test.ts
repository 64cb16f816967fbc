import rule from '../../../../rules/python/no-hardcoded-ip';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    'import uvicorn\n\nuvicorn.run("app.main:app", host="0.0.0.0", port=8000)\n',
    { name: 'loopback', code: 'REDIS_URL = "redis://127.0.0.1:6379/0"\n' },
    { name: 'a version is not an address', code: 'VERSION = "1.2.3"\n' },
    { name: 'from configuration', code: 'import os\n\nREDIS_HOST = os.environ["REDIS_HOST"]\n' },
    { name: 'test code', filename: 'tests/test_client.py', code: 'HOST = "10.0.0.12"\n' },
  ],
  invalid: [
    {
      name: 'a private address',
      code: 'import redis\n\ncache = redis.Redis(host="10.0.3.17", port=6379)\n',
      errors: [{ messageId: 'hardcodedIp', line: 3, column: 26, endColumn: 37, message: 'The address 10.0.3.17' }],
    },
    {
      name: 'in a URL',
      code: 'ELASTIC_URL = "http://172.16.4.2:9200"\n',
      errors: [{ messageId: 'hardcodedIp', line: 1, column: 15, message: '172.16.4.2' }],
    },
  ],
});
