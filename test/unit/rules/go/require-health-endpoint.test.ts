import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-health-endpoint';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: [
    'package main\n\nfunc main() { mux.HandleFunc("/orders", h) }\n',
    { name: 'an underscore route that is not a health route', code: 'package main\n\nfunc main() {\n\tmux.HandleFunc("/_internal/orders", h)\n\tmux.HandleFunc("/__healthz", h)\n}\n' },
    {
      name: 'a RegisterHealthServer of another package is not the gRPC health service',
      code: 'package main\n\nimport "github.com/acme/shop/internal/monitor"\n\nfunc main() {\n\tmonitor.RegisterHealthServer(srv, probe{})\n}\n',
    },
  ],
  invalid: [],
  evidence: [
    { code: 'package main\n\nfunc main() {\n\tmux.HandleFunc("GET /healthz", h)\n\tr.GET("/api/readyz", h)\n}\n', evidence: ['health route /healthz', 'health route /api/readyz'] },
    {
      name: 'a route with a leading underscore',
      code: 'package main\n\nfunc main() {\n\tr := mux.NewRouter()\n\tr.HandleFunc("/_healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "ok") })\n}\n',
      evidence: ['health route /_healthz'],
    },
    {
      name: 'the gRPC health service, registered with an alias or served by grpc/health',
      code:
        'package main\n\nimport (\n\t"google.golang.org/grpc"\n\t"google.golang.org/grpc/health"\n\thealthpb "google.golang.org/grpc/health/grpc_health_v1"\n)\n\nfunc main() {\n\tsrv := grpc.NewServer()\n\tpb.RegisterInventoryServer(srv, &inventory{})\n\thealthpb.RegisterHealthServer(srv, health.NewServer())\n}\n',
      evidence: ['gRPC health service registered', 'gRPC health server'],
    },
  ],
});
