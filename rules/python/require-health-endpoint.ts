import { defineRule } from '../define-rule';
import { isPath, routes } from './support/routes';

const HEALTH = /^(healthz?|readyz?|livez?|readiness|liveness|ping|health-check|healthcheck)$/;

export default defineRule({
  id: 'python/require-health-endpoint',
  target: 'python',
  meta: {
    item: 'reliability.health-endpoints',
    severity: 'info',
    description: 'Record health and readiness routes (`/health`, `/healthz`, `/readyz`, `/livez`, `/ping`) in FastAPI, Flask, aiohttp and Django code as evidence.',
    rationale: 'Without a health route the orchestrator and load balancer can only tell whether the process runs, not whether it serves, so broken instances keep receiving traffic.',
    remediation: 'Add `/healthz` (liveness: the process answers) and `/readyz` (readiness: database and dependencies reachable) and point the probes at them.',
  },
  messages: {},
  check(ctx) {
    for (const route of routes(ctx.doc)) {
      if (isPath(route.path, HEALTH)) ctx.evidence({ span: ctx.doc.span(route.call.node), note: `health route ${route.path.startsWith('/') ? route.path : `/${route.path}`}` });
    }
  },
});
