import { defineRule } from '../define-rule';
import { annotations, classesOfType, newOf, recordInOrder } from './support/evidence';

const MAPPINGS = new Set(['GetMapping', 'RequestMapping', 'Path']);
/**
 * The last segment is the health word, optionally after an underscore (`/_healthz`); whole
 * segments only, so `/shopping` and `/mapping` are not `ping`.
 */
const HEALTH_PATH = /^\/?(?:[\w.{}-]+\/)*_?(healthz?|readyz?|livez?|readiness|liveness|ping)\/?$/;
const INDICATORS = new Set(['HealthIndicator', 'ReactiveHealthIndicator', 'AbstractHealthIndicator', 'AbstractReactiveHealthIndicator', 'CompositeHealthContributor', 'HealthCheck']);

export default defineRule({
  id: 'java/require-health-endpoint',
  target: 'java',
  meta: {
    item: 'reliability.health-endpoints',
    severity: 'info',
    description: 'Record health endpoints in Java code as evidence (actuator health indicators and endpoints, `/health` mappings, the gRPC health service).',
    rationale: 'Without a health route the orchestrator and load balancer can only tell whether the process runs, not whether it serves, so broken instances keep receiving traffic.',
    remediation: 'Add Spring Boot Actuator and expose `/actuator/health/liveness` and `/actuator/health/readiness` (with `HealthIndicator`s for dependencies), and point the probes at them.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found = [
      // The standard gRPC health service: grpc-java's manager, or a hand-written implementation of its base.
      ...newOf(doc, new Set(['HealthStatusManager'])).map(({ node }) => ({ node, note: 'gRPC health service (HealthStatusManager)' })),
      ...classesOfType(doc, new Set(['HealthImplBase'])).map(({ node }) => ({ node, note: 'gRPC health service (HealthImplBase)' })),
      ...classesOfType(doc, INDICATORS).map(({ node, type }) => ({ node, note: `health indicator (${type})` })),
      ...annotations(doc, new Set(['Endpoint', 'WebEndpoint'])).map(({ node, name }) => ({ node, note: `actuator @${name}` })),
      ...annotations(doc, MAPPINGS)
        .filter(({ strings }) => strings.some((s) => HEALTH_PATH.test(s)))
        .map(({ node, strings }) => ({ node, note: `health route ${strings.find((s) => HEALTH_PATH.test(s))}` })),
    ];
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
