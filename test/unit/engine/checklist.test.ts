import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyRule } from '../../../rules/define-rule';
import nonRoot from '../../../rules/dockerfile/require-non-root-user';
import requireBackups from '../../../rules/workspace/require-backups';
import requireCi from '../../../rules/workspace/require-ci';
import requireDashboards from '../../../rules/workspace/require-dashboards';
import { buildChecklist, computeScore, computeVerdict, type ChecklistEntry } from '../../../server/src/engine/checklist';
import { CHECKLIST_ITEMS, type ItemId } from '../../../server/src/engine/checklist-items';
import type { Evidence, Finding, Severity } from '../../../server/src/engine/types';

function finding(item: ItemId, severity: Severity = 'warning'): Finding {
  const position = { line: 0, character: 0 };
  return { rule: 'x/y', messageId: 'm', item, severity, file: 'Dockerfile', range: { start: position, end: position }, span: { start: 0, end: 0 }, message: 'm', fixes: [], lineText: '' };
}

function evidence(item: ItemId): Evidence {
  return { item, file: 'Dockerfile', line: 3, note: 'USER app' };
}

const rules: readonly AnyRule[] = [nonRoot];
const entry = (list: ChecklistEntry[], id: string) => list.find((e) => e.item === id) as ChecklistEntry;

describe('checklist', () => {
  it('has every item of the spec exactly once, in order', () => {
    const list = buildChecklist({ rules, findings: [], evidence: [], evaluated: new Set(), disabledItems: new Set() });
    assert.equal(list.length, 44);
    assert.deepEqual(list.map((e) => e.item), CHECKLIST_ITEMS.map((i) => i.id));
  });

  it('items no rule feeds are unknown, "not evaluated yet" — never met', () => {
    const list = buildChecklist({ rules, findings: [], evidence: [], evaluated: new Set(), disabledItems: new Set() });
    const tls = entry(list, 'security.tls');
    assert.equal(tls.status, 'unknown');
    assert.equal(tls.reason, 'not evaluated yet');
  });

  it('n/a when the files the item applies to are absent', () => {
    const list = buildChecklist({ rules, findings: [], evidence: [], evaluated: new Set(), disabledItems: new Set() });
    assert.equal(entry(list, 'container.non-root').status, 'n/a');
    assert.match(entry(list, 'container.non-root').reason ?? '', /no Dockerfile in the workspace/);
  });

  it('n/a of a workspace item names what it needs, not "no service", when services are there but nothing it applies to', () => {
    const list = buildChecklist({ rules: [requireBackups, requireDashboards, requireCi], findings: [], evidence: [], evaluated: new Set(), disabledItems: new Set() });
    assert.equal(entry(list, 'data.backup').status, 'n/a');
    assert.match(entry(list, 'data.backup').reason ?? '', /^no database with persistent storage/);
    assert.equal(entry(list, 'observability.dashboards').reason, 'no metrics scraping in the workspace');
    // Items that apply to any service keep saying so.
    assert.equal(entry(list, 'testing.ci').reason, 'no service in the workspace');
  });

  const statuses: Array<[string, Finding[], Evidence[], string]> = [
    ['met on evidence alone', [], [evidence('container.non-root')], 'met'],
    ['gap on findings alone', [finding('container.non-root')], [], 'gap'],
    ['partial on both', [finding('container.non-root')], [evidence('container.non-root')], 'partial'],
    ['unknown when evaluated and nothing either way', [], [], 'unknown'],
  ];
  for (const [name, findings, ev, status] of statuses) {
    it(name, () => {
      const list = buildChecklist({ rules, findings, evidence: ev, evaluated: new Set<ItemId>(['container.non-root']), disabledItems: new Set() });
      assert.equal(entry(list, 'container.non-root').status, status);
      assert.equal(entry(list, 'container.non-root').findings, findings.length);
    });
  }

  it('disabled items leave the checklist', () => {
    const list = buildChecklist({ rules, findings: [], evidence: [], evaluated: new Set(), disabledItems: new Set(['deploy.network-policy']) });
    assert.equal(list.length, 43);
    assert.equal(list.some((e) => e.item === 'deploy.network-policy'), false);
  });
});

describe('score and verdict', () => {
  const base = buildChecklist({ rules: [], findings: [], evidence: [], evaluated: new Set(), disabledItems: new Set() });
  const withStatus = (changes: Record<string, ChecklistEntry['status']>) => base.map((e) => (changes[e.item] ? { ...e, status: changes[e.item] as ChecklistEntry['status'] } : e));

  it('weighs decided items only', () => {
    // container.non-root weighs 2, container.minimal-image 1, security.secrets 3.
    assert.equal(computeScore(withStatus({ 'container.non-root': 'met', 'container.minimal-image': 'gap' })), 67);
    assert.equal(computeScore(withStatus({ 'container.non-root': 'partial' })), 50);
    assert.equal(computeScore(withStatus({ 'security.secrets': 'gap', 'container.minimal-image': 'met' })), 25);
    assert.equal(computeScore(withStatus({ 'container.non-root': 'met', 'deploy.probes': 'n/a', 'security.tls': 'unknown' })), 100);
  });

  it('is Not assessed with nothing decided, Not ready with an error finding', () => {
    assert.equal(computeVerdict(base, [], computeScore(base)), 'Not assessed');
    const met = withStatus({ 'container.non-root': 'met' });
    assert.equal(computeVerdict(met, [], 100), 'Ready');
    assert.equal(computeVerdict(met, [finding('security.secrets', 'error')], 100), 'Not ready');
    assert.equal(computeVerdict(met, [finding('container.non-root', 'warning')], 75), 'Ready with gaps');
    assert.equal(computeVerdict(met, [], 40), 'Not ready');
  });
});
