import { defineAbsenceRule } from './support/absence';

export default defineAbsenceRule({
  id: 'workspace/require-input-validation',
  item: 'security.input-validation',
  description: 'Require input validation at the API boundary of an HTTP service, judged once for the whole workspace.',
  rationale:
    'Request bodies used without a schema let malformed or hostile input reach business logic and storage: crashes, corrupted data and injection follow.',
  remediation: 'Validate every request body and parameter against a schema at the boundary: zod, joi, ajv, class-validator, `@Valid`, pydantic, the validator crates.',
  thing: 'input validation',
  why: 'malformed or hostile request bodies reach business logic and storage unchecked',
  fix: 'Validate request bodies and parameters against a schema at the boundary (zod, joi, ajv, class-validator, `@Valid`, pydantic, validator).',
  appliesTo: 'service',
});
