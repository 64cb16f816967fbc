import { defineAbsenceRule } from './support/absence';

export default defineAbsenceRule({
  id: 'workspace/require-config-validation',
  item: 'deploy.config-validation',
  description: 'Require configuration to be validated at startup in an HTTP service, judged once for the whole workspace.',
  rationale:
    'Configuration read from the environment without validation fails late: a missing or mistyped variable surfaces as a crash or wrong behaviour under traffic instead of a failed rollout.',
  remediation:
    'Parse the configuration once at startup against a schema and exit on error: zod or envalid, `@Validated @ConfigurationProperties`, pydantic-settings, serde with `deny_unknown_fields`.',
  thing: 'configuration validation',
  why: 'a missing or mistyped setting shows up under traffic instead of failing the rollout',
  fix: 'Parse the configuration once at startup against a schema and exit on error (zod, envalid, `@Validated @ConfigurationProperties`, pydantic-settings).',
  appliesTo: 'service',
});
