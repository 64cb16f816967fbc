import type { ProjectView } from '../../server/src/engine/project';
import type { SourceText, Span } from '../../server/src/engine/source';
import { containersOf } from '../../server/src/targets/k8s/objects';
import { get, items, keySpan, str } from '../../server/src/targets/yaml/nodes';
import { defineAbsenceRule } from './support/absence';
import { objectName, workloads } from './support/stack';

const PROBE_KEYS = ['readinessProbe', 'livenessProbe', 'startupProbe'];
/** A health path in a probe's command (`podcli check http localhost:9898/healthz`). */
const HEALTH_PATH_WORD = /\/_?(healthz?|readyz?|livez?|readiness|liveness|ping)\b/;

/**
 * Probes of the deployed workloads that call a health endpoint of the service: an
 * `httpGet` with a path, a `grpc` probe (the gRPC health service), or an `exec` probe
 * running grpc_health_probe or a request to a health path. The pods only become ready
 * if the service answers them, so they show the endpoint exists, in any language.
 */
function probedEndpoints(project: ProjectView): Array<{ source: SourceText; span: Span; note: string }> {
  const out: Array<{ source: SourceText; span: Span; note: string }> = [];
  for (const entry of workloads(project)) {
    for (const container of containersOf(entry.object)) {
      if (container.init) continue;
      for (const key of PROBE_KEYS) {
        const probe = get(container.node, key);
        const span = keySpan(container.node, key);
        if (!probe || !span) continue;
        const written = entry.doc.resolve(get(probe, 'httpGet', 'path'));
        const httpPath = written.kind === 'unknown' ? undefined : str(written.node);
        const command = items(get(probe, 'exec', 'command')).map((w) => str(w) ?? '').join(' ');
        const what =
          httpPath !== undefined && httpPath.startsWith('/')
            ? `HTTP health endpoint ${httpPath}`
            : get(probe, 'grpc') !== undefined || /grpc_health_probe/.test(command)
              ? 'gRPC health service'
              : HEALTH_PATH_WORD.exec(command)?.[0] !== undefined
                ? `health endpoint ${HEALTH_PATH_WORD.exec(command)?.[0] ?? ''}`
                : undefined;
        if (!what) continue;
        out.push({ source: entry.doc.source, span, note: `${key} of ${entry.object.kind} ${objectName(entry)} calls the ${what}` });
        break;
      }
    }
  }
  return out;
}

export default defineAbsenceRule({
  id: 'workspace/require-health-endpoints',
  item: 'reliability.health-endpoints',
  description: 'Require liveness/readiness endpoints in an HTTP service, judged once for the whole workspace.',
  rationale:
    'Without a health endpoint the orchestrator and the load balancer cannot tell a hung or still-starting instance from a healthy one, so they keep sending it traffic.',
  remediation:
    'Serve `/healthz` (liveness) and `/readyz` (readiness) routes, or add Spring Boot Actuator / Quarkus SmallRye Health, and point the probes at them.',
  thing: 'health endpoint',
  why: 'probes and load balancers cannot tell a hung or starting instance from a healthy one',
  fix: 'Serve `/healthz` and `/readyz` routes (or add spring-boot-starter-actuator) and point the probes at them.',
  appliesTo: 'service',
  deployed: probedEndpoints,
  declarative: [
    { name: 'spring-boot-starter-actuator', note: 'Spring Boot Actuator serves /actuator/health' },
    { name: 'quarkus-smallrye-health', note: 'SmallRye Health serves /q/health' },
    { name: /^micronaut-management$/, note: 'Micronaut management serves /health' },
  ],
});
