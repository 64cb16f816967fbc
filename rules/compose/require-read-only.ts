import { bool, spanOf } from '../../server/src/targets/yaml/nodes';
import { defineRule } from '../define-rule';
import { isJudgedServer, serviceInsertion, setInSibling } from './support/services';

export default defineRule({
  id: 'compose/require-read-only',
  target: 'compose',
  meta: {
    item: 'container.read-only-fs',
    severity: 'info',
    description: 'Require `read_only: true` on every long-running service, with tmpfs or volumes for the paths it writes.',
    rationale:
      'A writable root filesystem lets an attacker who gets code execution drop tools and binaries, alter the application in place and persist until the container is recreated. A read-only root also makes every path the service writes explicit.',
    remediation: 'Set `read_only: true` and mount a `tmpfs:` (or a volume) on each path the service writes, typically `/tmp` and its cache or run directories.',
    fixable: true,
    related: ['kube-linter:no-read-only-root-fs'],
  },
  messages: {
    missing:
      'Service "{{service}}" runs with a writable root filesystem, so an attacker who gets code execution can drop tools and change the application in place. Set `read_only: true` and mount a tmpfs on the paths it writes, such as /tmp.',
    writable:
      'Service "{{service}}" sets `read_only: false`, so an attacker who gets code execution can drop tools and change the application in place. Set `read_only: true` and mount a tmpfs on the paths it writes, such as /tmp.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (!isJudgedServer(doc, service)) continue;
      const found = service.fieldPair('read_only');
      const value = found && bool(doc.deref(found.pair.value));
      if (found && value === true) {
        ctx.evidence({ span: spanOf(found.pair.key), note: `read-only root filesystem on service "${service.name}"` });
        continue;
      }
      const sibling = setInSibling(ctx.project, doc, service, 'read_only');
      if (sibling && bool(sibling.field('read_only')) === true) {
        ctx.evidence({ span: sibling.keySpanOr('read_only'), source: sibling.doc.source, note: `read-only root filesystem on service "${service.name}"` });
        continue;
      }
      if (found) {
        const key = spanOf(found.pair.key);
        const end = spanOf(found.pair.value)?.end;
        if (key && value === false) ctx.report({ span: { start: key.start, end: end ?? key.end }, messageId: 'writable', data: { service: service.name } });
        continue;
      }
      const lines = service.has('tmpfs') ? ['read_only: true'] : ['read_only: true', 'tmpfs:', '  - /tmp'];
      const insertion = serviceInsertion(ctx.source, service, lines);
      ctx.report({
        span: service.anchor,
        messageId: 'missing',
        data: { service: service.name },
        fix: insertion ? { title: 'Make the root filesystem read-only (add tmpfs for the paths it writes)', edits: [insertion], suggestion: true } : undefined,
      });
    }
  },
});
