import rule from '../../../../rules/js/no-empty-catch';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/server.ts' }).run(rule, {
  valid: [
    "try {\n  await cache.set(key, value);\n} catch (error) {\n  logger.warn({ err: error }, 'cache write failed');\n}",
    "try {\n  fs.unlinkSync(tmp);\n} catch {\n  // already removed by the cleanup job\n}",
    "promise.catch((error) => logger.error({ err: error }, 'flush failed'));",
    'promise.catch(() => {\n  /* best effort: the next flush retries */\n});',
    { name: 'a catch method that takes no function', code: 'matcher.catch(pattern);' },
  ],
  invalid: [
    {
      name: 'empty catch, with and without a binding',
      code: 'try {\n  await db.query(sql);\n} catch (e) {}\ntry { run(); } catch {}',
      errors: [
        { messageId: 'emptyCatch', line: 3, column: 3, endColumn: 15 },
        { messageId: 'emptyCatch', line: 4, column: 16, endColumn: 24 },
      ],
    },
    {
      name: 'empty promise catch callbacks',
      code: 'sendEmail(user).catch(() => {});\nqueue.publish(msg).catch(function () {});\nwarm().catch(() => undefined);',
      errors: [
        { messageId: 'emptyPromiseCatch', line: 1, column: 23, endColumn: 31 },
        { messageId: 'emptyPromiseCatch', line: 2 },
        { messageId: 'emptyPromiseCatch', line: 3 },
      ],
    },
  ],
});
