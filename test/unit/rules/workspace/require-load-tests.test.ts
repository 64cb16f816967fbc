import rule from '../../../../rules/workspace/require-load-tests';
import { RuleTester } from '../../rule-tester';

const K6 = `import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  vus: 50,
  duration: '5m',
  thresholds: { http_req_duration: ['p(95)<300'], http_req_failed: ['rate<0.01'] },
};

export default function () {
  const res = http.get(\`\${__ENV.BASE_URL}/api/orders\`);
  check(res, { 'status is 200': (r) => r.status === 200 });
  sleep(1);
}
`;

const ARTILLERY = `config:
  target: "https://staging.orders.example.com"
  phases:
    - duration: 300
      arrivalRate: 20
scenarios:
  - name: browse and order
    flow:
      - get:
          url: "/api/products"
      - post:
          url: "/api/orders"
          json:
            productId: 42
`;

const LOCUST = `from locust import HttpUser, task, between


class Shopper(HttpUser):
    wait_time = between(1, 3)

    @task
    def list_orders(self):
        self.client.get("/api/orders")
`;

const GO_BENCH = `package store

import "testing"

func TestGet(t *testing.T) {}

func BenchmarkGet(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = get("k")
	}
}

func BenchmarkPut(b *testing.B) {}
`;

new RuleTester({ filename: 'load/orders.js' }).run(rule, {
  valid: [
    { name: 'a k6 script', code: K6, files: ['package.json'] },
    { name: 'no service: nothing applies', filename: 'docs/runbook.md', code: '# Runbook\n' },
  ],
  invalid: [],
  evidence: [
    { name: 'a k6 script is evidence at its import', code: K6, files: ['package.json'], evidence: ['k6 load test load/orders.js'] },
    { name: 'k6 through require', filename: 'perf/smoke.ts', code: "const http = require('k6/http');\nexport default () => http.get('http://localhost:8080/healthz');\n", evidence: ['k6 load test perf/smoke.ts'] },
    { name: 'an Artillery scenario', filename: 'tests/load/checkout.yml', code: ARTILLERY, files: ['package.json'], evidence: ['Artillery load test tests/load/checkout.yml'] },
    { name: 'a Locust file', filename: 'loadtest/locustfile.py', code: LOCUST, files: ['pyproject.toml'], evidence: ['Locust load test loadtest/locustfile.py'] },
    { name: 'Go benchmarks', filename: 'internal/store/store_test.go', code: GO_BENCH, files: ['go.mod'], evidence: ['Go benchmark BenchmarkGet and 1 more in internal/store/store_test.go'] },
    {
      name: 'criterion as a dev-dependency',
      filename: 'Cargo.toml',
      code: '[package]\nname = "objstore"\nversion = "0.4.0"\n\n[dependencies]\ntokio = "1"\n\n[dev-dependencies]\ncriterion = { version = "0.5", features = ["html_reports"] }\n\n[[bench]]\nname = "put_get"\nharness = false\n',
      evidence: ['criterion benchmarks in Cargo.toml'],
    },
    {
      name: 'JMH and a Gatling simulation',
      filename: 'pom.xml',
      code: '<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.openjdk.jmh</groupId>\n      <artifactId>jmh-core</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
      files: { 'src/test/java/perf/OrdersSimulation.java': 'package perf;\n\nimport static io.gatling.javaapi.core.CoreDsl.*;\nimport io.gatling.javaapi.core.*;\n\npublic class OrdersSimulation extends Simulation {}\n' },
      evidence: ['JMH benchmarks in pom.xml', 'Gatling simulation src/test/java/perf/OrdersSimulation.java'],
    },
    { name: 'a JMeter plan', filename: 'perf/orders.jmx', code: '<?xml version="1.0" encoding="UTF-8"?>\n<jmeterTestPlan version="1.2"/>\n', files: ['pom.xml'], evidence: ['JMeter test plan perf/orders.jmx'] },
  ],
  missing: [
    { name: 'a service without load tests', filename: 'src/server.ts', code: "import express from 'express';\n", files: ['package.json', 'Dockerfile'], missing: 'No load or performance tests found' },
    { name: 'a word "k6" in a comment is not an import', filename: 'src/metrics.ts', code: "// numbers compared with k6 runs last year\nexport const x = 1;\n", files: ['package.json'], missing: 'No load or performance tests found' },
    { name: 'a k6 example in docs is not this project\'s test', filename: 'examples/k6/script.js', code: K6, files: ['package.json'], missing: 'No load or performance tests found' },
    { name: 'criterion as a regular dependency is not a benchmark', filename: 'Cargo.toml', code: '[package]\nname = "x"\n\n[dependencies]\ncriterion = "0.5"\n', missing: 'No load or performance tests found' },
  ],
});
