import type { Arg, Env, ModifiableInstruction, Property } from 'dockerfile-ast';
import { defineRule } from '../define-rule';

/** Name segments that say "this holds a credential". */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'token', 'apikey', 'credentials', 'credential', 'creds', 'privatekey', 'accesskey']);
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase']);
/** `<qualifier>_KEY` names that hold a key rather than name one. */
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'secret', 'encryption', 'signing', 'master', 'client', 'license']);
/** Last segments that make the variable about a secret rather than the secret itself: `TOKEN_TTL`, `PASSWORD_FILE`. */
const NOT_THE_SECRET = new Set([
  'file', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'name', 'id', 'user', 'username', 'length', 'len',
  'ttl', 'expiry', 'expires', 'expiration', 'timeout', 'lifetime', 'header', 'type', 'mode', 'algorithm', 'alg', 'version', 'count',
  'size', 'enabled', 'required', 'prefix', 'issuer', 'audience', 'scope', 'scopes', 'location', 'format', 'method', 'field', 'policy',
  'strategy', 'provider', 'seconds', 'secs', 'sec', 'ms', 'minutes', 'mins', 'hours', 'days', 'limit', 'max', 'min', 'interval',
  'duration', 'age', 'retries', 'attempts', 'digits', 'env', 'ref', 'in', 'at', 'rotation', 'store', 'backend', 'manager', 'source',
]);

/** `DB_PASSWORD` → [db, password]; `apiKey` → [api, key]. */
function segments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .filter(Boolean)
    .map((s) => s.toLowerCase());
}

/**
 * The credential word of a secret-looking name, if it is one. A qualifier after the
 * word makes the variable about the secret (`PASSWORD_MIN_LENGTH`, `TOKEN_EXPIRES_IN`).
 */
function secretWord(name: string): string | undefined {
  const segs = segments(name);
  const last = segs[segs.length - 1];
  if (!last || NOT_THE_SECRET.has(last)) return undefined;
  // Keys meant for browsers and public keys are published by design.
  if (segs.some((s) => s === 'public' || s === 'publishable')) return undefined;
  const about = (index: number): boolean => segs.slice(index + 1).some((s) => NOT_THE_SECRET.has(s));
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    // `PGPASSWORD`, `DBPASSWD`: the word glued to a prefix.
    const word = SECRET_WORDS.has(seg) ? seg : /passw(or)?d/.test(seg) ? 'password' : undefined;
    if (word) return about(i) ? undefined : word;
    if (seg === 'key' && i > 0 && KEY_QUALIFIERS.has(segs[i - 1] as string)) return about(i) ? undefined : 'key';
  }
  // `BASIC_AUTH`, `NPM_AUTH`: an auth value, not `AUTH_SERVER` or `AUTH_ENABLED`.
  if (last === 'auth') return 'auth';
  return undefined;
}

const PLACEHOLDER = /^(<[^>]*>|\{\{.*\}\}|\[[^\]]*\]|replace[_-]?me|replace[_-]?this|your[_-].*|x{3,}|\*{3,}|\.{3,}|dummy|example|placeholder|todo|tbd|fixme|n\/a|-+)$/i;
const NOT_A_VALUE = /^(true|false|yes|no|on|off|0|1|none|null|nil|undefined|unset|disabled|enabled|required|optional)$/i;

function isReference(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value);
}

/** Values a secret-looking name can carry without holding a secret. */
function isHarmless(value: string, word: string): boolean {
  const v = value.trim();
  if (v === '' || isReference(v) || NOT_A_VALUE.test(v) || PLACEHOLDER.test(v)) return true;
  // A path to a mounted secret or key file, not the secret.
  if (/^(\/|~\/|\.\.?\/)\S*$/.test(v) || /^[A-Za-z]:\\/.test(v)) return true;
  // A URL with no credentials in it.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true;
  // Small numbers and durations are settings (`TOKEN_BYTES=32`, `SESSION_SECRET_ROTATION=30d`), except for passwords.
  if ((/^\d{1,5}$/.test(v) || /^\d+(ms|s|m|h|d|w)$/.test(v)) && !PASSWORD_WORDS.has(word)) return true;
  return false;
}

