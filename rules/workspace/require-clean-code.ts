import type { FileKind } from '../../server/src/engine/classify';
import { defineRule } from '../define-rule';

const SOURCE_KINDS: readonly FileKind[] = ['typescript', 'javascript', 'go', 'rust', 'java', 'python'];

export default defineRule({
  id: 'workspace/require-clean-code',
  target: 'workspace',
  meta: {
    item: 'operations.code-hygiene',
    severity: 'info',
    description: 'Record a clean codebase (no TODO/FIXME/HACK markers or hardcoded IPs found by the per-language rules) as evidence.',
    rationale:
      'Markers of unfinished work and hardcoded addresses in shipped code are debt that bites in production; when the per-language rules read the code and found none, that is worth recording as met rather than undecided.',
    remediation: 'Nothing to fix when this rule records evidence; the per-language no-todo-comments and no-hardcoded-ip rules report what to clean up.',
    runsAfterChecklist: true,
  },
  messages: {},
  check(ctx) {
    const checklist = ctx.checklist;
    if (!checklist) return;
    const entry = checklist.entries.find((e) => e.item === 'operations.code-hygiene');
    // Only a clean result of rules that did read the code: not n/a, and not a gap or met already.
    if (!entry || entry.status !== 'unknown' || !entry.reason?.startsWith('nothing in') || checklist.findingsOf('operations.code-hygiene').length > 0) return;
    const count = ctx.project.files(SOURCE_KINDS).filter((f) => f.production).length;
    if (count === 0) return;
    ctx.evidence({ note: `no TODO/FIXME/HACK markers or hardcoded IPs in ${count} production source file${count === 1 ? '' : 's'}` });
  },
});
