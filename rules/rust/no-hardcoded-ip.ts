import { hardcodedIp } from '../support/code-hygiene';
import { defineRule } from '../define-rule';
import { isLiveRustFile } from './support/modules';
import { isTestCode, stringValue } from './support/syntax';

export default defineRule({
  id: 'rust/no-hardcoded-ip',
  target: 'rust',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Flag IP addresses written into Rust string literals and `Ipv4Addr::new(…)` calls.',
    rationale:
      'An address in code ties the binary to one network: it breaks when the host moves, differs between environments and bypasses DNS and service discovery.',
    remediation: 'Read the address from configuration (an environment variable, a config file or a flag) or use a DNS name resolved by service discovery.',
    fixable: false,
  },
  messages: {
    ip: 'The address {{ip}} is hardcoded, so this breaks when the host moves and cannot differ between environments. Read it from configuration or use a DNS name.',
  },
  check(ctx) {
    if (!isLiveRustFile(ctx.project, ctx.source.path)) return;
    const doc = ctx.doc;
    for (const { node } of doc.captures('[(string_literal) (raw_string_literal)] @s')) {
      if (isTestCode(doc, node)) continue;
      const ip = hardcodedIp(stringValue(doc, node) ?? '');
      if (ip) ctx.report({ span: doc.span(node), messageId: 'ip', data: { ip } });
    }
    // `Ipv4Addr::new(10, 0, 3, 17)`: four integer literals.
    for (const match of doc.matches('(call_expression function: (scoped_identifier path: (_) @type name: (identifier) @new) arguments: (arguments . (integer_literal) @a . (integer_literal) @b . (integer_literal) @c . (integer_literal) @d .)) @call')) {
      const get = (name: string): string => match.captures.find((c) => c.name === name)?.node.text ?? '';
      if (!/(^|::)Ipv4Addr$/.test(get('type')) || get('new') !== 'new') continue;
      const call = match.captures.find((c) => c.name === 'call')?.node;
      if (!call || isTestCode(doc, call)) continue;
      const ip = hardcodedIp(['a', 'b', 'c', 'd'].map(get).join('.'));
      if (ip) ctx.report({ span: doc.span(call), messageId: 'ip', data: { ip } });
    }
  },
});
