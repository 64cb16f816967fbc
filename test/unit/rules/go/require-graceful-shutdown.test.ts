import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-graceful-shutdown';

const SERVE = 'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080"}\n\tsrv.ListenAndServe()\n}\n';

const GO_MOD = 'module github.com/acme/relay\n\ngo 1.22\n';

/** A main that leaves SIGTERM to a package of its module, as `signals.SetupSignalHandler()` does. */
const RELAY_MAIN =
  'package main\n\nimport (\n\t"github.com/acme/relay/pkg/api"\n\t"github.com/acme/relay/pkg/lifecycle"\n)\n\nfunc main() {\n\tsrv := api.NewServer(api.Config{Port: 9000})\n\tstop := lifecycle.OnStop()\n\tsrv.ListenAndServe(stop)\n}\n';
const LIFECYCLE_NOTIFY =
  'package lifecycle\n\nimport (\n\t"os"\n\t"os/signal"\n)\n\n// OnStop returns a channel closed on the first stop signal; a second one exits at once.\nfunc OnStop() <-chan struct{} {\n\tstop := make(chan struct{})\n\tc := make(chan os.Signal, 2)\n\tsignal.Notify(c, stopSignals...)\n\tgo func() {\n\t\t<-c\n\t\tclose(stop)\n\t\t<-c\n\t\tos.Exit(1)\n\t}()\n\treturn stop\n}\n';
