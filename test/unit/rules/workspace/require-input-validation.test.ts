import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../../rules/workspace/require-input-validation';
import { entryOf, scanFiles } from './scan-files';

describe(rule.id, () => {
  it('a FastAPI service with no validation evidence is a gap', async () => {
    const result = await scanFiles({ 'requirements.txt': 'fastapi==0.111.0\nuvicorn==0.30.0\n', 'app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n' }, [rule]);
    const entry = entryOf(result, 'security.input-validation');
    assert.equal(entry.status, 'gap');
    assert.match(entry.reason ?? '', /^FastAPI service \(requirements\.txt:1\) and no input validation found/);
  });

  it('TS code serving with http.createServer(...).listen makes it apply', async () => {
    const server = "import http from 'node:http';\n\nconst server = http.createServer((req, res) => res.end('ok'));\nserver.listen(3000);\n";
    const result = await scanFiles({ 'package.json': JSON.stringify({ name: 'x' }), 'src/main.ts': server }, [rule]);
    assert.match(entryOf(result, 'security.input-validation').reason ?? '', /^Node http service \(src\/main\.ts:4\)/);
  });

  it('a validator library merely declared does not decide it', async () => {
    const pkg = JSON.stringify({ name: 'x', dependencies: { fastify: '^4', zod: '^3' } });
    const result = await scanFiles({ 'package.json': pkg }, [rule]);
    assert.equal(entryOf(result, 'security.input-validation').status, 'gap');
  });

  it('a CLI without a web framework or listener is left alone', async () => {
    const result = await scanFiles({ 'package.json': JSON.stringify({ name: 'cli', dependencies: { commander: '^12' } }), 'bin/cli.js': "console.log('hi');\n" }, [rule]);
    assert.notEqual(entryOf(result, 'security.input-validation').status, 'gap');
  });
});
