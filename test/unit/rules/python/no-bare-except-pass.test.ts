import rule from '../../../../rules/python/no-bare-except-pass';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    { name: 'a specific exception ignored', code: 'try:\n    os.remove(path)\nexcept FileNotFoundError:\n    pass\n' },
    { name: 'logged', code: 'try:\n    save(order)\nexcept Exception:\n    logger.exception("save failed")\n' },
    { name: 'a comment says why', code: 'try:\n    close()\nexcept Exception:  # shutting down anyway\n    pass\n' },
    { name: 'tests are not production', filename: 'tests/test_orders.py', code: 'try:\n    f()\nexcept:\n    pass\n' },
  ],
  invalid: [
    {
      name: 'bare except: pass',
      code: 'try:\n    save(order)\nexcept:\n    pass\n',
      errors: [{ messageId: 'swallowed', line: 3, column: 1, endColumn: 8, message: '`except:` with only `pass`' }],
    },
    {
      name: 'except Exception as e: pass',
      code: 'def place(order):\n    try:\n        save(order)\n    except Exception as e:\n        pass\n',
      errors: [{ messageId: 'swallowed', line: 4, column: 5, endColumn: 27, message: '`except Exception as e:`' }],
    },
    {
      name: 'except BaseException',
      code: 'try:\n    run()\nexcept BaseException:\n    pass\n',
      errors: [{ messageId: 'swallowed', line: 3 }],
    },
  ],
});
