import rule from '../../../../rules/js/no-eval';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    'const body = JSON.parse(raw);',
    'setTimeout(() => flush(), 1000);\nsetInterval(poll, 5000);',
    "import vm from 'node:vm';\nconst result = vm.runInNewContext('1 + 1');",
    { name: 'a method called eval on another object', code: 'const value = expression.eval(scope);' },
    { name: 'runInNewContext of another module', code: 'sandbox.runInNewContext(code);' },
  ],
  invalid: [
    {
      name: 'eval of request data',
      code: "app.post('/calc', (req, res) => {\n  res.json({ result: eval(req.body.expression) });\n});",
      errors: [{ messageId: 'evalCall', line: 2, column: 22, endColumn: 47 }],
    },
    {
      name: 'Function constructor, called or new',
      code: "const fn = new Function('a', 'b', body);\nconst g = Function(source);",
      errors: [
        { messageId: 'functionConstructor', line: 1, column: 12 },
        { messageId: 'functionConstructor', line: 2, column: 11 },
      ],
    },
    {
      name: 'vm with dynamic code',
      code: "import * as vm from 'vm';\nvm.runInNewContext(userScript, { data });\nconst script = new vm.Script(source);",
      errors: [
        { messageId: 'vmDynamic', line: 2, message: '`vm.runInNewContext`' },
        { messageId: 'vmDynamic', line: 3, message: '`vm.Script`' },
      ],
    },
    {
      name: 'string timers',
      code: "setTimeout('refresh()', 100);\nwindow.setInterval('tick(' + id + ')', 1000);",
      errors: [
        { messageId: 'stringTimer', line: 1, column: 12, endColumn: 23, message: '`setTimeout` with a string' },
        { messageId: 'stringTimer', line: 2, message: '`setInterval`' },
      ],
    },
  ],
});
