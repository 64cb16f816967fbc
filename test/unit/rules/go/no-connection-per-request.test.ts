import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-connection-per-request';

/** A gRPC service method that dials the service it calls on every request. */
const CHECKOUT =
  'package main\n\nimport (\n\t"context"\n\t"fmt"\n\n\t"google.golang.org/grpc"\n\n\tpb "github.com/acme/shop/genproto"\n)\n\nfunc (s *checkout) PlaceOrder(ctx context.Context, req *pb.PlaceOrderRequest) (*pb.PlaceOrderResponse, error) {\n\tcost, err := s.quote(ctx, req.Address)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn &pb.PlaceOrderResponse{Cost: cost}, nil\n}\n\nfunc (s *checkout) quote(ctx context.Context, addr *pb.Address) (*pb.Money, error) {\n\tconn, err := grpc.DialContext(ctx, s.shippingAddr, grpc.WithInsecure())\n\tif err != nil {\n\t\treturn nil, fmt.Errorf("dial shipping: %w", err)\n\t}\n\tdefer conn.Close()\n\tresp, err := pb.NewShippingClient(conn).Quote(ctx, &pb.QuoteRequest{Address: addr})\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn resp.Cost, nil\n}\n';

new RuleTester({ filename: 'internal/api/handlers.go' }).run(rule, {
  valid: [
    'package api\n\nimport "net/http"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tdb.QueryRow("SELECT 1")\n}\n',
    {
      name: 'an http.Client without a transport of its own shares http.DefaultTransport',
      code: 'package api\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tc := &http.Client{Timeout: 5 * time.Second}\n\tc.Get(upstream)\n}\n',
    },
    {
      name: 'constructors and set-up helpers taking a context run once',
      filename: 'cmd/frontend/main.go',
      code:
        'package main\n\nimport (\n\t"context"\n\t"database/sql"\n\n\t"google.golang.org/grpc"\n)\n\nfunc NewStore(ctx context.Context, dsn string) (*Store, error) {\n\tdb, err := sql.Open("pgx", dsn)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn &Store{db: db}, db.PingContext(ctx)\n}\n\nfunc mustConnGRPC(ctx context.Context, conn **grpc.ClientConn, addr string) {\n\tvar err error\n\t*conn, err = grpc.DialContext(ctx, addr, grpc.WithInsecure())\n\tif err != nil {\n\t\tpanic(err)\n\t}\n}\n',
    },
    {
      name: 'a closure in a package-level variable is not package-level set-up',
      code: 'package api\n\nimport (\n\t"context"\n\t"database/sql"\n)\n\nvar report = func(ctx context.Context) error {\n\tdb, err := sql.Open("pgx", dsn)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer db.Close()\n\treturn nil\n}\n',
    },
    {
      name: 'a function that hands the client out, or keeps it for the next call',
      code:
        'package api\n\nimport (\n\t"context"\n\t"database/sql"\n\n\t"github.com/redis/go-redis/v9"\n\t"google.golang.org/grpc"\n)\n\nfunc (c *Config) database(ctx context.Context) (*sql.DB, error) {\n\treturn sql.Open("pgx", c.DSN)\n}\n\nfunc (c *Config) cache(ctx context.Context) *Cache {\n\trdb := redis.NewClient(&redis.Options{Addr: c.RedisAddr})\n\treturn &Cache{rdb: rdb}\n}\n\nfunc (p *pricing) client(ctx context.Context) (pb.PricingClient, error) {\n\tif p.conn == nil {\n\t\tconn, err := grpc.DialContext(ctx, p.addr)\n\t\tif err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tp.conn = conn\n\t}\n\treturn pb.NewPricingClient(p.conn), nil\n}\n\nfunc (t *tenants) db(ctx context.Context, id string) *sql.DB {\n\tt.mu.Lock()\n\tdefer t.mu.Unlock()\n\tif db, ok := t.pools[id]; ok {\n\t\treturn db\n\t}\n\tdb, _ := sql.Open("pgx", t.dsn(id))\n\tt.pools[id] = db\n\treturn db\n}\n',
    },
  ],
  invalid: [
    {
      code: 'package api\n\nimport (\n\t"database/sql"\n\t"net/http"\n\n\t"github.com/redis/go-redis/v9"\n)\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tdb, _ := sql.Open("postgres", dsn)\n\trdb := redis.NewClient(&redis.Options{})\n\tc := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}}\n\ttr := &http.Transport{}\n}\n',
      errors: [
        { messageId: 'perRequest', line: 11, column: 11, endColumn: 36, message: '`sql.Open` creates a new sql client inside an HTTP handler' },
        { messageId: 'perRequest', line: 12, message: '`redis.NewClient`' },
        { messageId: 'perRequest', line: 13, message: '`http.Client{}` creates a new HTTP client with its own transport' },
        { messageId: 'perRequest', line: 14, message: '`http.Transport{}` creates a new HTTP transport' },
      ],
    },
    {
      name: 'inside a loop',
      code: 'package worker\n\nimport "github.com/jackc/pgx/v5"\n\nfunc run() {\n\tfor _, job := range jobs {\n\t\tconn, _ := pgx.Connect(ctx, job.DSN)\n\t}\n}\n',
      filename: 'internal/worker/run.go',
      errors: [{ messageId: 'perRequest', line: 7, message: 'inside a loop, so every iteration' }],
    },
    {
      name: 'a method taking a context, called by a gRPC handler on every request',
      filename: 'src/checkout/main.go',
      code: CHECKOUT,
      errors: [{ messageId: 'perRequest', line: 21, column: 15, message: '`grpc.DialContext` creates a new grpc client in `quote`, which takes a `context.Context` and so runs per call' }],
    },
    {
      name: 'a closure inside a function taking a context',
      code: 'package api\n\nimport (\n\t"context"\n\t"database/sql"\n)\n\nfunc (s *svc) Report(ctx context.Context, id string) error {\n\treturn retry(ctx, func() error {\n\t\tdb, err := sql.Open("pgx", s.dsn)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tdefer db.Close()\n\t\treturn s.write(ctx, db, id)\n\t})\n}\n',
      errors: [{ messageId: 'perRequest', line: 10, message: 'in `Report`' }],
    },
  ],
  evidence: [
    {
      code: 'package main\n\nimport "database/sql"\n\nfunc main() {\n\tdb, _ := sql.Open("postgres", dsn)\n\tserve(db)\n}\n',
      evidence: ['sql.Open creates a shared sql client in main'],
    },
    {
      name: 'a constructor, a package-level client and a set-up helper',
      filename: 'internal/store/store.go',
      code:
        'package store\n\nimport (\n\t"context"\n\t"net/http"\n\t"time"\n\n\t"github.com/jackc/pgx/v5/pgxpool"\n)\n\nvar client = &http.Client{Timeout: 10 * time.Second}\n\nfunc New(ctx context.Context, dsn string) (*Store, error) {\n\tpool, err := pgxpool.New(ctx, dsn)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn &Store{pool: pool}, nil\n}\n',
      evidence: ['http.Client{} creates a shared HTTP client at package level', 'pgxpool.New creates a shared pgxpool client in New'],
    },
  ],
});
