import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-connection-per-request';

new RuleTester({ filename: 'internal/api/handlers.go' }).run(rule, {
  valid: ['package api\n\nimport "net/http"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tdb.QueryRow("SELECT 1")\n}\n'],
  invalid: [
    {
      code: 'package api\n\nimport (\n\t"database/sql"\n\t"net/http"\n\n\t"github.com/redis/go-redis/v9"\n)\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tdb, _ := sql.Open("postgres", dsn)\n\trdb := redis.NewClient(&redis.Options{})\n\tc := &http.Client{}\n}\n',
      errors: [
        { messageId: 'perRequest', line: 11, column: 11, endColumn: 36, message: '`sql.Open` creates a new sql client inside an HTTP handler' },
        { messageId: 'perRequest', line: 12, message: '`redis.NewClient`' },
        { messageId: 'perRequest', line: 13, message: '`http.Client{}` creates a new HTTP client' },
      ],
    },
    {
      name: 'inside a loop',
      code: 'package worker\n\nimport "github.com/jackc/pgx/v5"\n\nfunc run() {\n\tfor _, job := range jobs {\n\t\tconn, _ := pgx.Connect(ctx, job.DSN)\n\t}\n}\n',
      filename: 'internal/worker/run.go',
      errors: [{ messageId: 'perRequest', line: 7, message: 'inside a loop, so every iteration' }],
    },
  ],
  evidence: [
    {
      code: 'package main\n\nimport "database/sql"\n\nfunc main() {\n\tdb, _ := sql.Open("postgres", dsn)\n\tserve(db)\n}\n',
      evidence: ['sql.Open creates a shared sql client outside handlers and loops'],
    },
  ],
});
