import rule from '../../../../rules/python/no-unsafe-deserialization';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    { name: 'JSON', code: 'import json\n\ndef read(body):\n    return json.loads(body)\n' },
    { name: 'eval of a literal', code: 'x = eval("1 + 1")\n' },
    { name: 'a method called load on another object', code: 'import json\n\ndef read(f):\n    return json.load(f)\n' },
    { name: 'a local function named loads', code: 'def loads(s):\n    return s\n\nloads("x")\n' },
    { name: 'tests are not production', filename: 'tests/test_codec.py', code: 'import pickle\npickle.loads(b"x")\n' },
  ],
  invalid: [
    {
      name: 'pickle.loads',
      code: 'import pickle\n\ndef read(body):\n    return pickle.loads(body)\n',
      errors: [{ messageId: 'pickle', line: 4, column: 12, endColumn: 24, message: '`pickle.loads` rebuilds' }],
    },
    {
      name: 'from pickle import load',
      code: 'from pickle import load\n\nwith open(path, "rb") as f:\n    obj = load(f)\n',
      errors: [{ messageId: 'pickle', line: 4, message: '`load`' }],
    },
    {
      name: 'marshal.loads',
      code: 'import marshal\ncode = marshal.loads(blob)\n',
      errors: [{ messageId: 'pickle', message: '`marshal.loads`' }],
    },
    {
      name: 'yaml.load without a loader: the fix uses safe_load',
      code: 'import yaml\n\nconfig = yaml.load(text)\n',
      errors: [{ messageId: 'yamlLoad', line: 3, column: 10, endColumn: 19, message: 'with no safe loader' }],
      output: 'import yaml\n\nconfig = yaml.safe_load(text)\n',
    },
    {
      name: 'yaml.load with the full Loader',
      code: 'import yaml\nconfig = yaml.load(text, Loader=yaml.Loader)\n',
      errors: [{ messageId: 'yamlLoad', message: '`Loader=yaml.Loader`' }],
    },
    {
      name: 'an aliased module',
      code: 'import yaml as y\nconfig = y.unsafe_load(text)\n',
      errors: [{ messageId: 'yamlLoad', message: '`y.unsafe_load`' }],
    },
    {
      name: 'eval and exec on data',
      code: 'def handle(expr, code):\n    eval(expr)\n    exec(code)\n',
      errors: [
        { messageId: 'evalCall', line: 2, column: 5, endColumn: 9 },
        { messageId: 'evalCall', line: 3, message: '`exec()`' },
      ],
    },
  ],
  evidence: [
    { name: 'yaml.safe_load', code: 'import yaml\nconfig = yaml.safe_load(text)\n', evidence: ['YAML loaded with `yaml.safe_load`'] },
    { name: 'SafeLoader', code: 'import yaml\nconfig = yaml.load(text, Loader=yaml.SafeLoader)\n', evidence: ['YAML loaded with `yaml.SafeLoader`'] },
  ],
});
