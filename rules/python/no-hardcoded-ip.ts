import { defineRule } from '../define-rule';
import { hardcodedIp } from '../support/code-hygiene';
import { stringValue } from './support/syntax';

export default defineRule({
  id: 'python/no-hardcoded-ip',
  target: 'python',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Report IP addresses written into Python string literals.',
    rationale:
      'A hardcoded address ties the code to one environment: it breaks when the host moves, cannot differ between staging and production, and bypasses DNS and service discovery.',
    remediation: 'Read the host from configuration (`os.environ["REDIS_HOST"]`, pydantic `BaseSettings`, Django settings from the environment) and use a DNS or service name.',
    related: ['sonar:S1313'],
  },
  messages: {
    hardcodedIp:
      'The address {{ip}} is written into the code, so it breaks when the host moves and cannot differ between environments. Read the host from configuration and use a DNS or service name.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const { node } of doc.captures('(string) @s')) {
      const value = stringValue(doc, node);
      const ip = value === undefined ? undefined : hardcodedIp(value);
      if (ip) ctx.report({ span: doc.span(node), messageId: 'hardcodedIp', data: { ip } });
    }
  },
});
