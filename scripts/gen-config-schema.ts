// Writes schemas/readiness.schema.json, the JSON schema of `.readiness.yaml` that the
// extension contributes for completion and validation (`npm run docs:schema`).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchemaDocument } from '../server/src/engine/config-schema';

writeFileSync(path.join(__dirname, '..', 'schemas', 'readiness.schema.json'), `${JSON.stringify(configSchemaDocument(), null, 2)}\n`);
