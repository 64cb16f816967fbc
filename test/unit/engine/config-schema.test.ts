import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import Ajv from 'ajv';
import { configSchemaDocument } from '../../../server/src/engine/config-schema';

const committed = JSON.parse(readFileSync(path.join(__dirname, '../../../schemas/readiness.schema.json'), 'utf8'));

it('the contributed JSON schema of .readiness.yaml is up to date (run `npm run docs:schema`)', () => {
  assert.deepEqual(committed, JSON.parse(JSON.stringify(configSchemaDocument())));
});

it('the JSON schema accepts a good configuration and rejects unknown rules, items and severities', () => {
  const { $schema: _ignored, ...schema } = committed;
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.equal(validate({ ignore: ['examples/**'], rules: { 'dockerfile/require-healthcheck': 'off' }, items: { 'deploy.network-policy': 'off' } }), true);
  assert.equal(validate({ rules: { 'dockerfile/no-such-rule': 'off' } }), false);
  assert.equal(validate({ items: { 'deploy.networkpolicy': 'off' } }), false);
  assert.equal(validate({ rules: { 'dockerfile/require-healthcheck': 'loud' } }), false);
  assert.equal(validate({ rulez: {} }), false);
});