/** Credential formats recognisable by their shape, whatever the variable is called. */
const KNOWN_FORMATS: ReadonlyArray<{ pattern: RegExp; format: string }> = [
  { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, format: 'an AWS access key id' },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, format: 'a GitHub token' },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/, format: 'a GitHub token' },
  { pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/, format: 'a Slack token' },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, format: 'a GitLab token' },
  { pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}/, format: 'a Stripe secret key' },
  { pattern: /\bnpm_[A-Za-z0-9]{36}\b/, format: 'an npm token' },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, format: 'a Google API key' },
  { pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/, format: 'a private key' },
];

/** `scheme://user:password@host` with a literal password. */
function urlPassword(value: string): boolean {
  const match = /\b[a-z][a-z0-9+.-]*:\/\/([^:@/\s]*):([^@/\s]+)@[^\s]/i.exec(value);
  const password = match?.[2];
  return password !== undefined && !isReference(password) && !PLACEHOLDER.test(password);
}

export default defineRule({
  id: 'dockerfile/no-secrets-in-env',
  target: 'dockerfile',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow literal credentials in `ENV` and `ARG` instructions.',
    rationale:
      'ENV values are baked into the image config and ARG defaults into its build history: anyone who can pull the image, from any registry or cache it was pushed to, can read them with `docker inspect` or `docker history`, long after the credential was meant to be rotated.',
    remediation:
      'Remove the value and rotate the credential. Inject it at runtime from a secret store (Kubernetes `secretKeyRef`, Docker/Compose secrets), and use `RUN --mount=type=secret` for credentials the build itself needs.',
    fixable: false,
    related: ['buildkit:SecretsUsedInArgOrEnv'],
  },
  messages: {
    secretName:
      '{{keyword}} {{name}} holds a literal credential, which ends up in the image and its history for anyone who can pull it. Pass it at runtime from a secret store, or with `RUN --mount=type=secret` when the build needs it.',
    credentialValue:
      '{{keyword}} {{name}} holds what looks like {{format}}, which ends up in the image and its history for anyone who can pull it. Revoke it and pass it at runtime from a secret store, or with `RUN --mount=type=secret` when the build needs it.',
    urlCredentials:
      '{{keyword}} {{name}} embeds a password in a URL, which ends up in the image and its history for anyone who can pull it. Keep the credentials out of the URL and pass them at runtime from a secret store.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const instruction of doc.instructions()) {
      const keyword = instruction.getKeyword();
      if (keyword === 'RUN') {
        const mounts = (instruction as ModifiableInstruction).getFlags().filter((f) => f.getName() === 'mount');
        if (mounts.some((m) => m.getOption('type')?.getValue() === 'secret')) {
          ctx.evidence({ span: doc.span(instruction.getRange()), note: 'build secret mounted with RUN --mount=type=secret' });
        }
        continue;
      }
      let properties: Property[];
      if (keyword === 'ENV') properties = (instruction as Env).getProperties();
      else if (keyword === 'ARG') properties = [(instruction as Arg).getProperty()].filter((p): p is Property => p !== null);
      else continue;
      for (const property of properties) {
        const value = property.getValue();
        const range = property.getValueRange();
        if (value === null || range === null || value.trim() === '') continue;
        const span = doc.span(range);
        const name = property.getName();
        const known = KNOWN_FORMATS.find((f) => f.pattern.test(value));
        if (known) {
          ctx.report({ span, messageId: 'credentialValue', data: { keyword, name, format: known.format } });
          continue;
        }
        if (urlPassword(value)) {
          ctx.report({ span, messageId: 'urlCredentials', data: { keyword, name } });
          continue;
        }
        const word = secretWord(name);
        if (word && !isHarmless(value, word)) ctx.report({ span, messageId: 'secretName', data: { keyword, name } });
      }
    }
  },
});
