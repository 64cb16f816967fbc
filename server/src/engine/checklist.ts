import type { AnyRule } from '../../../rules/define-rule';
import { CHECKLIST_ITEMS, type Category, type ItemId, type Weight } from './checklist-items';
import type { Evidence, Finding } from './types';

export type ItemStatus = 'met' | 'partial' | 'gap' | 'n/a' | 'unknown';

export interface ChecklistEntry {
  item: ItemId;
  title: string;
  category: Category;
  weight: Weight;
  status: ItemStatus;
  findings: number;
  evidence: Evidence[];
  /** Why an item is n/a or unknown, in words a reader of the report understands. */
  reason?: string;
}

export interface ChecklistInput {
  rules: readonly AnyRule[];
  findings: readonly Finding[];
  evidence: readonly Evidence[];
  /** Items some rule evaluated on some production file. */
  evaluated: ReadonlySet<ItemId>;
  /** Which targets evaluated each item; the reason of an undecided item names only those. */
  evaluatedBy?: ReadonlyMap<ItemId, ReadonlySet<string>>;
  /** Items that apply and lack what would meet them, with the reason (no CI config found). */
  missing?: ReadonlyMap<ItemId, string>;
  disabledItems: ReadonlySet<string>;
}

/** What each target reads, for "no Dockerfile in the workspace"-style reasons. */
const TARGET_NOUNS: Readonly<Record<string, string>> = {
  dockerfile: 'Dockerfile',
  k8s: 'Kubernetes manifest or Helm chart',
  compose: 'Compose file',
  workspace: 'service',
  js: 'TypeScript or JavaScript file',
  go: 'Go file',
  rust: 'Rust file',
  java: 'Java file',
  python: 'Python file',
};

/**
 * What a workspace-level rule needs to find before its item applies, where that is more
 * than a service: "no service in the workspace" would be false in a workspace full of
 * services that simply has no database, no scraped metrics or no readiness document.
 */
const WORKSPACE_SCOPES: Readonly<Partial<Record<ItemId, string>>> = {
  'security.rate-limiting': 'HTTP service',
  'security.input-validation': 'HTTP service',
  'deploy.config-validation': 'HTTP service',
  'reliability.health-endpoints': 'HTTP service',
  'observability.tracing': 'HTTP service',
  'reliability.retries': 'outbound HTTP call',
  'reliability.circuit-breaker': 'outbound HTTP call',
  'observability.metrics': 'metrics scraping',
  'observability.dashboards': 'metrics scraping',
  'observability.alerting': 'deployed workload or metrics scraping',
  'data.backup': 'database with persistent storage (a Redis without a volume is a cache)',
  'deploy.orchestration': 'Dockerfile or Compose file to deploy',
  'operations.readiness-claims': 'readiness document with ticked claims',
};

/** The same, for "nothing in the Dockerfiles read decides it". */
const TARGET_NOUNS_PLURAL: Readonly<Record<string, string>> = {
  dockerfile: 'Dockerfiles',
  k8s: 'Kubernetes manifests and Helm charts',
  compose: 'Compose files',
  js: 'TypeScript and JavaScript files',
  go: 'Go files',
  rust: 'Rust files',
  java: 'Java files',
  python: 'Python files',
};

/**
 * Every item of the checklist, decided from findings and evidence by the definitions
 * of checklist.md: `met` only on positive evidence and no open gap, `gap` on gap
 * findings alone, `partial` on both, `n/a` when nothing it applies to is in the
 * workspace, `unknown` (with a reason) when nothing static decides it.
 */
export function buildChecklist(input: ChecklistInput): ChecklistEntry[] {
  const findingsByItem = countBy(input.findings, (f) => f.item);
  const evidenceByItem = new Map<string, Evidence[]>();
  for (const e of input.evidence) {
    const list = evidenceByItem.get(e.item) ?? [];
    list.push(e);
    evidenceByItem.set(e.item, list);
  }
  const targetsByItem = new Map<string, Set<string>>();
  for (const rule of input.rules) {
    const set = targetsByItem.get(rule.meta.item) ?? new Set();
    set.add(rule.target);
    targetsByItem.set(rule.meta.item, set);
  }

  return CHECKLIST_ITEMS.filter((item) => !input.disabledItems.has(item.id)).map((item) => {
    const findings = findingsByItem.get(item.id) ?? 0;
    const evidence = evidenceByItem.get(item.id) ?? [];
    const base = { item: item.id, title: item.title, category: item.category, weight: item.weight, findings, evidence };
    const targets = targetsByItem.get(item.id);
    if (!targets) return { ...base, status: 'unknown', reason: 'not evaluated yet' };
    if (findings > 0) return { ...base, status: evidence.length > 0 ? 'partial' : 'gap' };
    if (evidence.length > 0) return { ...base, status: 'met' };
    const missing = input.missing?.get(item.id);
    if (missing !== undefined) return { ...base, status: 'gap', reason: missing };
    if (!input.evaluated.has(item.id)) {
      return { ...base, status: 'n/a', reason: `no ${describeTargets(targets, 'singular', WORKSPACE_SCOPES[item.id])} in the workspace` };
    }
    return {
      ...base,
      status: 'unknown',
      reason: `nothing in the ${describeTargets(input.evaluatedBy?.get(item.id) ?? targets, 'plural')} read decides it either way`,
    };
  });
}

function describeTargets(targets: ReadonlySet<string>, number: 'singular' | 'plural' = 'singular', workspaceScope?: string): string {
  if (number === 'singular') return [...targets].map((t) => (t === 'workspace' && workspaceScope) || TARGET_NOUNS[t] || t).join(' or ');
  const nouns = [...targets].filter((t) => t !== 'workspace').map((t) => TARGET_NOUNS_PLURAL[t] ?? t);
  return nouns.length > 0 ? nouns.join(', ') : 'files';
}

function countBy<T>(values: readonly T[], key: (value: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  return counts;
}

const CREDIT: Readonly<Record<ItemStatus, number | undefined>> = { met: 1, partial: 0.5, gap: 0, 'n/a': undefined, unknown: undefined };

/**
 * 0–100: the weighted share of decided items that are met (partial counts half).
 * Items that are n/a or unknown are left out rather than counted as met or as gaps.
 */
export function computeScore(checklist: readonly ChecklistEntry[]): number {
  let earned = 0;
  let possible = 0;
  for (const entry of checklist) {
    const credit = CREDIT[entry.status];
    if (credit === undefined) continue;
    earned += credit * entry.weight;
    possible += entry.weight;
  }
  return possible === 0 ? 0 : Math.round((100 * earned) / possible);
}

export type Verdict = 'Ready' | 'Ready with gaps' | 'Not ready' | 'Not assessed';

/**
 * Not ready while any error-severity finding is open (secrets, TLS off, privileged
 * containers…) or the score is under 60; Ready at 90 and above with no error left.
 */
export function computeVerdict(checklist: readonly ChecklistEntry[], findings: readonly Finding[], score: number): Verdict {
  const decided = checklist.some((e) => CREDIT[e.status] !== undefined);
  if (!decided) return 'Not assessed';
  if (findings.some((f) => f.severity === 'error') || score < 60) return 'Not ready';
  return score >= 90 ? 'Ready' : 'Ready with gaps';
}
