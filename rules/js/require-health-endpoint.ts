import { defineRule } from '../define-rule';
import type { EsNode } from '../../server/src/targets/source/estree-document';
import { bindingsOf, calls, callsExport, news } from './support/estree';
import { decorators, lastSegment, recordInOrder, routePaths } from './support/evidence';

/** A health route's last segment, also with a leading underscore (`/_healthz`, the spelling that keeps health routes apart from application paths). */
const HEALTH = /^_?(healthz?|readyz?|livez?|readiness|liveness|ping|health-check|healthcheck)$/;

export default defineRule({
  id: 'js/require-health-endpoint',
  target: 'js',
  meta: {
    item: 'reliability.health-endpoints',
    severity: 'info',
    description: 'Record health routes in TypeScript and JavaScript as evidence (express/fastify/koa routes, Nest controllers, terminus).',
    rationale: 'Without a health route the orchestrator and load balancer can only tell whether the process runs, not whether it serves, so broken instances keep receiving traffic.',
    remediation: 'Register `/healthz` (liveness) and `/readyz` (readiness: dependencies reachable), or use @godaddy/terminus or @nestjs/terminus, and point the probes at them.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found: Array<{ node: EsNode; note: string }> = [];
    for (const { node, path } of routePaths(doc)) if (HEALTH.test(lastSegment(path))) found.push({ node, note: `health route ${path}` });
    for (const { node, name, arg } of decorators(doc, new Set(['Get', 'Head', 'All', 'Controller']))) {
      if (arg !== undefined && HEALTH.test(lastSegment(arg.startsWith('/') ? arg : `/${arg}`))) found.push({ node, note: `Nest @${name}('${arg}')` });
    }
    for (const { node } of decorators(doc, new Set(['HealthCheck']))) found.push({ node, note: '@nestjs/terminus health check' });
    const terminus = bindingsOf(doc, '@godaddy/terminus');
    for (const { node: call, path } of calls(doc)) {
      if (callsExport(path, terminus, 'createTerminus') || callsExport(path, terminus, 'default')) found.push({ node: call, note: '@godaddy/terminus health checks' });
    }
    // The standard gRPC health service answers `grpc_health_probe` and Kubernetes `grpc:` probes.
    const grpcHealth = bindingsOf(doc, 'grpc-health-check');
    for (const { node, path } of news(doc)) {
      if (callsExport(path, grpcHealth, 'HealthImplementation') || callsExport(path, grpcHealth, 'Implementation')) found.push({ node, note: 'gRPC health service (grpc-health-check)' });
    }
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
