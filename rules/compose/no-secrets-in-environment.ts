import { interpolate } from '../../server/src/targets/compose/document';
import { get, items, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { credentialIn, isSecretName, looksLikeCredential } from '../support/secrets';
import { defineRule } from '../define-rule';
import { nonProductionReason } from './support/services';

/** `${VAR:-default}` / `${VAR-default}` expressions with a non-empty default. */
const DEFAULTED = /\$\{([A-Za-z_][A-Za-z0-9_]*):?-([^{}]+)\}/;

export default defineRule({
  id: 'compose/no-secrets-in-environment',
  target: 'compose',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow literal credentials in a service\'s `environment`, including `${VAR:-default}` fallbacks.',
    rationale:
      'A password written in a compose file is in the repository and its history for everyone who can clone it, and in `docker inspect` for everyone who can reach the Docker daemon; it cannot be rotated without a commit, and the same value ends up in every environment.',
    remediation:
      'Take the value from Compose `secrets:` (read from `/run/secrets/<name>`, or through `*_FILE` variables the image supports) or from `${VAR}` interpolation filled by an untracked `.env` file or the deployment environment, then rotate the exposed credential.',
    fixable: false,
    related: ['kube-linter:env-var-secret'],
  },
  messages: {
    literal:
      'Service "{{service}}" sets {{name}} to {{what}} in its environment, so everyone who can read this file or run `docker inspect` has it. Take it from `secrets:` or from `${{{name}}}` filled by an untracked .env file, and rotate it.',
    defaultValue:
      'Service "{{service}}" falls back to a literal {{name}} when ${{{variable}}} is unset, so a deployment that forgets to set it runs with a credential everyone who can read this file knows. Drop the default (`${{{variable}}:?required}` fails fast instead) and rotate it.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      // A development or test stack's passwords guard nothing deployed; real tokens are still reported.
      const production = nonProductionReason(doc, service) === undefined;
      for (const entry of service.environment()) {
        const data = { service: service.name, name: entry.name };
        if (entry.value === undefined) {
          if (isSecretName(entry.name)) ctx.evidence({ span: entry.span, note: `service "${service.name}" takes ${entry.name} from the environment` });
          continue;
        }
        const shaped = looksLikeCredential(entry.value);
        const defaulted = DEFAULTED.exec(entry.value);
        const resolved = interpolate(entry.value);
        if (defaulted && resolved.text !== undefined && credentialIn(entry.name, resolved.text) && (production || shaped)) {
          ctx.report({ span: entry.span, messageId: 'defaultValue', data: { ...data, variable: defaulted[1] as string } });
          continue;
        }
        const what = credentialIn(entry.name, entry.value);
        if (what && (production || shaped)) {
          ctx.report({ span: entry.span, messageId: 'literal', data: { ...data, what } });
          continue;
        }
        if (resolved.hasVariables && isSecretName(entry.name)) {
          ctx.evidence({ span: entry.span, note: `service "${service.name}" takes ${entry.name} from ${entry.value.trim()}` });
        }
      }
      const envFile = service.fieldPair('env_file');
      if (envFile) {
        const value = doc.deref(envFile.pair.value);
        const files = [str(value), ...items(value).map((i) => str(i) ?? str(get(doc.deref(i), 'path')))].filter(Boolean);
        ctx.evidence({ span: spanOf(envFile.pair.key), note: `service "${service.name}" loads its environment from ${files.join(', ') || 'an env_file'}` });
      }
      const secrets = service.fieldPair('secrets');
      if (secrets) {
        const names = items(doc.deref(secrets.pair.value))
          .map((i) => str(i) ?? str(get(doc.deref(i), 'source')))
          .filter(Boolean);
        ctx.evidence({ span: spanOf(secrets.pair.key), note: `service "${service.name}" reads Compose secrets${names.length ? ` (${names.join(', ')})` : ''}` });
      }
    }
  },
});
