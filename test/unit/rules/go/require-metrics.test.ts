import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/require-metrics';

new RuleTester({ filename: 'cmd/api/main.go' }).run(rule, {
  valid: [
    'package main\n\nfunc main() { serve() }\n',
    { name: 'an import alone is not evidence', code: 'package main\n\nimport "github.com/prometheus/client_golang/prometheus"\n\nvar _ prometheus.Labels\n' },
    {
      name: 'OpenCensus tracing and a client handler are not server metrics',
      code: 'package main\n\nimport (\n\t"go.opencensus.io/plugin/ocgrpc"\n\t"go.opencensus.io/trace"\n\t"google.golang.org/grpc"\n)\n\nfunc main() {\n\ttrace.ApplyConfig(trace.Config{DefaultSampler: trace.AlwaysSample()})\n\tconn, _ := grpc.Dial(addr, grpc.WithStatsHandler(&ocgrpc.ClientHandler{}))\n\tuse(conn)\n}\n',
    },
    {
      name: 'a Register of another package',
      code: 'package main\n\nimport "github.com/acme/shop/internal/view"\n\nfunc main() { view.Register(templates) }\n',
    },
  ],
  invalid: [],
  evidence: [
    { code: 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/prometheus/client_golang/prometheus/promhttp"\n)\n\nfunc main() { http.Handle("/metrics", promhttp.Handler()) }\n', evidence: ['promhttp serves Prometheus metrics'] },
    {
      name: 'OpenCensus stats exported to Stackdriver, and a gRPC server measured',
      code:
        'package main\n\nimport (\n\t"contrib.go.opencensus.io/exporter/stackdriver"\n\t"go.opencensus.io/plugin/ocgrpc"\n\t"go.opencensus.io/stats/view"\n\t"google.golang.org/grpc"\n)\n\nfunc initStats() {\n\texporter, err := stackdriver.NewExporter(stackdriver.Options{})\n\tif err != nil {\n\t\treturn\n\t}\n\tview.RegisterExporter(exporter)\n\tif err := view.Register(ocgrpc.DefaultServerViews...); err != nil {\n\t\tlog.Warn(err)\n\t}\n}\n\nfunc main() {\n\tinitStats()\n\tsrv := grpc.NewServer(grpc.StatsHandler(&ocgrpc.ServerHandler{}))\n\tsrv.Serve(lis)\n}\n',
      evidence: ['OpenCensus stats exporter', 'OpenCensus metric views', 'OpenCensus gRPC server metrics'],
    },
    {
      name: 'an OpenTelemetry metric exporter',
      code: 'package telemetry\n\nimport (\n\t"context"\n\n\t"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc"\n\tsdkmetric "go.opentelemetry.io/otel/sdk/metric"\n)\n\nfunc Meters(ctx context.Context) (*sdkmetric.MeterProvider, error) {\n\texp, err := otlpmetricgrpc.New(ctx)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewPeriodicReader(exp))), nil\n}\n',
      filename: 'internal/telemetry/metrics.go',
      evidence: ['OpenTelemetry OTLP metric exporter', 'OpenTelemetry meter provider'],
    },
  ],
});
