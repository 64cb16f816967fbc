import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-debug-print';

new RuleTester({ filename: 'internal/api/handlers.go' }).run(rule, {
  valid: [
    { name: 'start-up output in main', filename: 'cmd/api/main.go', code: 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("listening") }\n' },
    { name: 'Fprintf to a writer', code: 'package api\n\nimport "fmt"\n\nfunc f(w io.Writer) { fmt.Fprintf(w, "x") }\n' },
  ],
  invalid: [
    {
      code: 'package api\n\nimport (\n\t"fmt"\n\t"log/slog"\n)\n\nfunc f() {\n\tfmt.Println("saved")\n\tfmt.Printf("%d\\n", n)\n\tprintln("here")\n}\n',
      errors: [
        { messageId: 'print', line: 9, column: 2, endColumn: 22, message: '`fmt.Println` prints to stdout with no level or fields from server code' },
        { messageId: 'print', line: 10, message: '`fmt.Printf`' },
        { messageId: 'print', line: 11, message: '`println`' },
      ],
      output: 'package api\n\nimport (\n\t"fmt"\n\t"log/slog"\n)\n\nfunc f() {\n\tslog.Info("saved")\n\tfmt.Printf("%d\\n", n)\n\tslog.Info("here")\n}\n',
      evidence: ['structured logging with log/slog'],
    },
    {
      name: 'a handler in package main',
      filename: 'cmd/api/main.go',
      code: 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tfmt.Println(r.URL)\n}\n',
      errors: [{ messageId: 'print', line: 9, message: 'from an HTTP handler' }],
    },
  ],
  evidence: [{ code: 'package api\n\nimport "go.uber.org/zap"\n\nvar l, _ = zap.NewProduction()\n', evidence: ['structured logging with zap'] }],
});
