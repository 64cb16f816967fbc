import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import { bool, get, str } from '../../server/src/targets/yaml/nodes';
import { containerInsertion } from './support/edits';
import { valuesSite, type Field } from './support/rendered';
import { containerData, workloads } from './support/workloads';

/** Capabilities that hand a container control over the node or its network. */
const DANGEROUS: Readonly<Record<string, string>> = {
  ALL: 'grants every capability, as good as privileged',
  SYS_ADMIN: 'is close to root on the node (mounts, namespaces, many kernel interfaces)',
  NET_ADMIN: "lets it rewrite the pod's routes and firewall rules and intercept traffic",
  SYS_PTRACE: 'lets it read and alter the memory of other processes it can see',
  SYS_MODULE: 'lets it load kernel modules, which is root on the node',
  SYS_RAWIO: 'gives raw access to devices and kernel memory',
  DAC_READ_SEARCH: 'lets it read any file it can reach, and escape to the host filesystem through open_by_handle_at',
  BPF: 'lets it load BPF programs into the kernel',
  PERFMON: 'lets it observe other processes and the kernel',
  SYS_BOOT: 'lets it reboot the node',
  SYS_TIME: "lets it change the node's clock",
  NET_RAW: 'lets it forge packets and spoof other pods on the network',
};

const HARDENED_BLOCK = ['securityContext:', '  allowPrivilegeEscalation: false', '  capabilities:', '    drop:', '      - ALL', '  readOnlyRootFilesystem: true', '  runAsNonRoot: true'];

export default defineRule({
  id: 'k8s/require-hardened-security-context',
  target: 'k8s',
  meta: {
    item: 'deploy.security-context',
    severity: 'warning',
    description: 'Require each container to forbid privilege escalation and drop all Linux capabilities.',
    rationale:
      'By default a container keeps a dozen Linux capabilities (NET_RAW among them, to spoof traffic) and may gain more through setuid binaries. An attacker who gets code execution starts from there; dropping everything and forbidding escalation leaves them the least to work with.',
    remediation:
      'Give each container a `securityContext` with `allowPrivilegeEscalation: false` and `capabilities: { drop: [ALL] }`, adding back only what it needs (`NET_BIND_SERVICE` to bind ports below 1024). For Helm charts, set it in values.yaml.',
    fixable: true,
    related: ['kube-linter:privilege-escalation-container', 'kube-linter:drop-net-raw-capability', 'checkov:CKV_K8S_20', 'checkov:CKV_K8S_28', 'checkov:CKV_K8S_37', 'pod-security:restricted'],
  },
  messages: {
    missing:
      'Container {{container}} of {{kind}} {{name}} has no securityContext, so it keeps the default Linux capabilities and may gain more through setuid binaries. Add one with `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]`.',
    incomplete:
      'Container {{container}} of {{kind}} {{name}} {{problems}}, so an attacker who gets in {{consequence}}. Set {{remedy}} in its securityContext.',
    valuesIncomplete:
      "The chart's default `{{path}}` {{problems}}, so an attacker who gets into container {{container}} of {{kind}} {{name}} {{consequence}}. Set {{remedy}} here.",
    dangerousCapability: 'Container {{container}} of {{kind}} {{name}} adds the {{capability}} capability, which {{consequence}}. Remove it, or grant a narrower capability.',
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    for (const workload of list) {
      for (const container of workload.containers) {
        const data = containerData(workload, container);
        const context = rendered.field(container.field, 'securityContext');
        if (context.state === 'unknown') continue;
        const escalation = rendered.field(context, 'allowPrivilegeEscalation');
        const capabilities = rendered.field(context, 'capabilities');
        const drop = rendered.field(capabilities, 'drop');
        const add = rendered.field(capabilities, 'add');
        if (escalation.state === 'unknown' || drop.state === 'unknown' || add.state === 'unknown') continue;

        let dangerous = false;
        for (const item of rendered.items(add)) {
          if (item.state === 'unknown') continue;
          const name = normalise(str(item.node));
          const consequence = name ? DANGEROUS[name] : undefined;
          const where = item.value;
          if (!name || !consequence || !where) continue;
          dangerous = true;
          ctx.report({ span: where.span, source: where.source, messageId: 'dangerousCapability', data: { ...data, capability: name, consequence } });
        }

        const dropsAll = dropsEverything(rendered.items(drop));
        if (dropsAll === undefined) continue;
        const escalates = bool(escalation.node) !== false;
        if (!escalates && dropsAll) {
          if (!dangerous) {
            const where = context.key ?? context.value;
            ctx.evidence({ span: where?.span, source: where?.source, note: `hardened securityContext on container ${container.label} of ${workload.kind} ${workload.label}` });
          }
          continue;
        }

        const site = valuesSite(context);
        if (site) {
          ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesIncomplete', data: { ...data, path: site.path, ...describe(escalates, dropsAll) } });
          continue;
        }
        if (context.node === undefined) {
          if (rendered.hidesContent(container.field)) continue;
          const insertion = get(container.container.node, 'securityContext') === undefined ? containerInsertion(ctx.source, container.container.node, HARDENED_BLOCK) : undefined;
          ctx.report({
            span: container.container.anchor,
            messageId: 'missing',
            data,
            fix: insertion
              ? { title: 'Add a hardened securityContext (check the app runs as non-root with a read-only root filesystem)', edits: [insertion], suggestion: true }
              : undefined,
          });
          continue;
        }
        if (!isMap(context.node) || !context.key || rendered.hidesContent(context)) continue;
        ctx.report({ span: context.key.span, messageId: 'incomplete', data: { ...data, ...describe(escalates, dropsAll) } });
      }
    }
  },
});

/** `CAP_SYS_ADMIN`, `sys_admin` → `SYS_ADMIN`. */
function normalise(name: string | undefined): string | undefined {
  return name?.trim().toUpperCase().replace(/^CAP_/, '');
}

/** Whether the drop list has ALL; undefined when an item cannot be read. */
function dropsEverything(items: readonly Field[]): boolean | undefined {
  let unknown = false;
  for (const item of items) {
    if (item.state === 'unknown') unknown = true;
    else if (normalise(str(item.node)) === 'ALL') return true;
  }
  return unknown ? undefined : false;
}

function describe(escalates: boolean, dropsAll: boolean): { problems: string; consequence: string; remedy: string } {
  if (escalates && !dropsAll) {
    return {
      problems: 'allows privilege escalation and keeps the default capabilities',
      consequence: 'can gain privileges through setuid binaries and use NET_RAW and the other default capabilities',
      remedy: '`allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]`',
    };
  }
  if (escalates) {
    return {
      problems: 'does not set `allowPrivilegeEscalation: false`',
      consequence: 'can gain privileges through setuid binaries',
      remedy: '`allowPrivilegeEscalation: false`',
    };
  }
  return {
    problems: 'does not drop `ALL` capabilities',
    consequence: 'keeps NET_RAW and the other default capabilities',
    remedy: '`capabilities.drop: [ALL]` (adding back only what it needs)',
  };
}
