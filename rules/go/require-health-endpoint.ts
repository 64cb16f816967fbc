import { defineRule } from '../define-rule';
import { stringValue } from './support/go';

/** Route registration methods of net/http, chi, gorilla/mux, gin, echo and fiber. */
const ROUTE_METHODS = new Set(['Handle', 'HandleFunc', 'Get', 'GET', 'Head', 'HEAD', 'Any', 'Route', 'Path', 'Match', 'All', 'Use', 'Mount', 'Method', 'MethodFunc']);
/** `/healthz`, `/health`, `/readyz`, `/livez`, `/ready`, `/live`, `/ping`, optionally under a prefix and after a Go 1.22 method (`GET /healthz`). */
const HEALTH_PATH = /^(?:[A-Z]+\s+)?(?:\/[\w.-]+)*\/(healthz?|readyz?|livez?|readiness|liveness|ping|status\/health)\/?$/;

export default defineRule({
  id: 'go/require-health-endpoint',
  target: 'go',
  meta: {
    item: 'reliability.health-endpoints',
    severity: 'info',
    description: 'Record health and readiness routes (`/healthz`, `/readyz`, `/livez`) in Go code as evidence.',
    rationale: 'Without a health route the orchestrator and load balancer can only tell whether the process runs, not whether it serves, so broken instances keep receiving traffic.',
    remediation: 'Register `/healthz` (liveness: the process answers) and `/readyz` (readiness: dependencies reachable) and point the probes at them.',
  },
  messages: {},
  check(ctx) {
    const doc = ctx.doc;
    for (const match of doc.matches('(call_expression function: (selector_expression field: (field_identifier) @method) arguments: (argument_list . [(interpreted_string_literal) (raw_string_literal)] @path)) @call')) {
      const method = match.captures.find((c) => c.name === 'method')?.node;
      const path = match.captures.find((c) => c.name === 'path')?.node;
      const call = match.captures.find((c) => c.name === 'call')?.node;
      if (!method || !path || !call || !ROUTE_METHODS.has(method.text)) continue;
      const route = stringValue(doc, path) ?? '';
      if (HEALTH_PATH.test(route)) ctx.evidence({ span: doc.span(call), note: `health route ${route.replace(/^[A-Z]+\s+/, '')}` });
    }
  },
});
