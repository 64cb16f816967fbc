import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import goHealth from '../../../../rules/go/require-health-endpoint';
import rule from '../../../../rules/workspace/require-health-endpoints';
import { entryOf, EXPRESS_PACKAGE, EXPRESS_SERVER, scanFiles } from './scan-files';

const POM = (extra: string) =>
  `<project>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n${extra}  </dependencies>\n</project>\n`;
const ACTUATOR = '    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-actuator</artifactId>\n    </dependency>\n';

describe(rule.id, () => {
  it('an express service with no health route is a gap', async () => {
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'src/server.js': EXPRESS_SERVER }, [rule]);
    const entry = entryOf(result, 'reliability.health-endpoints');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^express service \(package\.json:\d+\) and no health endpoint found/);
  });

  it('a Spring Boot service without actuator is a gap', async () => {
    const result = await scanFiles({ 'pom.xml': POM('') }, [rule]);
    assert.match(entryOf(result, 'reliability.health-endpoints').reason ?? '', /^Spring Boot service \(pom\.xml:5\)/);
  });

  it('spring-boot-starter-actuator is evidence at its manifest line', async () => {
    const result = await scanFiles({ 'pom.xml': POM(ACTUATOR) }, [rule]);
    const entry = entryOf(result, 'reliability.health-endpoints');
    assert.equal(entry.status, 'met');
    assert.equal(entry.evidence[0]?.file, 'pom.xml');
    assert.equal(entry.evidence[0]?.line, 8, '0-based: the artifactId line');
    assert.match(entry.evidence[0]?.note ?? '', /Actuator serves \/actuator\/health/);
  });

  it('a probe of the deployed service that calls its health endpoint is evidence, where the code shows none', async () => {
    const deployment = (probe: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/orders:1.4.2\n${probe}`;
    const http = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'src/server.js': EXPRESS_SERVER, 'k8s/orders.yaml': deployment('          readinessProbe:\n            httpGet:\n              path: /_status/ready\n              port: 8080\n') }, [rule]);
    const entry = entryOf(http, 'reliability.health-endpoints');
    assert.equal(entry.status, 'met');
    assert.deepEqual(entry.evidence.map((e) => `${e.file}:${e.line}: ${e.note}`), ['k8s/orders.yaml:10: readinessProbe of Deployment "orders" calls the HTTP health endpoint /_status/ready']);
    const grpc = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'src/server.js': EXPRESS_SERVER, 'k8s/orders.yaml': deployment('          livenessProbe:\n            grpc:\n              port: 9090\n') }, [rule]);
    assert.match(entryOf(grpc, 'reliability.health-endpoints').evidence[0]?.note ?? '', /calls the gRPC health service/);
  });

  it('a TCP probe shows only that a port is open: still a gap', async () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/orders:1.4.2\n          livenessProbe:\n            tcpSocket:\n              port: 8080\n';
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'src/server.js': EXPRESS_SERVER, 'k8s/orders.yaml': deployment }, [rule]);
    assert.equal(entryOf(result, 'reliability.health-endpoints').status, 'gap');
  });

  it('a Go health route decides it', async () => {
    const main = 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })\n\t_ = http.ListenAndServe(":8080", nil)\n}\n';
    const result = await scanFiles({ 'go.mod': 'module x\n\ngo 1.22\n', 'main.go': main }, [goHealth, rule]);
    assert.equal(entryOf(result, 'reliability.health-endpoints').status, 'met');
  });
});
