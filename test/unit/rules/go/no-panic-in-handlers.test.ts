import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-panic-in-handlers';

new RuleTester({ filename: 'internal/api/handlers.go' }).run(rule, {
  valid: [
    'package api\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc mustLoad() {\n\tlog.Fatal("config")\n\tpanic("x")\n}\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, "bad", 500)\n}\n',
  ],
  invalid: [
    {
      code: 'package api\n\nimport (\n\t"log"\n\t"net/http"\n\t"os"\n)\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tpanic("boom")\n\tlog.Fatalf("x %v", 1)\n\tos.Exit(1)\n}\n',
      errors: [
        { messageId: 'panic', line: 10, column: 2, endColumn: 15 },
        { messageId: 'exit', line: 11, message: '`log.Fatalf`' },
        { messageId: 'exit', line: 12, message: '`os.Exit`' },
      ],
    },
    {
      name: 'gin handler, closure inside',
      code: 'package api\n\nimport "github.com/gin-gonic/gin"\n\nfunc h(c *gin.Context) {\n\tdefer func() { panic("x") }()\n}\n',
      errors: [{ messageId: 'panic', line: 6 }],
    },
  ],
});
