import { spanOf, str } from '../../server/src/targets/yaml/nodes';
import { defineRule } from '../define-rule';
import { isComplete, nonProductionReason, oneShotReason, serviceDeploy, serviceInsertion, siblingServices } from './support/services';

export default defineRule({
  id: 'compose/require-restart-policy',
  target: 'compose',
  meta: {
    item: 'deploy.high-availability',
    severity: 'info',
    description: 'Require a restart policy on every long-running service; one-off tasks (migrations, seeds, tools) are left alone.',
    rationale:
      'Compose restarts nothing by default: a service that crashes, or every service after the host reboots, stays down until someone runs `docker compose up` again.',
    remediation: 'Add `restart: unless-stopped` (or `always`, or `deploy.restart_policy`) to every service that is meant to keep running.',
    fixable: true,
  },
  messages: {
    missing:
      'Service "{{service}}" has no restart policy, so after a crash or a host reboot it stays down until someone runs `docker compose up` again. Add `restart: unless-stopped`.',
    disabled:
      'Service "{{service}}" is a long-running service with `restart: {{value}}`, so after a crash or a host reboot it stays down until someone starts it again. Use `restart: unless-stopped`, or leave it if it is a one-off task.',
    swarmDisabled:
      'Service "{{service}}" sets `deploy.restart_policy.condition: none`, so after a crash it stays down until someone starts it again. Use `condition: on-failure` or `any`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (!isComplete(service) || nonProductionReason(doc, service) !== undefined) continue;
      // `restart: "no"` is right for a migration or a seed job, which must not loop.
      if (oneShotReason(doc, service) !== undefined) continue;
      const restart = service.fieldPair('restart');
      if (restart) {
        const node = doc.deref(restart.pair.value);
        const value = str(node)?.toLowerCase();
        const span = spanOf(node);
        if ((value === 'no' || value === 'false') && span) {
          ctx.report({
            span,
            messageId: 'disabled',
            data: { service: service.name, value: str(node) ?? value },
            fix: restart.inherited ? undefined : { title: 'Use restart: unless-stopped', edits: [{ span, text: 'unless-stopped' }], suggestion: true },
          });
        }
        continue;
      }
      const policy = serviceDeploy(service, 'restart_policy');
      if (policy !== undefined) {
        const condition = serviceDeploy(service, 'restart_policy', 'condition');
        const span = spanOf(condition);
        if (str(condition)?.toLowerCase() === 'none' && span) ctx.report({ span, messageId: 'swarmDisabled', data: { service: service.name } });
        continue;
      }
      if (siblingServices(ctx.project, doc, service).some((s) => s.has('restart') || serviceDeploy(s, 'restart_policy') !== undefined)) continue;
      const insertion = serviceInsertion(ctx.source, service, ['restart: unless-stopped']);
      ctx.report({
        span: service.anchor,
        messageId: 'missing',
        data: { service: service.name },
        fix: insertion ? { title: 'Add restart: unless-stopped', edits: [insertion] } : undefined,
      });
    }
  },
});
