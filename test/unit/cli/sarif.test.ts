import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { ALL_RULES } from '../../../rules';
import { formatSarif } from '../../../server/src/cli/formats/sarif';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { scanWorkspace } from '../../../server/src/engine/scan';

const sample = path.resolve(__dirname, '../../fixtures/sample-service');
const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../vendor/sarif-2.1.0-rtm.5.json'), 'utf8'));

async function sarifOf(root: string): Promise<Log> {
  const result = await scanWorkspace(root, { rules: ALL_RULES, config: DEFAULT_CONFIG });
  return JSON.parse(formatSarif(result, ALL_RULES)) as Log;
}

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema', async () => {
    const log = await sarifOf(sample);
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.ok((log.runs[0]?.results ?? []).length > 0, 'the sample has findings');
  });

  it('a schema violation is caught, so the validation above can fail', () => {
    const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(schema);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  });

  it('lists every rule with help and the item, and results with relative 1-based locations', async () => {
    const log = await sarifOf(sample);
    const run = log.runs[0];
    assert.ok(run);
    const rules = run.tool.driver.rules ?? [];
    assert.equal(rules.length, ALL_RULES.length);
    for (const rule of rules) {
      assert.ok(rule.shortDescription?.text);
      assert.match(rule.helpUri ?? '', /^https:\/\/.+\/rules\/[a-z0-9]+\/[a-z0-9-]+\.md$/);
      assert.ok(ALL_RULES.some((r) => r.meta.item === rule.properties?.['item']));
    }
    const nonRoot = run.results?.find((r) => r.ruleId === 'dockerfile/require-non-root-user');
    const location = nonRoot?.locations?.[0]?.physicalLocation;
    assert.equal(location?.artifactLocation?.uri, 'services/api/Dockerfile');
    assert.equal(location?.artifactLocation?.uriBaseId, '%SRCROOT%');
    assert.equal(location?.region?.startLine, 1);
    assert.equal(location?.region?.startColumn, 1);
    assert.equal(rules[nonRoot?.ruleIndex ?? -1]?.id, 'dockerfile/require-non-root-user');
  });

  it('keeps fingerprints stable across runs and when lines move', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'readiness-sarif-'));
    temps.push(root);
    const dockerfile = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY package.json .\nCMD ["node", "server.js"]\n';
    writeFileSync(path.join(root, 'Dockerfile'), dockerfile);
    const fingerprints = async () =>
      new Map(((await sarifOf(root)).runs[0]?.results ?? []).map((r) => [r.ruleId, r.partialFingerprints?.['readinessFinding/v1']]));
    const first = await fingerprints();
    const second = await fingerprints();
    assert.deepEqual(second, first);
    assert.ok(first.size > 0);
    writeFileSync(path.join(root, 'Dockerfile'), `# syntax=docker/dockerfile:1\n# The orders API.\n\n${dockerfile}`);
    const moved = await fingerprints();
    assert.equal(moved.get('dockerfile/require-non-root-user'), first.get('dockerfile/require-non-root-user'));
  });
});
