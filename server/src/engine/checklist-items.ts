/**
 * The checklist of ../shared/spec/checklist.md. Item ids are a public contract:
 * they appear in diagnostics, CLI output, SARIF, the tree view and `.readiness.yaml`.
 */

export const CATEGORIES = [
  'security',
  'container',
  'deploy',
  'reliability',
  'observability',
  'data',
  'testing',
  'operations',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How categories are titled in the report and the checklist view. */
export const CATEGORY_TITLES: Readonly<Record<Category, string>> = {
  security: 'Security',
  container: 'Container',
  deploy: 'Deployment',
  reliability: 'Reliability',
  observability: 'Observability',
  data: 'Data',
  testing: 'Testing',
  operations: 'Operations',
};

/**
 * How much an item weighs in the score: 3 for what lets attackers in or loses data,
 * 2 for readiness gaps that cause outages, 1 for hygiene and project-level evidence.
 */
export type Weight = 1 | 2 | 3;

export interface ChecklistItem {
  readonly id: string;
  readonly title: string;
  readonly category: Category;
  readonly weight: Weight;
}

function item(id: string, title: string, weight: Weight): ChecklistItem {
  const category = id.slice(0, id.indexOf('.')) as Category;
  return { id, title, category, weight };
}

export const CHECKLIST_ITEMS = [
  item('security.tls', 'TLS on every listener and client', 3),
  item('security.secrets', 'No hardcoded credentials', 3),
  item('security.authn', 'Authentication done properly', 3),
  item('security.authz', 'Least-privilege authorization', 3),
  item('security.rate-limiting', 'Request rate limiting', 2),
  item('security.request-size-limit', 'Request size limits', 2),
  item('security.input-validation', 'Input validated at API boundaries', 2),
  item('security.headers', 'Security headers and CORS policy', 2),
  item('security.csrf', 'CSRF protection kept on', 3),
  item('security.unsafe-deserialization', 'No unsafe deserialization or eval', 3),
  item('security.dependency-scanning', 'Dependencies scanned and updated', 1),

  item('container.non-root', 'Runs as a non-root user', 2),
  item('container.pinned-images', 'Base and deployed images pinned', 2),
  item('container.minimal-image', 'Minimal final image', 1),
  item('container.healthcheck', 'Health check declared', 2),
  item('container.build-hygiene', 'Clean, reproducible build', 1),
  item('container.read-only-fs', 'Read-only root filesystem', 1),

  item('deploy.orchestration', 'Deployable to an orchestrator', 2),
  item('deploy.resources', 'Resource requests and limits', 2),
  item('deploy.probes', 'Liveness and readiness probes', 2),
  item('deploy.security-context', 'Hardened pod security context', 3),
  item('deploy.high-availability', 'Survives a node loss', 2),
  item('deploy.network-policy', 'Network policy in place', 2),
  item('deploy.config-validation', 'Configuration validated at startup', 1),

  item('reliability.graceful-shutdown', 'Graceful shutdown', 2),
  item('reliability.timeouts', 'Timeouts on servers, clients and sockets', 2),
  item('reliability.retries', 'Retries with backoff on outbound calls', 2),
  item('reliability.circuit-breaker', 'Circuit breaker on dependencies', 1),
  item('reliability.connection-pooling', 'Connections reused', 2),
  item('reliability.health-endpoints', 'Liveness/readiness endpoints', 2),
  item('reliability.error-handling', 'Errors handled, not hidden', 2),

  item('observability.metrics', 'Metrics exposed', 2),
  item('observability.alerting', 'Alerting rules', 2),
  item('observability.structured-logging', 'Structured logging, no debug prints', 1),
  item('observability.tracing', 'Distributed tracing', 1),
  item('observability.dashboards', 'Dashboards', 1),

  item('data.backup', 'Backups automated', 3),
  item('data.persistence', 'State survives restarts', 3),

  item('testing.unit-tests', 'Automated tests', 2),
  item('testing.ci', 'Continuous integration', 2),
  item('testing.load-tests', 'Load and performance tests', 1),

  item('operations.runbook', 'Runbook and operational docs', 1),
  item('operations.code-hygiene', 'Code hygiene', 1),
  item('operations.readiness-claims', 'Readiness claims match the code', 2),
] as const satisfies readonly ChecklistItem[];

export type ItemId = (typeof CHECKLIST_ITEMS)[number]['id'];

const BY_ID: ReadonlyMap<string, ChecklistItem> = new Map(CHECKLIST_ITEMS.map((i) => [i.id, i]));

export function isItemId(value: string): value is ItemId {
  return BY_ID.has(value);
}

export function getItem(id: ItemId): ChecklistItem {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown checklist item ${id}`);
  return found;
}
