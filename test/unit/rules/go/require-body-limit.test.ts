import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-body-limit';

const HEAD = 'package api\n\nimport (\n\t"encoding/json"\n\t"io"\n\t"net/http"\n)\n\n';

new RuleTester({ filename: 'internal/api/orders.go' }).run(rule, {
  valid: [
    HEAD + 'func create(w http.ResponseWriter, r *http.Request) {\n\tr.Body = http.MaxBytesReader(w, r.Body, 1<<20)\n\tjson.NewDecoder(r.Body).Decode(&o)\n}\n',
    { name: 'a limited reader', code: HEAD + 'func create(w http.ResponseWriter, r *http.Request) {\n\tio.ReadAll(io.LimitReader(r.Body, 1<<20))\n}\n' },
    { name: 'not a handler', code: HEAD + 'func parse(resp *http.Response) {\n\tio.ReadAll(resp.Body)\n}\n' },
    {
      name: 'a middleware in the package limits every request',
      code: HEAD + 'func create(w http.ResponseWriter, r *http.Request) {\n\tio.ReadAll(r.Body)\n}\n',
      files: { 'internal/api/middleware.go': 'package api\n\nimport "net/http"\n\nfunc limit(next http.Handler) http.Handler {\n\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\tr.Body = http.MaxBytesReader(w, r.Body, 1<<20)\n\t\tnext.ServeHTTP(w, r)\n\t})\n}\n' },
    },
  ],
  invalid: [
    {
      code: HEAD + 'func create(w http.ResponseWriter, req *http.Request) {\n\tjson.NewDecoder(req.Body).Decode(&o)\n\tb, _ := io.ReadAll(req.Body)\n}\n',
      errors: [
        { messageId: 'unbounded', line: 10, column: 2, endColumn: 27, message: '`json.NewDecoder(req.Body)`' },
        { messageId: 'unbounded', line: 11, message: '`io.ReadAll(req.Body)`' },
      ],
    },
    {
      name: 'a handler closure; a limit in another handler does not count',
      code: HEAD + 'func routes(mux *http.ServeMux) {\n\tmux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {\n\t\tio.ReadAll(r.Body)\n\t})\n}\n\nfunc other(w http.ResponseWriter, r *http.Request) {\n\tr.Body = http.MaxBytesReader(w, r.Body, 10)\n}\n',
      errors: [{ messageId: 'unbounded', line: 11 }],
      evidence: ['http.MaxBytesReader limits request bodies'],
    },
  ],
  evidence: [
    { code: HEAD + 'func create(w http.ResponseWriter, r *http.Request) {\n\tr.Body = http.MaxBytesReader(w, r.Body, 1<<20)\n\tio.ReadAll(r.Body)\n}\n', evidence: ['http.MaxBytesReader limits request bodies'] },
  ],
});
