import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import goTracing from '../../../../rules/go/require-tracing';
import rule from '../../../../rules/workspace/require-tracing';
import { entryOf, EXPRESS_PACKAGE, EXPRESS_SERVER, scanFiles } from './scan-files';

const GRADLE = (extra: string) => `plugins { id 'org.springframework.boot' version '3.3.0' }\n\ndependencies {\n    implementation 'org.springframework.boot:spring-boot-starter-web'\n${extra}}\n`;

describe(rule.id, () => {
  it('an express service with no tracing is a gap', async () => {
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'src/server.js': EXPRESS_SERVER }, [rule]);
    const entry = entryOf(result, 'observability.tracing');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /and no tracing \(OpenTelemetry or similar\) found: .+ Add the OpenTelemetry SDK/);
  });

  it('Micrometer Tracing in a Spring Boot build is evidence', async () => {
    const result = await scanFiles({ 'build.gradle': GRADLE("    implementation 'io.micrometer:micrometer-tracing-bridge-otel'\n") }, [rule]);
    const entry = entryOf(result, 'observability.tracing');
    assert.equal(entry.status, 'met');
    assert.equal(entry.evidence[0]?.file, 'build.gradle');
  });

  it('OpenTelemetry in Go code decides it', async () => {
    const main = 'package main\n\nimport (\n\t"net/http"\n\n\t"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"\n)\n\nfunc main() {\n\t_ = http.ListenAndServe(":8080", otelhttp.NewHandler(http.DefaultServeMux, "kv"))\n}\n';
    const result = await scanFiles({ 'go.mod': 'module x\n\ngo 1.22\n', 'main.go': main }, [goTracing, rule]);
    assert.equal(entryOf(result, 'observability.tracing').status, 'met');
  });

  it('no service: nothing applies', async () => {
    const result = await scanFiles({ 'README.md': '# Notes\n' }, [rule]);
    assert.notEqual(entryOf(result, 'observability.tracing').status, 'gap');
  });
});
