import { defineRule } from '../define-rule';
import { hardcodedIp } from '../support/code-hygiene';
import { stringLiterals } from './support/go';

export default defineRule({
  id: 'go/no-hardcoded-ip',
  target: 'go',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Flag IP addresses written into Go string literals.',
    rationale: 'An address in code ties the binary to one network: it breaks when the host moves, differs between environments and bypasses DNS and service discovery.',
    remediation: 'Read the address from configuration (an environment variable or flag) or use a DNS name resolved by service discovery.',
    related: [],
  },
  messages: {
    ip: 'The address {{ip}} is hardcoded, so this breaks when the host moves and cannot differ between environments. Read it from configuration or use a DNS name.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const { node, value } of stringLiterals(doc)) {
      const ip = hardcodedIp(value);
      if (ip && node.parent?.type !== 'import_spec') ctx.report({ span: doc.span(node), messageId: 'ip', data: { ip } });
    }
  },
});
