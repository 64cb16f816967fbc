import { z } from 'zod';
import { ALL_RULES } from '../../../rules';
import { CHECKLIST_ITEMS } from './checklist-items';
import { configSchema } from './config';

/**
 * The JSON schema of `.readiness.yaml`, from the same zod schema that validates it,
 * with the rule and item ids spelled out so editors complete them.
 */
export function configSchemaDocument(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7' }) as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const ruleIds = ALL_RULES.map((r) => r.id).sort();
  const properties = schema.properties;
  if (properties.rules) properties.rules.propertyNames = { enum: ruleIds };
  if (properties.items) properties.items.propertyNames = { enum: CHECKLIST_ITEMS.map((i) => i.id) };
  return { ...schema, $id: 'https://github.com/readiness-dev/readiness/schemas/readiness.schema.json', title: 'Readiness configuration (.readiness.yaml)' };
}
