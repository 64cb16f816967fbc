import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import { LONG_RUNNING_KINDS } from '../../server/src/targets/k8s/objects';
import { get, items, num, str } from '../../server/src/targets/yaml/nodes';
import { mayServeTraffic, workspaceOf } from './support/cross-object';
import { dataStoreOf } from './support/databases';
import { containerInsertion } from './support/edits';
import { whereOf, type Field, type Known } from './support/rendered';
import { containerData, workloads } from './support/workloads';

const PROBES = {
  livenessProbe: { probe: 'liveness probe', consequence: 'a hung or deadlocked process is never restarted' },
  readinessProbe: { probe: 'readiness probe', consequence: 'the Service sends it traffic before it can serve and while it cannot' },
} as const;

type ProbeKey = keyof typeof PROBES;

export default defineRule({
  id: 'k8s/require-probes',
  target: 'k8s',
  meta: {
    item: 'deploy.probes',
    severity: 'warning',
    description: 'Require a liveness and a readiness probe on every container of a long-running workload.',
    rationale:
      'Without a liveness probe Kubernetes restarts a container only when its process exits, so a hung server stays in rotation; without a readiness probe the pod receives traffic as soon as the process starts, before it can serve, and rollouts cannot tell a broken version from a working one.',
    remediation:
      'Add `livenessProbe` and `readinessProbe` to each container (in the chart\'s values.yaml for Helm charts): an `httpGet` on a health endpoint, or a `tcpSocket` check on the service port.',
    fixable: true,
    related: ['kube-linter:no-liveness-probe', 'kube-linter:no-readiness-probe', 'checkov:CKV_K8S_8', 'checkov:CKV_K8S_9'],
  },
  messages: {
    missingBoth:
      'Container {{container}} of {{kind}} {{name}} has no liveness or readiness probe, so a hung process is never restarted and the pod gets traffic before it is ready. Add a `livenessProbe` and a `readinessProbe`.',
    missingOne: 'Container {{container}} of {{kind}} {{name}} has no {{probe}}, so {{consequence}}. Add a `{{key}}`.',
    valuesMissing:
      "The chart's default `{{path}}` sets no probe, so container {{container}} of {{kind}} {{name}} has no {{probe}} and {{consequence}}. Define the probe here.",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx, LONG_RUNNING_KINDS);
    const ws = list.length > 0 ? workspaceOf(ctx) : undefined;
    for (const workload of list) {
      // A readiness probe gates traffic: a workload that serves none (a load generator, a
      // poller with no port and no Service) needs only the liveness probe.
      const placed = ws?.objects.find((p) => p.own && p.object === workload.object);
      const served = !placed || !ws || mayServeTraffic(placed, ws);
      for (const container of workload.containers) {
        if (container.container.init) continue;
        const data = containerData(workload, container);
        const fields: Record<ProbeKey, Field> = {
          livenessProbe: rendered.field(container.field, 'livenessProbe'),
          readinessProbe: rendered.field(container.field, 'readinessProbe'),
        };
        if (fields.livenessProbe.state === 'unknown' || fields.readinessProbe.state === 'unknown') continue;
        const required: ProbeKey[] = served ? ['livenessProbe', 'readinessProbe'] : ['livenessProbe'];
        const missing = required.filter((key) => !isProbe((fields[key] as Known).node));
        if (missing.length === 0) {
          const where = whereOf(fields.livenessProbe);
          const what = served ? 'liveness and readiness probes' : 'liveness probe (it serves no traffic, so no readiness probe is needed)';
          ctx.evidence({ span: where?.span, source: where?.source, note: `${what} on container ${container.label} of ${workload.kind} ${workload.label}` });
          continue;
        }
        // Probes the template leaves out for good, as opposed to leaving them to values.yaml.
        const inManifest: ProbeKey[] = [];
        for (const key of missing) {
          const field = fields[key] as Known;
          const { probe, consequence } = PROBES[key];
          if (field.path !== undefined && field.key) {
            ctx.report({ span: field.key.span, source: field.key.source, messageId: 'valuesMissing', data: { ...data, path: field.path, probe, consequence } });
          } else if (field.removedBy) {
            ctx.report({ span: field.removedBy.at.span, source: field.removedBy.at.source, messageId: 'valuesMissing', data: { ...data, path: field.removedBy.path, probe, consequence } });
          } else {
            inManifest.push(key);
          }
        }
        if (inManifest.length === 0 || rendered.hidesContent(container.field)) continue;
        const lines = probeSkeleton(container.container.node, inManifest);
        const insertion = lines && inManifest.every((key) => get(container.container.node, key) === undefined) ? containerInsertion(ctx.source, container.container.node, lines) : undefined;
        const fix = insertion
          ? { title: `Add ${inManifest.length === 2 ? 'liveness and readiness probes' : PROBES[inManifest[0] as ProbeKey].probe} (check the path and port)`, edits: [insertion], suggestion: true }
          : undefined;
        if (inManifest.length === 2) {
          ctx.report({ span: container.container.anchor, messageId: 'missingBoth', data, fix });
        } else {
          const key = inManifest[0] as ProbeKey;
          ctx.report({ span: container.container.anchor, messageId: 'missingOne', data: { ...data, ...PROBES[key], key }, fix });
        }
      }
    }
  },
});

function isProbe(node: unknown): boolean {
  return isMap(node) && node.items.length > 0;
}

/** Ports that speak something other than HTTP, when a port has no telling name. */
const NON_HTTP_PORTS = new Set([5432, 3306, 6379, 27017, 9092, 5672, 2181, 9042, 11211, 1883, 4222, 2379, 26257, 7687]);

/**
 * Probe blocks for the missing probes, aimed at the container's first port: an
 * `httpGet` on `/healthz` for HTTP ports, a `tcpSocket` check for data stores and
 * ports named for another protocol. Undefined when the container declares no port,
 * since a probe needs something to check.
 */
function probeSkeleton(container: unknown, keys: readonly ProbeKey[]): string[] | undefined {
  const port = items(get(container, 'ports'))[0];
  const number = num(get(port, 'containerPort'));
  const name = str(get(port, 'name'));
  const target = number !== undefined ? String(number) : undefined;
  if (target === undefined) return undefined;
  const image = str(get(container, 'image'));
  const http = !dataStoreOf(image) && (name !== undefined ? /http|web/i.test(name) : !NON_HTTP_PORTS.has(number as number));
  const handler = http ? ['  httpGet:', '    path: /healthz', `    port: ${target}`] : ['  tcpSocket:', `    port: ${target}`];
  return keys.flatMap((key) => [`${key}:`, ...handler]);
}
