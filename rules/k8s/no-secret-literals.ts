import { isMap, isScalar } from 'yaml';
import { defineRule } from '../define-rule';
import type { SourceText, Span } from '../../server/src/engine/source';
import { valuesAnchor, type K8sDocument } from '../../server/src/targets/k8s/document';
import { valuesNode, valuesPathOf } from '../../server/src/targets/helm/values';
import { entries, get, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { isPlaceholderOrReference, isSecretName, looksLikeCredential, nameSegments } from '../support/secrets';
import { displayName, fieldAsRendered, type Placed } from './support/cross-object';

/** Objects that keep secrets out of the repository, by API group and kind. */
const SECRET_MANAGERS: ReadonlyArray<{ group: RegExp; kinds: RegExp; what: string }> = [
  { group: /^bitnami\.com\//, kinds: /^SealedSecret$/, what: 'encrypted with Sealed Secrets' },
  { group: /^external-secrets\.io\//, kinds: /^(Cluster)?ExternalSecret$/, what: 'fetched by External Secrets' },
  { group: /^secrets-store\.csi\.x-k8s\.io\//, kinds: /^SecretProviderClass$/, what: 'mounted by the Secrets Store CSI driver' },
  { group: /^secrets\.hashicorp\.com\//, kinds: /^Vault(Static|Dynamic|PKI)Secret$/, what: 'synced by the Vault Secrets Operator' },
  { group: /^onepassword\.com\//, kinds: /^OnePasswordItem$/, what: 'synced by the 1Password operator' },
];

/** Keys of a Secret that name or locate a credential rather than hold it. */
const NOT_SECRET_KEYS = new Set([
  'host', 'hostname', 'port', 'user', 'username', 'login', 'database', 'db', 'dbname', 'name', 'endpoint', 'region', 'bucket', 'url', 'uri',
  'namespace', 'sslmode', 'schema', 'email', 'issuer', 'audience', 'scope', 'scopes', 'realm', 'tenant', 'account',
]);

const EXISTING_SECRET = /^existing[A-Za-z]*Secret(Name)?$/;

export default defineRule({
  id: 'k8s/no-secret-literals',
  target: 'k8s',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow Secret manifests, and chart defaults rendered into Secrets, that hold literal credentials.',
    rationale:
      'A Secret committed with its values is a credential in plain text (base64 is an encoding, not encryption) for everyone who can read the repository, its forks and its history, long after it was meant to be rotated. A chart default rendered into a Secret is the same credential in every install that keeps it.',
    remediation:
      'Remove the values and rotate the credentials. Create Secrets at deploy time from a secret manager (External Secrets, Sealed Secrets, SOPS, the CSI driver), and in charts leave credential defaults empty, generate or `required` them, and support an `existingSecret`.',
    fixable: false,
    related: ['gitleaks:generic-api-key'],
  },
  messages: {
    literalValue:
      'Secret {{name}} commits {{what}} under `{{key}}`, readable by anyone with access to the repository and its history. Remove it, rotate the credential, and create the Secret at deploy time from a secret manager (External Secrets, Sealed Secrets, SOPS).',
    valuesDefault:
      'The chart\'s default `{{path}}` is {{what}} that Secret {{name}} renders, so every install that keeps the default shares it and anyone with the chart can read it. Leave it empty and generate or `required` it at install time, or reference an `existingSecret`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const object of doc.renderedObjects()) {
      const placed: Placed = { file: ctx.source.path, source: ctx.source, object, doc, own: true };
      const manager = SECRET_MANAGERS.find((m) => m.group.test(object.apiVersion) && m.kinds.test(object.kind));
      if (manager) {
        ctx.evidence({ span: object.anchor, note: `${object.kind} ${displayName(placed)}: secret values ${manager.what}` });
        continue;
      }
      if (object.kind !== 'Secret' || object.apiVersion !== 'v1') continue;
      if (str(get(object.node, 'type')) === 'kubernetes.io/service-account-token') continue;
      const name = displayName(placed);
      for (const field of ['data', 'stringData'] as const) {
        const encoded = field === 'data';
        const resolved = fieldAsRendered(doc, object.node, field);
        if (resolved.kind === 'unknown') continue;
        if (resolved.kind === 'values') {
          // The whole map comes from values: each key there is a default.
          for (const entry of entries(resolved.node)) {
            const what = credentialIn(entry.key, str(entry.value), false);
            const span = spanOf(entry.pair.key);
            if (what && span) {
              ctx.report({ span, source: resolved.source, messageId: 'valuesDefault', data: { path: [...resolved.path, entry.key].join('.'), what, name } });
            }
          }
          continue;
        }
        for (const entry of entries(resolved.node)) {
          const value = doc.resolve(entry.value);
          if (value.kind === 'unknown') continue;
          if (value.kind === 'values') {
            // Templates encode values themselves (`b64enc`): the default is plain text.
            const what = credentialIn(entry.key, str(value.node), false);
            if (what) ctx.report({ span: value.anchor, source: value.source, messageId: 'valuesDefault', data: { path: value.path.join('.'), what, name } });
            continue;
          }
          const what = credentialIn(entry.key, str(entry.value), encoded);
          const span = spanOf(entry.value);
          if (what && span) ctx.report({ span, messageId: 'literalValue', data: { name, key: entry.key, what } });
        }
      }
    }
    for (const ref of existingSecretRefs(ctx.doc)) {
      ctx.evidence({ span: ref.span, source: ref.source, note: `credentials from the existing Secret "${ref.value}" (\`${ref.path}\`)` });
    }
  },
});

/**
 * How to describe a Secret value that holds a credential, or undefined when it holds
 * none: empty, a placeholder or reference, a public certificate, connection details
 * (`host`, `username`) or a plain setting under a name that is not a credential's.
 */
function credentialIn(key: string, raw: string | undefined, encoded: boolean): string | undefined {
  if (raw === undefined) return undefined;
  const value = encoded ? (decodeBase64(raw) ?? raw) : raw;
  if (isPlaceholderOrReference(value)) return undefined;
  const format = looksLikeCredential(value);
  if (format) return `what looks like ${format}`;
  if (/-----BEGIN CERTIFICATE-----/.test(value) && !/PRIVATE KEY/.test(value)) return undefined;
  if (isSecretName(key) || SECRET_FILE_KEYS.test(key)) return 'a literal credential';
  const segments = nameSegments(key.replace(/\.(crt|pem|cert|json|ya?ml|conf|properties|env|txt)$/i, ''));
  const last = segments[segments.length - 1];
  if (last !== undefined && NOT_SECRET_KEYS.has(last)) return undefined;
  // A key named for neither: a config file with credentials in it, or a token-shaped value.
  if (/\n/.test(value.trim())) return CONFIG_CREDENTIAL.test(value) ? 'a config file with literal credentials' : undefined;
  return looksRandom(value) ? 'a literal credential' : undefined;
}

/** Keys of well-known credential files: registry auth, TLS and SSH private keys, keystores. */
const SECRET_FILE_KEYS = /^(\.dockerconfigjson|\.dockercfg|tls\.key|ssh-privatekey|id_(rsa|dsa|ecdsa|ed25519)|\.htpasswd|htpasswd|\.netrc|\.pgpass|\.npmrc|\.pypirc)$|\.(key|p12|pfx|jks|keystore)$|credentials/i;

/** `password: x`, `token = x`, `"apiKey": "x"` lines of an embedded config file, with a literal value. */
const CONFIG_CREDENTIAL = /^\s*"?[A-Za-z0-9_.-]*(password|passwd|secret|token|api[_-]?key|private[_-]?key)"?\s*[:=]\s*(?!["']?\s*$)(?!["']?(\$\{|\$\(|<|\{\{))\S/im;

/** How generated secrets look: a long hex string, or a long word mixing upper and lower case and digits. */
function looksRandom(value: string): boolean {
  const v = value.trim();
  if (/^[0-9a-f]{32,}$/i.test(v)) return true;
  if (v.length < 16 || /\s/.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return false;
  return /[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9]/.test(v);
}

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  // Binary keys (keystores) decode to unprintable bytes: keep judging the encoded text.
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded) ? undefined : decoded;
}

/** `.Values…existingSecret` references of a chart template whose default names a Secret. */
function existingSecretRefs(doc: K8sDocument): Array<{ span: Span; source: SourceText; value: string; path: string }> {
  const template = doc.parsed.template;
  const values = doc.values;
  if (!template || !values) return [];
  const out: Array<{ span: Span; source: SourceText; value: string; path: string }> = [];
  const seen = new Set<string>();
  for (const action of template.actions) {
    for (const ref of action.body.match(/\.Values(?:\.[A-Za-z_][A-Za-z0-9_-]*)+/g) ?? []) {
      const path = valuesPathOf(ref, undefined);
      const last = path?.[path.length - 1];
      if (!path || !last || !EXISTING_SECRET.test(last) || seen.has(path.join('.'))) continue;
      seen.add(path.join('.'));
      const node = valuesNode(values, path);
      const value = isScalar(node) ? str(node) : undefined;
      if (!value || isMap(node) || isPlaceholderOrReference(value)) continue;
      out.push({ span: valuesAnchor(values, path), source: values.source, value, path: path.join('.') });
    }
  }
  return out;
}