const LIFECYCLE_SIGNALS = 'package lifecycle\n\nimport (\n\t"os"\n\t"syscall"\n)\n\nvar stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}\n';
const LIFECYCLE_DRAIN =
  'package lifecycle\n\nimport (\n\t"context"\n\t"net/http"\n\t"time"\n)\n\nfunc Drain(srv *http.Server, grace time.Duration) error {\n\tctx, cancel := context.WithTimeout(context.Background(), grace)\n\tdefer cancel()\n\treturn srv.Shutdown(ctx)\n}\n';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: [
    { name: 'not package main', code: SERVE.replace('package main', 'package server') },
    { name: 'main serves nothing', code: 'package main\n\nfunc main() { run() }\n' },
    {
      name: 'signal handling in another file of the package',
      code: SERVE,
      files: { 'cmd/api/signals.go': 'package main\n\nimport "os/signal"\n\nfunc wait() { signal.Notify(ch) }\n' },
    },
    {
      name: 'a package-level signal list declared in another file of the package',
      code: 'package main\n\nimport (\n\t"net/http"\n\t"os"\n\t"os/signal"\n)\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, stopSignals...)\n\tgo http.ListenAndServe(":8080", nil)\n\t<-c\n}\n',
      files: { 'cmd/api/signals_unix.go': '//go:build !windows\n\npackage main\n\nimport "syscall"\n\nvar stopSignals = []os.Signal{syscall.SIGTERM, syscall.SIGINT}\n' },
    },
    {
      name: 'a handler two imports away, in the module',
      code: 'package main\n\nimport "github.com/acme/relay/internal/app"\n\nfunc main() {\n\ta := app.New()\n\ta.Serve()\n}\n',
      files: {
        'go.mod': GO_MOD,
        'internal/app/app.go': 'package app\n\nimport (\n\t"context"\n\n\t"github.com/acme/relay/internal/lifecycle"\n)\n\nfunc (a *App) Serve() error {\n\tctx := lifecycle.Context(context.Background())\n\treturn a.run(ctx)\n}\n',
        'internal/lifecycle/context.go': 'package lifecycle\n\nimport (\n\t"context"\n\t"os/signal"\n\t"syscall"\n)\n\nfunc Context(parent context.Context) context.Context {\n\tctx, _ := signal.NotifyContext(parent, syscall.SIGTERM)\n\treturn ctx\n}\n',
      },
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
    {
      name: 'user signals only: SIGUSR1 and SIGUSR2 toggle features, they do not stop the server',
      filename: 'src/catalog/server.go',
      code:
        'package main\n\nimport (\n\t"net"\n\t"os"\n\t"os/signal"\n\t"syscall"\n\n\t"google.golang.org/grpc"\n)\n\nfunc main() {\n\tsigs := make(chan os.Signal, 1)\n\tsignal.Notify(sigs, syscall.SIGUSR1, syscall.SIGUSR2)\n\tgo toggleSlowMode(sigs)\n\tl, _ := net.Listen("tcp", ":3550")\n\tsrv := grpc.NewServer()\n\tsrv.Serve(l)\n}\n',
      errors: [{ messageId: 'otherSignals', line: 18, message: '`signal.Notify` catches only `syscall.SIGUSR1`, `syscall.SIGUSR2`, not SIGTERM' }],
    },
    {
      name: 'a signal list of the package without a termination signal',
      code: 'package main\n\nimport (\n\t"net/http"\n\t"os/signal"\n)\n\nfunc main() {\n\tsignal.Notify(reload, reloadSignals...)\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      files: { 'cmd/api/reload.go': 'package main\n\nimport (\n\t"os"\n\t"syscall"\n)\n\nvar reload = make(chan os.Signal, 1)\n\nvar reloadSignals = []os.Signal{syscall.SIGHUP}\n' },
      errors: [{ messageId: 'otherSignals', line: 10, message: '`reloadSignals...`' }],
    },
    {
      name: 'another binary of the module, and the imported package\'s tests, do not count',
      code: RELAY_MAIN,
      files: {
        'go.mod': GO_MOD,
        'pkg/api/server.go': 'package api\n\nfunc NewServer(c Config) *Server { return &Server{c: c} }\n',
        'pkg/lifecycle/stop.go': 'package lifecycle\n\nfunc OnStop() <-chan struct{} { return make(chan struct{}) }\n',
        'pkg/lifecycle/stop_test.go': 'package lifecycle\n\nimport (\n\t"os/signal"\n\t"syscall"\n\t"testing"\n)\n\nfunc TestOnStop(t *testing.T) { signal.Notify(c, syscall.SIGTERM) }\n',
        'cmd/worker/main.go': 'package main\n\nimport (\n\t"os/signal"\n\t"syscall"\n)\n\nfunc main() { signal.Notify(ch, syscall.SIGTERM) }\n',
      },
      errors: [{ messageId: 'noSignalHandling', line: 11, message: '`srv.ListenAndServe()` starts a server, but neither package main nor the packages of the module it imports' }],
    },
  ],
  evidence: [
    {
      code: 'package main\n\nimport (\n\t"context"\n\t"net/http"\n\tossignal "os/signal"\n\t"syscall"\n)\n\nfunc main() {\n\tctx, stop := ossignal.NotifyContext(context.Background(), syscall.SIGTERM)\n\tdefer stop()\n\tsrv := &http.Server{}\n\tgo srv.ListenAndServe()\n\t<-ctx.Done()\n\tsrv.Shutdown(context.Background())\n}\n',
      evidence: ['ossignal.NotifyContext catches termination signals', 'srv.Shutdown drains the server'],
    },
    {
      name: 'a local signal list and a gRPC drain',
      code: 'package main\n\nimport (\n\t"net"\n\t"os"\n\t"os/signal"\n\t"syscall"\n\n\t"google.golang.org/grpc"\n)\n\nfunc main() {\n\tstopOn := []os.Signal{syscall.SIGINT, syscall.SIGTERM}\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, stopOn...)\n\tl, _ := net.Listen("tcp", ":50051")\n\tsrv := grpc.NewServer()\n\tgo srv.Serve(l)\n\t<-c\n\tsrv.GracefulStop()\n}\n',
      evidence: ['signal.Notify catches termination signals', 'srv.GracefulStop drains the server'],
    },
    {
      name: 'the handler and the drain in a package of the module that main imports',
      code: RELAY_MAIN,
      files: {
        'go.mod': GO_MOD,
        'pkg/api/server.go': 'package api\n\nfunc NewServer(c Config) *Server { return &Server{c: c} }\n',
        'pkg/lifecycle/notify.go': LIFECYCLE_NOTIFY,
        'pkg/lifecycle/signals_unix.go': LIFECYCLE_SIGNALS,
        'pkg/lifecycle/drain.go': LIFECYCLE_DRAIN,
      },
      evidence: ['signal.Notify catches termination signals', 'srv.Shutdown drains the server'],
    },
  ],
});
