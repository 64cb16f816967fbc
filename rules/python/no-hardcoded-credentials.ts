import * as path from 'node:path';
import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { credentialIn, isSecretName } from '../support/secrets';
import { calls, keyword, moduleFunction, stringValue } from './support/syntax';

/** `settings.py`, `settings/base.py`, `config/settings/production.py`: Django settings modules. */
function isSettingsModule(file: string): boolean {
  return path.posix.basename(file) === 'settings.py' || /(^|\/)settings\/[\w-]+\.py$/.test(file);
}

/** The name a string literal is stored under: `PASSWORD = "…"`, `self.token = "…"`, `password="…"`, `{"api_key": "…"}`. */
function holderName(doc: Parameters<typeof stringValue>[0], node: Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'assignment' && parent.childForFieldName('right')?.id === node.id) {
    const left = parent.childForFieldName('left');
    if (!left || (left.type !== 'identifier' && left.type !== 'attribute')) return undefined;
    const text = doc.text(left);
    return text.slice(text.lastIndexOf('.') + 1);
  }
  if (parent.type === 'keyword_argument' && parent.childForFieldName('value')?.id === node.id) {
    const name = parent.childForFieldName('name');
    return name ? doc.text(name) : undefined;
  }
  if (parent.type === 'pair' && parent.childForFieldName('value')?.id === node.id) return stringValue(doc, parent.childForFieldName('key'));
  return undefined;
}

export default defineRule({
  id: 'python/no-hardcoded-credentials',
  target: 'python',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow passwords, tokens and keys written into Python source, including `os.getenv` fallbacks and URL credentials.',
    rationale:
      'A credential in source is in every clone, fork, image layer and CI log of the repository, cannot be rotated without a release, and is the same in every environment.',
    remediation:
      'Read the credential from the environment or a secret store (`os.environ["DB_PASSWORD"]`, pydantic `BaseSettings`, django-environ) and inject it at deploy time from a Kubernetes Secret or vault.',
    related: ['bandit:B105', 'bandit:B106', 'bandit:B107', 'gitleaks:generic-api-key'],
  },
  messages: {
    literal:
      '`{{name}}` holds {{what}} in the source, so it ships in every clone and image and cannot be rotated without a release. Read it from the environment or a secret store.',
    shaped:
      'This string holds {{what}}, so the credential ships in every clone and image and cannot be rotated without a release. Read it from the environment or a secret store.',
    envFallback:
      '`{{call}}` falls back to a literal credential for `{{name}}`, so a missing variable silently runs with a secret known to everyone who reads the code. Require the variable (`os.environ["{{name}}"]`) instead.',
    djangoSecretKey:
      'Django `SECRET_KEY` is written into the settings module, so anyone with the source can forge sessions, password-reset tokens and signed cookies. Read it from the environment.',
  },
  check(ctx) {
    const { doc } = ctx;
    const handled = new Set<number>();
    // `os.getenv("DB_PASSWORD", "hunter2")`, `os.environ.get("API_TOKEN", "abc")`
    for (const call of calls(doc)) {
      const fn = moduleFunction(doc, call, 'os');
      const isGetenv = fn === 'getenv' || /(^|\.)environ\.(get|setdefault)$/.test(call.callee);
      if (!isGetenv) continue;
      const name = stringValue(doc, call.positional[0]);
      const fallbackNode = call.positional[1] ?? keyword(doc, call, 'default')?.value;
      const fallback = stringValue(doc, fallbackNode);
      if (name === undefined || fallback === undefined || !fallbackNode || !isSecretName(name)) continue;
      if (credentialIn(name, fallback) === undefined) continue;
      handled.add(fallbackNode.id);
      ctx.report({ span: doc.span(fallbackNode), messageId: 'envFallback', data: { call: `${call.callee}(…)`, name } });
    }
    const settings = isSettingsModule(ctx.source.path);
    for (const { node } of doc.captures('(string) @s')) {
      if (handled.has(node.id)) continue;
      const value = stringValue(doc, node);
      if (value === undefined) continue;
      const name = holderName(doc, node);
      const what = credentialIn(name ?? '', value);
      if (!what) continue;
      if (settings && name === 'SECRET_KEY' && node.parent?.parent?.parent?.type === 'module') {
        ctx.report({ span: doc.span(node), messageId: 'djangoSecretKey' });
      } else if (name !== undefined && what === 'a literal credential') {
        ctx.report({ span: doc.span(node), messageId: 'literal', data: { name, what } });
      } else {
        ctx.report({ span: doc.span(node), messageId: 'shaped', data: { what } });
      }
    }
  },
});
