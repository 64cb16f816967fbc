/**
 * Recognises credentials in configuration: by the name of the variable that holds them
 * (`DB_PASSWORD`, `stripeApiKey`) and by the shape of the value (`AKIA…`, `ghp_…`,
 * `postgres://app:hunter2@db/app`). Shared by every rule that reads environment
 * variables or settings: Kubernetes `env`, Compose `environment`, Helm values.
 */

/** Name segments that say "this holds a credential". */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'credentials',
  'credential',
  'creds',
  'privatekey',
  'accesskey',
  'secretkey',
]);

/** `<qualifier>_KEY` names that hold a key rather than name one (`API_KEY`, `SIGNING_KEY`). */
const KEY_QUALIFIERS = new Set([
  'api', 'private', 'access', 'secret', 'encryption', 'signing', 'master', 'client', 'license', 'session', 'hmac', 'jwt', 'service',
  'account', 'ssh', 'gpg', 'pgp', 'tls', 'ssl', 'webhook', 'auth', 'shared', 'storage', 'cookie', 'csrf', 'aes', 'crypto', 'admin', 'app',
  'consumer', 'subscription', 'ingest', 'sas',
]);

/**
 * Last segments that make a variable about a secret rather than the secret itself:
 * `PASSWORD_FILE`, `TOKEN_TTL`, `SECRET_NAME`, `AUTH_URL`, `API_KEY_ENABLED`.
 */
const NOT_THE_SECRET = new Set([
  'file', 'files', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'name', 'names', 'id', 'ref', 'user',
  'username', 'login', 'length', 'len', 'ttl', 'expiry', 'expires', 'expiration', 'timeout', 'lifetime', 'header', 'type', 'mode',
  'algorithm', 'alg', 'version', 'count', 'size', 'enabled', 'enable', 'disabled', 'required', 'prefix', 'issuer', 'audience', 'scope',
  'scopes', 'location', 'format', 'method', 'field', 'policy', 'strategy', 'provider', 'seconds', 'secs', 'sec', 'ms', 'minutes', 'mins',
  'hours', 'days', 'limit', 'max', 'min', 'interval', 'duration', 'age', 'retries', 'attempts', 'digits', 'env', 'key', 'keys', 'store',
  'vault', 'mount', 'namespace', 'region', 'rotation', 'refresh', 'cache', 'backend', 'source', 'kind', 'class',
]);

/** Splits a variable name into lower-case words: `DB_PASSWORD` → [db, password], `stripeApiKey` → [stripe, api, key]. */
export function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.\s]+/)
    .filter(Boolean)
    .map((s) => s.toLowerCase());
}

/**
 * The credential word of a secret-looking name (`password`, `token`, `key`…), or
 * undefined when the name does not hold a secret. Names that describe a secret
 * rather than hold it (`*_FILE`, `*_PATH`, `*_NAME`, `*_URL`, `*_ENABLED`, `*_TTL`) and
 * public keys are not secret names.
 */
export function secretWordOf(name: string): string | undefined {
  const segments = nameSegments(name);
  const last = segments[segments.length - 1];
  if (!last) return undefined;
  if (segments.some((s) => s === 'public' || s === 'publishable' || s === 'pub')) return undefined;
  const isKey = (i: number) => segments[i] === 'key' && i > 0 && KEY_QUALIFIERS.has(segments[i - 1] as string);
  // `API_KEY` and `SIGNING_KEY` end in a key word; `SECRET_KEY_REF` and `API_KEY_ID` do not hold one.
  if (isKey(segments.length - 1)) return 'key';
  if (NOT_THE_SECRET.has(last)) return undefined;
  const word = segments.find((s) => SECRET_WORDS.has(s));
  if (word) return word;
  for (let i = 1; i < segments.length; i++) if (isKey(i)) return 'key';
  // `BASIC_AUTH`, `NPM_AUTH`: an auth value, unlike `AUTH_SERVER` or `AUTH_ENABLED`.
  if (last === 'auth' && segments.length > 1) return 'auth';
  return undefined;
}

/** Whether a variable's name says it holds a credential: `DB_PASSWORD`, `STRIPE_API_KEY`, `client-secret`. */
export function isSecretName(name: string): boolean {
  return secretWordOf(name) !== undefined;
}

