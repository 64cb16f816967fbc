import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import goRateLimiting from '../../../../rules/go/prefer-rate-limiting';
import rule from '../../../../rules/workspace/require-rate-limiting';
import { entryOf, EXPRESS_PACKAGE, EXPRESS_SERVER, scanFiles } from './scan-files';

const GO_MOD = 'module example.com/kv\n\ngo 1.22\n';
const GO_SERVER = 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})\n\t_ = http.ListenAndServe(":8080", nil)\n}\n';
const GO_LIMITED = 'package main\n\nimport (\n\t"net/http"\n\n\t"golang.org/x/time/rate"\n)\n\nvar limiter = rate.NewLimiter(10, 20)\n\nfunc main() {\n\t_ = http.ListenAndServe(":8080", nil)\n}\n';

describe(rule.id, () => {
  it('an express service with no limiter is a gap naming the framework and manifest line', async () => {
    const result = await scanFiles({ 'package.json': EXPRESS_PACKAGE, 'src/server.js': EXPRESS_SERVER }, [rule]);
    const entry = entryOf(result, 'security.rate-limiting');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^express service \(package\.json:\d+\) and no rate limiter found: .+\. Add a limiter/);
  });

  it('a plain net/http server found in Go code makes it apply', async () => {
    const result = await scanFiles({ 'go.mod': GO_MOD, 'main.go': GO_SERVER }, [goRateLimiting, rule]);
    const entry = entryOf(result, 'security.rate-limiting');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^net\/http service \(main\.go:7\)/);
  });

  it('evidence from a per-language rule decides it', async () => {
    const result = await scanFiles({ 'go.mod': GO_MOD, 'main.go': GO_LIMITED }, [goRateLimiting, rule]);
    assert.equal(entryOf(result, 'security.rate-limiting').status, 'met');
  });

  it('a limiter library merely declared is not evidence of use', async () => {
    const pkg = JSON.stringify({ name: 'orders', dependencies: { express: '^4', 'express-rate-limit': '^7' } });
    const result = await scanFiles({ 'package.json': pkg, 'src/server.js': EXPRESS_SERVER }, [rule]);
    assert.equal(entryOf(result, 'security.rate-limiting').status, 'gap');
  });

  it('a library without an HTTP service leaves the item alone', async () => {
    const result = await scanFiles({ 'package.json': JSON.stringify({ name: 'lib', dependencies: { lodash: '^4' } }), 'src/index.js': 'module.exports = 1;\n' }, [rule]);
    assert.notEqual(entryOf(result, 'security.rate-limiting').status, 'gap');
  });
});
