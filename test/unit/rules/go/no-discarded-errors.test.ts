import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-discarded-errors';

new RuleTester({ filename: 'internal/store/store.go' }).run(rule, {
  valid: [
    'package store\n\nfunc f() {\n\tdefer func() { _ = f.Close() }()\n\tif err := tx.Commit(); err != nil {\n\t\treturn\n\t}\n}\n',
    { name: 'an empty branch that says why', code: 'package store\n\nfunc f() {\n\tif err != nil {\n\t\t// best effort: the cache refills on the next read\n\t}\n}\n' },
    { name: 'a declaration, not an assignment', code: 'package store\n\nfunc f() {\n\tb, _ := json.Marshal(v)\n\t_ = b\n}\n' },
    { name: 'err == nil', code: 'package store\n\nfunc f() {\n\tif err == nil {\n\t}\n}\n' },
  ],
  invalid: [
    {
      code: 'package store\n\nfunc f() {\n\t_ = tx.Commit()\n\t_, _ = db.Exec("DELETE FROM t")\n\t_ = json.Unmarshal(b, &v)\n}\n',
      errors: [
        { messageId: 'discarded', line: 4, column: 2, endColumn: 17, message: '`tx.Commit(…)`' },
        { messageId: 'discarded', line: 5, message: '`db.Exec(…)`' },
        { messageId: 'discarded', line: 6, message: '`json.Unmarshal(…)`' },
      ],
    },
    {
      name: 'empty error branches',
      code: 'package store\n\nfunc f() {\n\tif err := save(); err != nil {\n\t}\n\tif writeErr != nil {}\n}\n',
      errors: [
        { messageId: 'emptyBranch', line: 4, column: 2, endColumn: 30, message: '`if err != nil`' },
        { messageId: 'emptyBranch', line: 6 },
      ],
    },
  ],
});
