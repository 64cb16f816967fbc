import { bool, items, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { defineRule } from '../define-rule';
import { nonProductionReason } from './support/services';

/** Capabilities that amount to root on the host, with what each allows. */
const HOST_CAPABILITIES: Readonly<Record<string, string>> = {
  ALL: 'grants every capability',
  SYS_ADMIN: 'allows mounting filesystems and most of what root on the host can do',
  SYS_MODULE: 'allows loading kernel modules',
};

/** `network_mode`/`pid`/`ipc: host`, with what sharing that namespace exposes. */
const HOST_NAMESPACES: ReadonlyArray<{ key: string; namespace: string; consequence: string; remedy: string }> = [
  {
    key: 'network_mode',
    namespace: 'network',
    consequence: 'it can bind any host port and reach everything that listens only on the host\'s loopback',
    remedy: 'publish the ports it needs with `ports:`',
  },
  { key: 'pid', namespace: 'process', consequence: 'it sees every process of the host and can signal or trace them', remedy: 'let it keep its own process namespace' },
  { key: 'ipc', namespace: 'IPC', consequence: 'it can read and write the shared memory of host processes', remedy: 'use a shareable IPC namespace between the services that need one' },
];

export default defineRule({
  id: 'compose/no-privileged',
  target: 'compose',
  meta: {
    item: 'deploy.security-context',
    severity: 'error',
    description: 'Disallow `privileged: true`, host-level capabilities (`ALL`, `SYS_ADMIN`, `SYS_MODULE`) and the host network, PID and IPC namespaces.',
    rationale:
      'A privileged container, or one with SYS_ADMIN or the host\'s namespaces, is separated from the host by almost nothing: a remote-code bug in the service becomes control of the host and of every other container on it.',
    remediation:
      'Remove `privileged`, `network_mode: host`, `pid: host` and `ipc: host`; add only the narrow capabilities and `devices:` the service needs, and prefer `cap_drop: [ALL]` with `security_opt: [no-new-privileges:true]`.',
    fixable: false,
    related: ['kube-linter:privileged-container', 'kube-linter:host-network', 'kube-linter:host-pid', 'kube-linter:host-ipc'],
  },
  messages: {
    privileged:
      'Service "{{service}}" runs privileged, with every capability and all host devices, so whoever takes over the container owns the host. Remove `privileged: true` and grant only the capabilities or `devices:` it needs.',
    capability:
      'Service "{{service}}" adds capability {{capability}}, which {{effect}}, so a compromised container can take over the host. Remove it and add only the narrow capability the service needs.',
    hostNamespace:
      'Service "{{service}}" shares the host\'s {{namespace}} namespace (`{{setting}}`), so {{consequence}}. Remove it and {{remedy}}.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (nonProductionReason(doc, service) !== undefined) continue;
      const data = { service: service.name };
      const privileged = service.fieldPair('privileged');
      if (privileged && bool(doc.deref(privileged.pair.value)) === true) {
        const key = spanOf(privileged.pair.key);
        const value = spanOf(privileged.pair.value);
        if (key) ctx.report({ span: { start: key.start, end: value?.end ?? key.end }, messageId: 'privileged', data });
      }
      for (const item of items(service.field('cap_add'))) {
        const capability = str(doc.deref(item))?.toUpperCase().replace(/^CAP_/, '');
        const span = spanOf(item);
        const effect = capability && HOST_CAPABILITIES[capability];
        if (effect && span) ctx.report({ span, messageId: 'capability', data: { ...data, capability: capability as string, effect } });
      }
      for (const { key, namespace, consequence, remedy } of HOST_NAMESPACES) {
        const found = service.fieldPair(key);
        const value = found && str(doc.deref(found.pair.value));
        const keySpan = found && spanOf(found.pair.key);
        const valueSpan = found && spanOf(found.pair.value);
        if (value?.toLowerCase() !== 'host' || !keySpan) continue;
        ctx.report({
          span: { start: keySpan.start, end: valueSpan?.end ?? keySpan.end },
          messageId: 'hostNamespace',
          data: { ...data, namespace, setting: `${key}: ${value}`, consequence, remedy },
        });
      }
      const dropped = items(service.field('cap_drop')).find((i) => str(doc.deref(i))?.toUpperCase() === 'ALL');
      if (dropped) ctx.evidence({ span: spanOf(dropped), note: `service "${service.name}" drops all capabilities` });
      const noNewPrivileges = items(service.field('security_opt')).find((i) => /^no-new-privileges(?:[:=]true)?$/i.test(str(doc.deref(i)) ?? ''));
      if (noNewPrivileges) ctx.evidence({ span: spanOf(noNewPrivileges), note: `service "${service.name}" sets no-new-privileges` });
    }
  },
});
