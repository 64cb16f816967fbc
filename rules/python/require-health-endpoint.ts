import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { libraryCalls, type LibraryCall } from './support/libraries';
import { isPath, routes } from './support/routes';

/** The last segment of a health route, optionally after an underscore (`/_healthz`). */
const HEALTH = /^_?(healthz?|readyz?|livez?|readiness|liveness|ping|health-check|healthcheck)$/;

const GRPC_HEALTH: readonly LibraryCall[] = [{ module: 'grpc_health.v1.health_pb2_grpc', names: ['add_HealthServicer_to_server'], note: 'gRPC health service registered' }];

export default defineRule({
  id: 'python/require-health-endpoint',
  target: 'python',
  meta: {
    item: 'reliability.health-endpoints',
    severity: 'info',
    description: 'Record health and readiness routes (`/health`, `/healthz`, `/readyz`, `/livez`, `/ping`) in FastAPI, Flask, aiohttp and Django code, and the gRPC health service, as evidence.',
    rationale: 'Without a health route the orchestrator and load balancer can only tell whether the process runs, not whether it serves, so broken instances keep receiving traffic.',
    remediation: 'Add `/healthz` (liveness: the process answers) and `/readyz` (readiness: database and dependencies reachable) and point the probes at them.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found: Array<{ node: Node; note: string }> = [];
    for (const route of routes(doc)) {
      if (isPath(route.path, HEALTH)) found.push({ node: route.call.node, note: `health route ${route.path.startsWith('/') ? route.path : `/${route.path}`}` });
    }
    // The standard gRPC health service, which grpc_health_probe and Kubernetes `grpc:` probes call.
    for (const { call, note } of libraryCalls(doc, GRPC_HEALTH)) found.push({ node: call.node, note });
    for (const { node, note } of found.sort((a, b) => a.node.startIndex - b.node.startIndex)) ctx.evidence({ span: doc.span(node), note });
  },
});
