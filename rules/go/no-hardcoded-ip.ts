import { defineRule } from '../define-rule';
import { hardcodedIp } from '../support/code-hygiene';
import { stringValue } from './support/go';

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
    for (const { node } of doc.captures('[(interpreted_string_literal) (raw_string_literal)] @s')) {
      if (node.parent?.type === 'import_spec') continue;
      const ip = hardcodedIp(stringValue(doc, node) ?? '');
      if (ip) ctx.report({ span: doc.span(node), messageId: 'ip', data: { ip } });
    }
  },
});
