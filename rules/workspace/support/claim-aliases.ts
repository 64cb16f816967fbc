import type { ItemId } from '../../../server/src/engine/checklist-items';

/**
 * How readiness documents name checklist items. Matched against a claim's words,
 * case-insensitively; the first item whose pattern matches is the claim's item, so
 * the more specific patterns come first.
 */
export const CLAIM_PATTERNS: ReadonlyArray<readonly [ItemId, RegExp]> = [
  ['security.rate-limiting', /\b(rate[- ]?limit\w*|throttl\w*)\b/i],
  ['security.request-size-limit', /\b(request|body|payload|upload) (size )?limits?\b/i],
  ['security.input-validation', /\binput validation|validat\w+ (of )?(input|requests?|payloads?)\b/i],
  ['security.headers', /\b(security headers|helmet|cors|content[- ]security[- ]policy|csp)\b/i],
  ['security.csrf', /\bcsrf|xsrf\b/i],
  ['security.unsafe-deserialization', /\b(unsafe )?deserializ\w+|no eval\b/i],
  ['security.dependency-scanning', /\b(dependency|vulnerability) (scan\w*|audit\w*|updates?)|dependabot|renovate|\bsca\b/i],
  ['security.authz', /\b(authori[sz]ation|rbac|least[- ]privilege|access control)\b/i],
  ['security.authn', /\b(authenticat\w+|jwt|oauth|oidc|sso|login)\b/i],
  ['security.secrets', /\b(secrets?( management)?|credentials?|no hard[- ]?coded|vault)\b/i],
  ['security.tls', /\b(tls|https|ssl|mtls|encrypt\w* in transit|certificates?)\b/i],
  ['container.non-root', /\bnon[- ]?root|rootless|run(s|ning)? as (an? )?(unprivileged|non[- ]root) user\b/i],
  ['container.pinned-images', /\bpinned (base )?images?|image (tags?|digests?) pinned|no :?latest\b/i],
  ['container.minimal-image', /\b(minimal|distroless|slim|multi[- ]stage) (base )?(images?|builds?)\b/i],
  ['container.healthcheck', /\bhealth ?checks?\b/i],
  ['container.read-only-fs', /\bread[- ]only (root )?file ?system\b/i],
  ['deploy.resources', /\bresource (requests|limits)|requests and limits|cpu\/memory limits|memory limits\b/i],
  ['deploy.probes', /\b(liveness|readiness) (and (liveness|readiness) )?probes?|probes\b/i],
  ['deploy.security-context', /\bsecurity ?context|pod security|privileged\b/i],
  ['deploy.high-availability', /\bhigh[- ]availability|\bha\b|multiple replicas|replicas|pod disruption budget|pdb|anti[- ]affinity\b/i],
  ['deploy.network-policy', /\bnetwork ?polic(y|ies)\b/i],
  ['deploy.config-validation', /\bconfig(uration)? validat\w+\b/i],
  ['deploy.orchestration', /\b(kubernetes|k8s|helm chart|orchestrat\w+)\b/i],
  ['reliability.graceful-shutdown', /\bgraceful (shutdown|termination|stop)|sigterm\b/i],
  ['reliability.timeouts', /\btime ?outs?\b/i],
  ['reliability.retries', /\bretr(y|ies)|backoff\b/i],
  ['reliability.circuit-breaker', /\bcircuit[- ]?breakers?\b/i],
  ['reliability.connection-pooling', /\bconnection pool\w*|pooled connections\b/i],
  ['reliability.health-endpoints', /\bhealth (endpoints?|routes?|checks? endpoints?)|\/healthz?|readiness endpoints?\b/i],
  ['reliability.error-handling', /\berror handling\b/i],
  ['observability.alerting', /\balert\w*\b/i],
  ['observability.dashboards', /\bdashboards?|grafana\b/i],
  ['observability.tracing', /\b(distributed )?tracing|opentelemetry|otel\b/i],
  ['observability.structured-logging', /\b(structured|json) logg?ing|logging\b/i],
  ['observability.metrics', /\bmetrics|prometheus|monitoring\b/i],
  ['data.backup', /\bbackups?\b/i],
  ['data.persistence', /\bpersist\w+|durable storage|volumes?\b/i],
  ['testing.load-tests', /\b(load|performance|stress) tests?|benchmarks?\b/i],
  ['testing.ci', /\b(ci|continuous integration|pipeline)\b/i],
  ['testing.unit-tests', /\b(unit|integration|automated) tests?|test coverage|tests\b/i],
  ['operations.runbook', /\brunbooks?|playbooks?|operational docs|on[- ]?call\b/i],
];

export function itemOfClaim(text: string): ItemId | undefined {
  return CLAIM_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}
