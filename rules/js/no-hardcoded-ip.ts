import { defineRule } from '../define-rule';
import { hardcodedIp } from '../support/code-hygiene';
import { keyName, nodes, stringValue } from './support/estree';

export default defineRule({
  id: 'js/no-hardcoded-ip',
  target: 'js',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Report IP addresses hardcoded in string literals.',
    rationale:
      'An address written into the code ties the build to one network: it breaks when the host moves, a failover happens or the service runs in another environment, and changing it takes a release instead of a configuration change.',
    remediation: 'Read the address from configuration (an environment variable, a config file) or use a DNS name that the platform keeps pointing at the right host.',
    fixable: false,
    related: ['sonarjs:S1313'],
  },
  messages: {
    hardcodedIp: 'The address {{address}} is hardcoded, so moving or failing over that host needs a release. Read it from configuration or use a DNS name.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const literal of [...nodes(doc, 'Literal'), ...nodes(doc, 'TemplateLiteral')]) {
      const value = stringValue(literal);
      const address = value === undefined ? undefined : hardcodedIp(value);
      if (!address) continue;
      // `version: '1.2.3.4'` is a four-part version, not a host.
      const parent = doc.parent(literal);
      const name = parent?.type === 'Property' ? keyName(parent.key, parent.computed) : parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
      if (name && /version/i.test(name)) continue;
      if (parent?.type === 'ImportDeclaration' || parent?.type === 'TSLiteralType') continue;
      ctx.report({ span: doc.span(literal), messageId: 'hardcodedIp', data: { address } });
    }
  },
});
