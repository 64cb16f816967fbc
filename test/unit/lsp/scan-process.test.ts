import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ALL_RULES } from '../../../rules';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../../server/src/engine/config';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { scanWorkspace } from '../../../server/src/engine/scan';
import { scanInChildProcess } from '../../../server/src/handlers/scan-process';
import { removeTempWorkspaces, SERVER, tempWorkspace } from './client';

after(removeTempWorkspaces);

const FILES = {
  'services/api/Dockerfile': 'FROM node:20.11-slim\nWORKDIR /app\nCOPY package.json .\nCMD ["node", "server.js"]\n',
  'services/api/src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(8080);\n",
  'deploy/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:latest\n',
  '.readiness.yaml': 'rules:\n  dockerfile/require-healthcheck: off\n',
};

describe('workspace scan in a child process', () => {
  it('answers what the scan in this process answers, with the configuration it was given and progress on the way', async () => {
    const root = tempWorkspace(FILES);
    const config: ResolvedConfig = { ...DEFAULT_CONFIG, rules: new Map([['dockerfile/require-healthcheck', 'off']]), disabledItems: new Set(['observability.metrics']) };
    const progress: number[] = [];
    const child = await scanInChildProcess(SERVER, root, config, (done) => progress.push(done));
    const here = await scanWorkspace(root, { rules: ALL_RULES, config, cache: new ParseCache(64) });
    assert.deepStrictEqual({ ...child, durationMs: 0 }, { ...here, durationMs: 0 });
    assert.ok(child.findings.length > 0);
    assert.ok(!child.findings.some((f) => f.rule === 'dockerfile/require-healthcheck'));
    assert.equal(progress[progress.length - 1], here.files.scanned);
  });

  it('rejects with the reason when the scan fails, and when the child cannot run the script', async () => {
    await assert.rejects(scanInChildProcess(SERVER, path.join(tempWorkspace(), 'missing'), DEFAULT_CONFIG, () => undefined), /ENOENT|no such file/);
    await assert.rejects(scanInChildProcess(path.join(tempWorkspace(), 'nothing.js'), tempWorkspace(), DEFAULT_CONFIG, () => undefined), /stopped before it finished/);
  });
});
