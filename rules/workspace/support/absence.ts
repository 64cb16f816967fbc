import type { ItemId } from '../../../server/src/engine/checklist-items';
import type { ProjectView } from '../../../server/src/engine/project';
import type { SourceText, Span } from '../../../server/src/engine/source';
import { stackOf } from '../../../server/src/engine/stack';
import { defineRule, type RuleMeta } from '../../define-rule';
import { describeFound, httpServiceOf, makesOutboundCalls, type Found } from './http-service';
import { lineSpan } from './service-files';

/** A library whose mere presence configures the behaviour (Spring Boot starters), so declaring it is evidence. */
export interface DeclarativeLibrary {
  name: string | RegExp;
  note: string;
}

export interface AbsenceRuleSpec {
  id: string;
  item: ItemId;
  description: string;
  rationale: string;
  remediation: string;
  /** What was looked for, as in "no <thing> found". */
  thing: string;
  /** Why it matters, one clause. */
  why: string;
  /** How to fix, one sentence. */
  fix: string;
  /** `service`: applies to an HTTP service; `outbound`: to code that calls other services. */
  appliesTo: 'service' | 'outbound';
  declarative?: readonly DeclarativeLibrary[];
  /** Evidence found outside the code and the manifests of dependencies (a probe that calls the endpoint). */
  deployed?: (project: ProjectView) => Array<{ source: SourceText; span: Span; note: string }>;
  related?: RuleMeta['related'];
}

/**
 * A rule that judges an absence once for the whole workspace, after every per-language
 * rule has had its say: when none of them found evidence or a finding for the item and
 * the workspace serves HTTP (or calls out), the item is a gap with a reason naming what
 * made it apply.
 */
export function defineAbsenceRule(spec: AbsenceRuleSpec) {
  return defineRule({
    id: spec.id,
    target: 'workspace',
    meta: {
      item: spec.item,
      severity: 'warning',
      description: spec.description,
      rationale: spec.rationale,
      remediation: spec.remediation,
      runsAfterChecklist: true,
      ...(spec.related ? { related: spec.related } : {}),
    },
    messages: {},
    check(ctx) {
      const checklist = ctx.checklist;
      if (!checklist) return;
      const entry = checklist.entries.find((e) => e.item === spec.item);
      if (!entry || entry.evidence.length > 0 || checklist.findingsOf(spec.item).length > 0) return;
      const declared = declarativeEvidence(ctx.project, spec.declarative ?? []);
      for (const found of declared) {
        const source = ctx.project.source(found.file);
        ctx.evidence(source && found.line !== undefined ? { source, span: lineSpan(source.text, source.offsetAt({ line: found.line, character: 0 })), note: found.note } : { note: found.note });
      }
      if (declared.length > 0) return;
      const deployed = spec.deployed?.(ctx.project) ?? [];
      for (const found of deployed) ctx.evidence(found);
      if (deployed.length > 0) return;
      const applies = spec.appliesTo === 'service' ? httpServiceOf(ctx.project) : makesOutboundCalls(ctx.project);
      if (!applies) return;
      ctx.missing(`${lead(spec, applies)} and no ${spec.thing} found: ${spec.why}. ${spec.fix}`);
    },
  });
}

function lead(spec: AbsenceRuleSpec, found: Found): string {
  return spec.appliesTo === 'service' ? `${found.framework} service (${found.where.file}:${found.where.line})` : `Outbound calls through ${describeFound(found)}`;
}

function declarativeEvidence(project: ProjectView, libraries: readonly DeclarativeLibrary[]): Array<{ file: string; line: number | undefined; note: string }> {
  const stack = stackOf(project);
  const out: Array<{ file: string; line: number | undefined; note: string }> = [];
  for (const library of libraries) {
    const dep = stack.find(library.name);
    if (dep) out.push({ file: dep.manifest, line: dep.line, note: `${library.note} (${dep.manifest})` });
  }
  return out;
}
