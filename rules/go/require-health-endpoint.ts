import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { packageCalls, stringValue } from './support/go';

/** Route registration methods of net/http, chi, gorilla/mux, gin, echo and fiber. */
const ROUTE_METHODS = new Set(['Handle', 'HandleFunc', 'Get', 'GET', 'Head', 'HEAD', 'Any', 'Route', 'Path', 'Match', 'All', 'Use', 'Mount', 'Method', 'MethodFunc']);
/**
 * `/healthz`, `/health`, `/readyz`, `/livez`, `/ready`, `/live`, `/ping`, optionally under a
 * prefix, after a Go 1.22 method (`GET /healthz`), and with a leading underscore
 * (`/_healthz`, the spelling that keeps health routes apart from application paths).
 */
const HEALTH_PATH = /^(?:[A-Z]+\s+)?(?:\/[\w.-]+)*\/_?(healthz?|readyz?|livez?|readiness|liveness|ping|status\/health)\/?$/;
/** The standard gRPC health service: a server registering it answers the probes of `grpc_health_probe` and Kubernetes `grpc:` probes. */
const GRPC_HEALTH: ReadonlyArray<{ path: string; name: string; note: string }> = [
  { path: 'google.golang.org/grpc/health/grpc_health_v1', name: 'RegisterHealthServer', note: 'gRPC health service registered' },
  { path: 'google.golang.org/grpc/health', name: 'NewServer', note: 'gRPC health server' },
];

export default defineRule({
  id: 'go/require-health-endpoint',
  target: 'go',
  meta: {
    item: 'reliability.health-endpoints',
    severity: 'info',
    description: 'Record health and readiness routes (`/healthz`, `/_healthz`, `/readyz`, `/livez`) and gRPC health services in Go code as evidence.',
    rationale: 'Without a health route the orchestrator and load balancer can only tell whether the process runs, not whether it serves, so broken instances keep receiving traffic.',
    remediation: 'Register `/healthz` (liveness: the process answers) and `/readyz` (readiness: dependencies reachable), or the standard gRPC health service on a gRPC server, and point the probes at them.',
  },
  messages: {},
  check(ctx) {
    const doc = ctx.doc;
    const found: Array<{ node: Node; note: string }> = [];
    for (const match of doc.matches('(call_expression function: (selector_expression field: (field_identifier) @method) arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @path)) @call')) {
      const method = match.captures.find((c) => c.name === 'method')?.node;
      const path = match.captures.find((c) => c.name === 'path')?.node;
      const call = match.captures.find((c) => c.name === 'call')?.node;
      if (!method || !path || !call || !ROUTE_METHODS.has(method.text)) continue;
      const route = stringValue(doc, path) ?? '';
      if (HEALTH_PATH.test(route)) found.push({ node: call, note: `health route ${route.replace(/^[A-Z]+\s+/, '')}` });
    }
    for (const grpc of GRPC_HEALTH) for (const { call } of packageCalls(doc, grpc.path, [grpc.name])) found.push({ node: call, note: grpc.note });
    for (const { node, note } of found.sort((a, b) => a.node.startIndex - b.node.startIndex)) ctx.evidence({ span: doc.span(node), note });
  },
});
