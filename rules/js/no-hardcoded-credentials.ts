import { memberPath, type EsNode } from '../../server/src/targets/source/estree-document';
import { defineRule } from '../define-rule';
import { credentialIn, isSecretName, looksLikeCredential } from '../support/secrets';
import { keyName, nodes, stringValue } from './support/estree';

/** The name a literal is given to: `const password = …`, `{ password: … }`, `this.apiKey = …`, `token = …` as a default. */
function nameFor(node: EsNode, parent: EsNode | undefined): string | undefined {
  if (!parent) return undefined;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === node && parent.id.type === 'Identifier' ? parent.id.name : undefined;
    case 'Property':
      return parent.value === node && !parent.shorthand ? keyName(parent.key, parent.computed) : undefined;
    case 'PropertyDefinition':
      return parent.value === node ? keyName(parent.key, parent.computed) : undefined;
    case 'AssignmentExpression': {
      if (parent.right !== node) return undefined;
      const path = memberPath(parent.left);
      return path?.split('.').pop();
    }
    case 'AssignmentPattern':
      return parent.right === node && parent.left.type === 'Identifier' ? parent.left.name : undefined;
    default:
      return undefined;
  }
}

/**
 * Values a secret-named setting holds that are not credentials: sentences (messages
 * such as 'Password is required'), dotted keys ('auth.password.invalid') and the
 * name itself (`const TOKEN = 'token'`, a field or header name).
 */
function isLabel(name: string, value: string): boolean {
  if (/\s/.test(value.trim())) return true;
  if (/^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)+$/.test(value)) return true;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return squash(name) === squash(value) || squash(value).endsWith(squash(name));
}

export default defineRule({
  id: 'js/no-hardcoded-credentials',
  target: 'js',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow credentials written into TypeScript and JavaScript source.',
    rationale:
      'A credential in source is in every clone, fork, CI log, bundle and container image built from the repository, and in its git history after it is deleted; it cannot be rotated without a code change, and default fallbacks silently run production on a value everybody can read.',
    remediation:
      'Read the credential from the environment or a secret manager at start-up and fail when it is missing, with no literal fallback; rotate any credential that was committed.',
    fixable: false,
    related: ['eslint-plugin-no-secrets:no-secrets', 'gitleaks:generic-api-key'],
  },
  messages: {
    secretName: '{{name}} is set to a literal credential, which everyone with the source or the bundle can read. Read it from the environment or a secret manager instead, and rotate it.',
    credentialValue: 'This string holds what looks like {{format}}, which everyone with the source or the bundle can read. Revoke it and read it from the environment or a secret manager.',
    urlCredentials: 'This connection URL embeds a password, which everyone with the source or the bundle can read. Build the URL from an environment variable or pass the password separately from a secret store.',
    envFallback:
      '`{{env}}` falls back to a literal credential when the variable is unset, so a misconfigured deployment runs on a password everybody can read. Fail at start-up when the variable is missing instead.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const reported = new Set<EsNode>();
    const literals: EsNode[] = [...nodes(doc, 'Literal').filter((l) => typeof l.value === 'string'), ...nodes(doc, 'TemplateLiteral').filter((t) => t.expressions.length === 0)];
    for (const literal of literals) {
      const value = stringValue(literal);
      if (value === undefined || value.trim() === '') continue;
      const parent = doc.parent(literal);
      // Import sources and type positions hold no values.
      if (parent?.type === 'ImportDeclaration' || parent?.type === 'TSLiteralType' || parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportAllDeclaration') continue;
      if (parent?.type === 'Property' && parent.key === literal) continue;
      // `process.env.X || 'literal'`: judged below with the variable's name.
      if (parent?.type === 'LogicalExpression' && parent.right === literal && /^process\.env\./.test(memberPath(parent.left) ?? '')) continue;
      const format = looksLikeCredential(value);
      if (format) {
        reported.add(literal);
        ctx.report({ span: doc.span(literal), messageId: format === 'a URL with a password' ? 'urlCredentials' : 'credentialValue', data: { format } });
        continue;
      }
      const name = nameFor(literal, parent);
      if (name === undefined || !isSecretName(name) || isLabel(name, value)) continue;
      if (credentialIn(name, value)) ctx.report({ span: doc.span(literal), messageId: 'secretName', data: { name } });
    }
    for (const logical of nodes(doc, 'LogicalExpression')) {
      if (logical.operator !== '||' && logical.operator !== '??') continue;
      const env = memberPath(logical.left);
      const variable = /^process\.env\.(.+)$/.exec(env ?? '')?.[1];
      const value = stringValue(logical.right);
      if (!variable || value === undefined || reported.has(logical.right)) continue;
      if (isSecretName(variable) && !isLabel(variable, value) && credentialIn(variable, value)) {
        ctx.report({ span: doc.span(logical.right), messageId: 'envFallback', data: { env: env as string } });
      } else if (looksLikeCredential(value)) {
        ctx.report({ span: doc.span(logical.right), messageId: 'envFallback', data: { env: env as string } });
      }
    }
  },
});
