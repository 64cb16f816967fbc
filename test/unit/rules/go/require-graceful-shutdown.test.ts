import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-graceful-shutdown';

const SERVE = 'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080"}\n\tsrv.ListenAndServe()\n}\n';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: [
    { name: 'not package main', code: SERVE.replace('package main', 'package server') },
    { name: 'main serves nothing', code: 'package main\n\nfunc main() { run() }\n' },
    {
      name: 'signal handling in another file of the package',
      code: SERVE,
      files: { 'cmd/api/signals.go': 'package main\n\nimport "os/signal"\n\nfunc wait() { signal.Notify(ch) }\n' },
    },
  ],
  invalid: [
    {
      code: SERVE,
      errors: [{ messageId: 'noSignalHandling', line: 7, column: 2, endColumn: 22, message: '`srv.ListenAndServe()`' }],
    },
    {
      name: 'signal handling in another directory does not count; gin Run is a server',
      code: 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tr := gin.New()\n\tr.Run()\n}\n',
      files: { 'cmd/worker/main.go': 'package main\n\nimport "os/signal"\n\nfunc main() { signal.Notify(ch) }\n' },
      errors: [{ messageId: 'noSignalHandling', line: 7, message: '`r.Run()`' }],
    },
  ],
  evidence: [
    {
      code: 'package main\n\nimport (\n\t"context"\n\t"net/http"\n\tossignal "os/signal"\n\t"syscall"\n)\n\nfunc main() {\n\tctx, stop := ossignal.NotifyContext(context.Background(), syscall.SIGTERM)\n\tdefer stop()\n\tsrv := &http.Server{}\n\tgo srv.ListenAndServe()\n\t<-ctx.Done()\n\tsrv.Shutdown(context.Background())\n}\n',
      evidence: ['ossignal.NotifyContext catches termination signals', 'srv.Shutdown drains the server'],
    },
  ],
});
