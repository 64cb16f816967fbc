import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { credentialIn, isPlaceholderOrReference, isSecretName, looksLikeCredential } from '../support/secrets';
import { methodCalls, stringValue } from './support/syntax';

/** Calls that build an in-memory Spring Security user. */
const USER_BUILDERS = new Set(['withUsername', 'withDefaultPasswordEncoder', 'withUserDetails', 'username']);

export default defineRule({
  id: 'java/no-hardcoded-credentials',
  target: 'java',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow passwords, tokens and keys written into Java source.',
    rationale:
      'A credential in source is in every clone, build log and jar, cannot be rotated without a release, and default users such as admin/admin are the first thing an attacker tries.',
    remediation:
      'Read the value from the environment or a secret store (`@Value("${db.password}")`, Spring Cloud Vault, Kubernetes Secrets) and keep users in a real user store.',
    related: ['sonar:S2068', 'sonar:S6437', 'gitleaks:generic-api-key'],
  },
  messages: {
    inMemoryUser:
      'In-memory user {{user}} has the password written in the code, so anyone with the source or the jar can log in as it. Load users from a user store or read the password from a secret.',
    secretField:
      '{{name}} holds {{what}} in source, so everyone with the code or the jar has it and rotating it needs a release. Read it from the environment or a secret store.',
    secretArgument:
      '`{{call}}(...)` is given {{what}} written in the code, so everyone with the source has it. Pass a value read from the environment or a secret store.',
    credentialLiteral:
      'This string holds {{what}}, so everyone with the source or the jar has the credential. Keep the credential out of the URL and read it from a secret.',
  },
  check(ctx) {
    const { doc } = ctx;
    const reported = new Set<number>();
    const report = (literal: Node, descriptor: Omit<Parameters<typeof ctx.report>[0], 'span'>) => {
      if (reported.has(literal.id)) return;
      reported.add(literal.id);
      ctx.report({ span: doc.span(literal), ...descriptor });
    };

    // password("admin"), setPassword("s3cret"), withClientSecret("…")
    for (const call of methodCalls(doc)) {
      const arg = call.args[0];
      const value = call.args.length === 1 ? stringValue(doc, arg) : undefined;
      if (!arg || value === undefined) continue;
      const name = call.name.replace(/^(set|with)(?=[A-Z])/, '');
      if (!isSecretName(name)) continue;
      const bare = value.replace(/^\{[a-z0-9-]+\}/i, '');
      if (isPlaceholderOrReference(bare) || /^\$2[aby]?\$/.test(bare)) continue;
      const user = builtUser(doc, call.node);
      if (user !== undefined) report(arg, { messageId: 'inMemoryUser', data: { user } });
      else {
        const what = credentialIn(name, bare);
        if (what) report(arg, { messageId: 'secretArgument', data: { call: call.name, what } });
      }
    }

    // private static final String DB_PASSWORD = "…"; this.apiKey = "…";
    for (const { node } of doc.captures('(variable_declarator name: (identifier) value: (string_literal)) @decl')) {
      const nameNode = node.childForFieldName('name');
      const literal = node.childForFieldName('value');
      const value = stringValue(doc, literal);
      if (!nameNode || !literal || value === undefined) continue;
      const what = credentialIn(doc.text(nameNode), value);
      if (what) report(literal, { messageId: 'secretField', data: { name: `\`${doc.text(nameNode)}\``, what } });
    }
    for (const { node } of doc.captures('(assignment_expression left: [(identifier) (field_access)] right: (string_literal)) @assign')) {
      const left = node.childForFieldName('left');
      const literal = node.childForFieldName('right');
      const value = stringValue(doc, literal);
      if (!left || !literal || value === undefined) continue;
      const name = left.type === 'field_access' ? doc.text(left.childForFieldName('field') ?? left) : doc.text(left);
      const what = credentialIn(name, value);
      if (what) report(literal, { messageId: 'secretField', data: { name: `\`${name}\``, what } });
    }

    // Any literal shaped like a credential: URLs with passwords, JDBC password parameters, cloud keys.
    for (const { node } of doc.captures('(string_literal) @s')) {
      const value = stringValue(doc, node);
      if (value === undefined) continue;
      const what = looksLikeCredential(value) ?? jdbcPassword(value);
      if (what) report(node, { messageId: 'credentialLiteral', data: { what } });
    }
  },
});

/** The user name of a Spring Security `User` builder chain the call belongs to (`"admin"`), if it is one. */
function builtUser(doc: Parameters<typeof methodCalls>[0], call: Node): string | undefined {
  let user: string | undefined;
  let isUser = false;
  for (let node: Node | null = call; node?.type === 'method_invocation'; node = node.childForFieldName('object')) {
    const name = doc.text(node.childForFieldName('name') ?? node);
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    if (USER_BUILDERS.has(name)) isUser = true;
    if ((name === 'withUsername' || name === 'username') && args.length === 1) user = stringValue(doc, args[0]) ?? user;
    const object = node.childForFieldName('object');
    if (object?.type === 'identifier' && doc.text(object) === 'User') isUser = true;
  }
  return isUser ? (user === undefined ? 'built here' : `"${user}"`) : undefined;
}

/** `jdbc:mysql://db/orders?user=app&password=s3cret`: a password in connection-string parameters. */
function jdbcPassword(value: string): string | undefined {
  if (!/^jdbc:/i.test(value)) return undefined;
  const password = /[?&;]password=([^&;]+)/i.exec(value)?.[1];
  return password !== undefined && !isPlaceholderOrReference(password) ? 'a JDBC URL with a password' : undefined;
}
