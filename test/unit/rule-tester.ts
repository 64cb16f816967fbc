import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AnyRule } from '../../rules/define-rule';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { classify } from '../../server/src/engine/classify';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lintFile, lintProject } from '../../server/src/engine/linter';
import { Project } from '../../server/src/engine/project';
import { loadGrammars } from '../../server/src/targets/source/grammars';
import { ParseCache } from '../../server/src/engine/parse-cache';
import { SourceText } from '../../server/src/engine/source';
import type { Finding } from '../../server/src/engine/types';

export interface ExpectedError {
  messageId: string;
  /** The file the finding is in, when not the linted one (a chart's values.yaml). */
  file?: string;
  /** 1-based, as the CLI prints them; `endColumn` is exclusive. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A fragment the formatted message must contain. */
  message?: string;
}

interface CaseBase {
  name?: string;
  code: string;
  filename?: string;
  /** Other files that exist in the workspace (a `.dockerignore`, a `Chart.yaml`), with their text when it matters. */
  files?: string[] | Record<string, string>;
}

export type ValidCase = string | CaseBase;

export interface InvalidCase extends CaseBase {
  errors: ExpectedError[];
  /** The text after applying the first fix of every finding; required when any has one. */
  output?: string;
  /** Evidence notes the rule must also report (on a partly good file). */
  evidence?: string[];
}

export interface EvidenceCase extends CaseBase {
  /** Notes of the evidence the rule must report on a good file. */
  evidence: string[];
}

export interface MissingCase extends CaseBase {
  /** A fragment of the reason the rule gives for the item lacking evidence. */
  missing: string;
}

export interface RuleTesterOptions {
  filename: string;
  files?: string[] | Record<string, string>;
}

/**
 * Table-driven rule tests on node's test runner, in the manner of ESLint's RuleTester:
 * valid code must give no finding, invalid code exactly the listed ones, fixes must
 * produce `output`, and every message of the rule must be exercised by some case.
 */
export class RuleTester {
  constructor(private readonly options: RuleTesterOptions) {}

  run(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[]; evidence?: EvidenceCase[]; missing?: MissingCase[] }): void {
    const seenMessages = new Set<string>();
    describe(rule.id, () => {
      before(() => loadGrammars(['go', 'rust', 'java', 'python']));
      cases.valid.forEach((valid, index) => {
        const c: CaseBase = typeof valid === 'string' ? { code: valid } : valid;
        it(`valid: ${c.name ?? `#${index + 1}`}`, () => {
          const findings = this.lint(rule, c).findings;
          assert.deepEqual(findings.map(describeFinding), [], 'expected no finding');
        });
      });
      cases.invalid.forEach((c, index) => {
        it(`invalid: ${c.name ?? `#${index + 1}`}`, () => {
          const { findings, evidence } = this.lint(rule, c);
          assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${findings.map(describeFinding).join('\n')}`);
          c.errors.forEach((expected, i) => {
            const actual = findings[i] as Finding;
            seenMessages.add(actual.messageId);
            assert.equal(actual.messageId, expected.messageId, `finding ${i + 1} messageId`);
            assert.equal(actual.file, expected.file ?? c.filename ?? this.options.filename, `finding ${i + 1} file`);
            if (expected.line !== undefined) assert.equal(actual.range.start.line + 1, expected.line, `finding ${i + 1} line`);
            if (expected.column !== undefined) assert.equal(actual.range.start.character + 1, expected.column, `finding ${i + 1} column`);
            if (expected.endLine !== undefined) assert.equal(actual.range.end.line + 1, expected.endLine, `finding ${i + 1} endLine`);
            if (expected.endColumn !== undefined) assert.equal(actual.range.end.character + 1, expected.endColumn, `finding ${i + 1} endColumn`);
            if (expected.message !== undefined) assert.ok(actual.message.includes(expected.message), `message "${actual.message}" lacks "${expected.message}"`);
            assert.doesNotMatch(actual.message, /\{\{\w+\}\}/, 'message has an unfilled placeholder');
          });
          const filename = c.filename ?? this.options.filename;
          const sameFileEdits = findings.flatMap((f) => (f.fixes[0]?.edits ?? []).filter((e) => e.file === filename));
          if (sameFileEdits.length > 0) {
            assert.ok(c.output !== undefined, 'a finding has a fix: the case must state `output`');
            assert.equal(applyEdits(c.code, sameFileEdits), c.output);
          } else if (c.output !== undefined) {
            assert.fail('`output` given but no finding has a fix for this file');
          }
          for (const note of c.evidence ?? []) {
            assert.ok(evidence.some((e) => e.note === note), `expected evidence "${note}", got ${JSON.stringify(evidence.map((e) => e.note))}`);
          }
        });
      });
      (cases.evidence ?? []).forEach((c, index) => {
        it(`evidence: ${c.name ?? `#${index + 1}`}`, () => {
          const { findings, evidence } = this.lint(rule, c);
          assert.deepEqual(findings.map(describeFinding), [], 'an evidence case must have no finding');
          assert.deepEqual(
            evidence.map((e) => e.note),
            c.evidence,
          );
        });
      });
      (cases.missing ?? []).forEach((c, index) => {
        it(`missing: ${c.name ?? `#${index + 1}`}`, () => {
          const result = this.lint(rule, c);
          assert.equal(result.evidence.length, 0, 'a missing case must have no evidence');
          const reason = result.missing.get(rule.meta.item);
          assert.ok(reason?.includes(c.missing), `expected a missing reason with "${c.missing}", got ${JSON.stringify(reason)}`);
        });
      });
      after(() => {
        const unexercised = Object.keys(rule.messages).filter((id) => !seenMessages.has(id));
        assert.deepEqual(unexercised, [], `messages never exercised by an invalid case of ${rule.id}`);
      });
    });
  }

  private lint(rule: AnyRule, c: CaseBase) {
    const filename = c.filename ?? this.options.filename;
    const texts = new Map<string, string>([...fileEntries(this.options.files), ...fileEntries(c.files), [filename, c.code]]);
    const context = { hasFile: (p: string) => texts.has(p), readText: (p: string) => texts.get(p) };
    const kind = classify(filename, context);
    const cache = new ParseCache();
    const project = new Project(texts.keys(), context, cache);
    const options = { rules: [rule], config: DEFAULT_CONFIG, workspace: context, cache, project };
    // A workspace rule sees every file of the case; `code` is just one more of them.
    const result = rule.target === 'workspace' ? lintProject(project, options) : lintFile(new SourceText(filename, c.code), kind, options);
    assert.deepEqual(result.problems, [], 'the file must lint without problems');
    return result;
  }
}

function fileEntries(files: string[] | Record<string, string> | undefined): Array<[string, string]> {
  if (!files) return [];
  return Array.isArray(files) ? files.map((f): [string, string] => [f, '']) : Object.entries(files);
}

function describeFinding(f: Finding): string {
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}/${f.messageId}: ${f.message}`;
}
