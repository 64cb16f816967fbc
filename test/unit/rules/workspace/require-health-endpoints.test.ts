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

  it('a Go health route decides it', async () => {
    const main = 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })\n\t_ = http.ListenAndServe(":8080", nil)\n}\n';
    const result = await scanFiles({ 'go.mod': 'module x\n\ngo 1.22\n', 'main.go': main }, [goHealth, rule]);
    assert.equal(entryOf(result, 'reliability.health-endpoints').status, 'met');
  });
});
