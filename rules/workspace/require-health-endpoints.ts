import { defineAbsenceRule } from './support/absence';

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
  declarative: [
    { name: 'spring-boot-starter-actuator', note: 'Spring Boot Actuator serves /actuator/health' },
    { name: 'quarkus-smallrye-health', note: 'SmallRye Health serves /q/health' },
    { name: /^micronaut-management$/, note: 'Micronaut management serves /health' },
  ],
});
