import { getItem } from '../../server/src/engine/checklist-items';
import { extractClaims } from '../../server/src/targets/markdown/claims';
import { defineRule } from '../define-rule';
import { itemOfClaim } from './support/claim-aliases';

/** Documents that are readiness assessments by name; every claim in them counts. */
const READINESS_DOC = /(readiness|production|prr|launch[-_ ]?review|go[-_ ]?live|checklist)[^/]*\.(md|markdown)$/i;
/** In other docs (README, docs/), only claims under a heading like these count. */
const READINESS_SECTION = /readiness|production|launch|go[- ]live|checklist|operational status/i;

export default defineRule({
  id: 'workspace/no-contradicted-claims',
  target: 'workspace',
  meta: {
    item: 'operations.readiness-claims',
    severity: 'warning',
    description: 'Report readiness-document claims that the checklist finds to be gaps.',
    rationale:
      'A hand-written readiness checklist that ticks what the code does not do is worse than none: reviewers and on-call trust it and skip the check that would have caught the gap.',
    remediation: 'Fix the gap the claim covers, or untick the claim until it is done.',
    runsAfterChecklist: true,
  },
  messages: {
    contradicted:
      'This document claims "{{claim}}", but Readiness finds "{{item}}" a gap: {{why}}. Fix the gap or untick the claim until it is done.',
  },
  check(ctx) {
    const checklist = ctx.checklist;
    if (!checklist) return;
    for (const file of ctx.project.files(['markdown'])) {
      if (!file.production) continue;
      const source = ctx.project.source(file.path);
      if (!source) continue;
      const claims = extractClaims(source, READINESS_DOC.test(file.path) ? {} : { onlyUnderHeading: READINESS_SECTION });
      for (const claim of claims) {
        const item = itemOfClaim(claim.text);
        if (!item) continue;
        const entry = checklist.entries.find((e) => e.item === item);
        if (!entry) continue;
        if (entry.status === 'gap') {
          const finding = checklist.findingsOf(item)[0];
          const why = finding
            ? `${firstSentence(finding.message)} (${finding.file}:${finding.range.start.line + 1})`
            : (entry.reason ?? 'no evidence of it was found');
          ctx.report({ span: claim.span, source, messageId: 'contradicted', data: { claim: claim.text, item: getItem(item).title, why } });
        } else if (entry.status === 'met') {
          ctx.evidence({ span: claim.span, source, note: `claim "${claim.text}" agrees with the evidence` });
        }
      }
    }
  },
});

function firstSentence(message: string): string {
  const end = message.search(/[.:](\s|$)/);
  return (end > 0 ? message.slice(0, end) : message).trim();
}
