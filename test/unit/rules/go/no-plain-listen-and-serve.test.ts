import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-plain-listen-and-serve';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: [
    'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5}\n\t_ = srv.ListenAndServe()\n}\n',
    { name: 'a local function named ListenAndServe', code: 'package main\n\nfunc ListenAndServe(a string) {}\n\nfunc main() { ListenAndServe(":1") }\n' },
    { name: 'Run on something that is not a gin engine', code: 'package main\n\nimport "github.com/gin-gonic/gin"\n\nvar _ gin.H\n\nfunc main() { job := newJob(); job.Run() }\n' },
  ],
  invalid: [
    {
      name: 'http.ListenAndServe with time imported gets a fix',
      code: 'package main\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nvar _ = time.Second\n\nfunc main() {\n\thttp.ListenAndServe(":8080", mux)\n}\n',
      errors: [{ messageId: 'plainListen', line: 11, column: 2, endLine: 11, endColumn: 35, message: '`http.ListenAndServe`' }],
      output:
        'package main\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nvar _ = time.Second\n\nfunc main() {\n\t(&http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second, WriteTimeout: 15 * time.Second, IdleTimeout: 60 * time.Second}).ListenAndServe()\n}\n',
    },
    {
      name: 'aliased import, TLS, nil handler',
      code: 'package main\n\nimport (\n\tnethttp "net/http"\n\t"time"\n)\n\nvar _ = time.Second\n\nfunc main() {\n\tnethttp.ListenAndServeTLS(":443", "c.pem", "k.pem", nil)\n}\n',
      errors: [{ messageId: 'plainListen', line: 11, message: '`http.ListenAndServeTLS`' }],
      output:
        'package main\n\nimport (\n\tnethttp "net/http"\n\t"time"\n)\n\nvar _ = time.Second\n\nfunc main() {\n\t(&nethttp.Server{Addr: ":443", ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second, WriteTimeout: 15 * time.Second, IdleTimeout: 60 * time.Second}).ListenAndServeTLS("c.pem", "k.pem")\n}\n',
    },
    {
      name: 'no fix without the time import',
      code: 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      errors: [{ messageId: 'plainListen', line: 6 }],
    },
    {
      name: 'http.Server without read timeouts',
      code: 'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080", WriteTimeout: 10}\n\tsrv.ListenAndServe()\n}\n',
      errors: [{ messageId: 'serverWithoutTimeouts', line: 6, column: 10, endColumn: 21 }],
    },
    {
      name: 'gin Run and echo Start',
      code: 'package main\n\nimport (\n\t"github.com/gin-gonic/gin"\n\t"github.com/labstack/echo/v4"\n)\n\nfunc main() {\n\tr := gin.Default()\n\tgo r.Run(":8080")\n\te := echo.New()\n\te.Start(":9090")\n}\n',
      errors: [
        { messageId: 'frameworkServe', line: 10, message: '`r.Run()` starts gin' },
        { messageId: 'frameworkServe', line: 12, message: '`e.Start()` starts echo' },
      ],
    },
  ],
  evidence: [
    {
      code: 'package main\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}\n\t_ = srv.ListenAndServe()\n}\n',
      evidence: ['http.Server with ReadHeaderTimeout, IdleTimeout'],
    },
  ],
});