const PLACEHOLDER =
  /^(<[^>]*>|\[[^\]]*\]|replace[_-]?me|replace[_-]?(this|with.*)|change[_-]?this|your[_-].*|x{3,}|\*{3,}|\.{3,}|•+|dummy|example|placeholder|todo|tbd|fixme|n\/a|none|null|nil|undefined|unset|-+)$/i;

/** Values that refer to a secret kept elsewhere, or that a tool fills in before use. */
const REFERENCE: readonly RegExp[] = [
  /\$\([A-Za-z_][A-Za-z0-9_]*\)/, // Kubernetes `$(VAR)`
  /\$\{[^}]*\}/, // shell and Compose `${VAR}`, `${VAR:-x}`
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // `$VAR`
  /\{\{.*\}\}/, // templates
  /^(vault|ref\+[a-z0-9]+|op|akv|sm|awssm|gcpsm|azkv|secret|secrets|k8s|env):\/?\/?\S+$/i, // secret-store URIs (vault:, ref+vault://, op://)
  /^arn:aws[a-z-]*:(secretsmanager|ssm|kms):/, // AWS Secrets Manager and Parameter Store ARNs
  /^projects\/[^/]+\/secrets\/[^/]+/, // Google Secret Manager names
  /^(\/|~\/|\.\.?\/)\S*$/, // a path to a mounted file
];

/**
 * Whether a value holds no credential of its own: empty, a placeholder (`<password>`,
 * `changeme-in-prod` is not one), a reference to something else (`$(DB_PASSWORD)`,
 * `${TOKEN}`, `{{ .Values.x }}`, `vault:secret/data/db#password`) or a file path.
 */
export function isPlaceholderOrReference(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (PLACEHOLDER.test(v)) return true;
  return REFERENCE.some((pattern) => pattern.test(v));
}

/** Credential formats recognisable by their shape, whatever the variable is called. */
const KNOWN_FORMATS: ReadonlyArray<{ pattern: RegExp; format: string }> = [
  { pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/, format: 'a private key' },
  { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, format: 'an AWS access key id' },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, format: 'a GitHub token' },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/, format: 'a GitHub token' },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, format: 'a GitLab token' },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, format: 'a Slack token' },
  { pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}/, format: 'a Stripe secret key' },
  { pattern: /\bnpm_[A-Za-z0-9]{36}\b/, format: 'an npm token' },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, format: 'a Google API key' },
  { pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/, format: 'a SendGrid API key' },
  { pattern: /\bsk-(proj-)?[A-Za-z0-9_-]{32,}/, format: 'an OpenAI API key' },
];

/** `scheme://user:password@host` with a literal password in it. */
function urlPassword(value: string): boolean {
  const match = /\b[a-z][a-z0-9+.-]*:\/\/([^:@/\s]*):([^@/\s]+)@[^\s]/i.exec(value);
  const password = match?.[2];
  return password !== undefined && !isPlaceholderOrReference(password) && !/^\$/.test(password);
}

/**
 * What a value looks like when it is a credential by its shape alone (`an AWS access
 * key id`, `a private key`, `a URL with a password`), else undefined. Use the answer
 * in messages: "holds what looks like {{format}}".
 */
export function looksLikeCredential(value: string): string | undefined {
  const known = KNOWN_FORMATS.find((f) => f.pattern.test(value));
  if (known) return known.format;
  if (urlPassword(value)) return 'a URL with a password';
  return undefined;
}

/** Values a secret-named variable can hold without holding a secret: flags, small numbers. */
const NOT_A_VALUE = /^(true|false|yes|no|on|off|enabled|disabled|required|optional)$/i;

/**
 * Whether a `name = value` setting holds a literal credential: a secret-looking name
 * with a real value, or any value shaped like a known credential. Undefined when it
 * does not; otherwise how to describe it (`a literal credential`, `what looks like a
 * GitHub token`).
 */
export function credentialIn(name: string, value: string): string | undefined {
  const format = looksLikeCredential(value);
  if (format) return `what looks like ${format}`;
  const word = secretWordOf(name);
  if (!word) return undefined;
  const v = value.trim();
  if (isPlaceholderOrReference(v) || NOT_A_VALUE.test(v)) return undefined;
  // A URL without credentials names a service (`OAUTH_TOKEN_URL` aside, `AUTH=https://…`).
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return undefined;
  // Small numbers are settings (`TOKEN_BYTES=32`), except for passwords and PINs.
  if (/^\d{1,3}$/.test(v) && !['password', 'passwd', 'pwd', 'pass', 'passphrase'].includes(word)) return undefined;
  return 'a literal credential';
}
