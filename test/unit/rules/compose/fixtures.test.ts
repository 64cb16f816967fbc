import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../../rules';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { scanWorkspace } from '../../../../server/src/engine/scan';

const fixtures = path.resolve(__dirname, '../../../fixtures/compose');
const composeRules = ALL_RULES.filter((r) => r.target === 'compose');

async function scan(name: string) {
  return scanWorkspace(path.join(fixtures, name), { rules: composeRules, config: DEFAULT_CONFIG });
}

describe('compose fixtures', () => {
  it('the well-built stack gives no finding and evidence for every compose item', async () => {
    const result = await scan('well-built');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule}`), []);
    const met = result.checklist.filter((e) => e.status === 'met').map((e) => e.item);
    for (const item of ['security.secrets', 'container.pinned-images', 'container.healthcheck', 'container.read-only-fs', 'deploy.resources', 'deploy.security-context', 'data.persistence']) {
      assert.ok(met.includes(item as never), `${item} should be met`);
    }
    const notes = result.evidence.map((e) => e.note);
    assert.ok(notes.includes('service "db" keeps PostgreSQL data at /var/lib/postgresql/data on volume "pgdata"'));
    assert.ok(notes.includes('service "redis" keeps Redis data at /data on volume "redisdata"'));
  });

  it('the bad stack gives the expected findings, by service', async () => {
    const result = await scan('bad');
    assert.deepEqual(result.problems, []);
    const got = result.findings.map((f) => `${f.range.start.line + 1} ${f.rule}/${f.messageId}`);
    assert.deepEqual(got, [
      '4 compose/require-healthcheck/missingBuilt',
      '4 compose/require-read-only/missing',
      '4 compose/require-resource-limits/missing',
      '4 compose/require-restart-policy/missing',
      '10 compose/no-secrets-in-environment/literal',
      '11 compose/no-secrets-in-environment/defaultValue',
      '17 compose/require-healthcheck/missingBuilt',
      '17 compose/require-read-only/missing',
      '17 compose/require-resource-limits/missing',
      '17 compose/require-restart-policy/missing',
      '21 compose/no-secrets-in-environment/literal',
      '25 compose/no-docker-socket-mount/socketMount',
      '26 compose/no-privileged/privileged',
      '28 compose/require-database-volume/noVolume',
      '28 compose/require-healthcheck/missing',
      '28 compose/require-read-only/missing',
      '28 compose/require-resource-limits/missing',
      '28 compose/require-restart-policy/missing',
      '29 compose/require-pinned-image/untagged',
      '32 compose/no-secrets-in-environment/literal',
      '35 compose/no-public-database-port/publicPort',
      '37 compose/require-healthcheck/missing',
      '37 compose/require-read-only/missing',
      '37 compose/require-resource-limits/missing',
      '38 compose/require-pinned-image/latest',
      '39 compose/require-database-volume/persistenceOff',
      '41 compose/no-public-database-port/publicPort',
      '42 compose/require-restart-policy/disabled',
    ]);
    assert.ok(result.findings.every((f) => f.file === 'docker-compose.yml'));
    assert.equal(result.verdict, 'Not ready');
    const status = (item: string) => result.checklist.find((e) => e.item === item)?.status;
    assert.equal(status('data.persistence'), 'gap');
    assert.equal(status('security.secrets'), 'gap');
    assert.equal(status('deploy.security-context'), 'gap');
  });
});
