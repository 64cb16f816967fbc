import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import goRetries from '../../../../rules/go/require-retries';
import rule from '../../../../rules/workspace/require-retries';
import { entryOf, EXPRESS_SERVER, scanFiles } from './scan-files';

const GO_MOD = 'module x\n\ngo 1.22\n';

describe(rule.id, () => {
  it('axios declared and no retry is a gap naming the client', async () => {
    const pkg = JSON.stringify({ name: 'x', dependencies: { express: '^4', axios: '^1' } }, null, 2);
    const result = await scanFiles({ 'package.json': pkg, 'src/server.js': EXPRESS_SERVER }, [rule]);
    const entry = entryOf(result, 'reliability.retries');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^Outbound calls through axios \(package\.json:5\) and no retry with backoff found/);
  });

  it('Go code calling http.Get makes it apply', async () => {
    const main = 'package main\n\nimport "net/http"\n\nfunc fetch() {\n\tresp, _ := http.Get("https://api.example.com/x")\n\t_ = resp\n}\n';
    const result = await scanFiles({ 'go.mod': GO_MOD, 'client.go': main }, [goRetries, rule]);
    assert.match(entryOf(result, 'reliability.retries').reason ?? '', /^Outbound calls through http\.Get \(client\.go:6\)/);
  });

  it('a retry library in Go code decides it', async () => {
    const main = 'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/cenkalti/backoff/v4"\n)\n\nfunc fetch() {\n\t_ = backoff.Retry(func() error { _, err := http.Get("https://api.example.com"); return err }, backoff.NewExponentialBackOff())\n}\n';
    const result = await scanFiles({ 'go.mod': GO_MOD, 'client.go': main }, [goRetries, rule]);
    assert.equal(entryOf(result, 'reliability.retries').status, 'met');
  });

  it('a service that calls nothing is left alone', async () => {
    const pkg = JSON.stringify({ name: 'x', dependencies: { express: '^4' } });
    const result = await scanFiles({ 'package.json': pkg, 'src/server.js': EXPRESS_SERVER }, [rule]);
    assert.notEqual(entryOf(result, 'reliability.retries').status, 'gap');
  });
});
