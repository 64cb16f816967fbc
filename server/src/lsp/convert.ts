import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { ruleDocPath } from '../../../rules/define-rule';
import type { ConfigError } from '../engine/config';
import type { SourceText } from '../engine/source';
import type { FileProblem, Finding, Severity } from '../engine/types';

export const DIAGNOSTIC_SOURCE = 'readiness';
/** Code of diagnostics about the file itself rather than a rule (a failed rule, a malformed directive). */
export const PROBLEM_CODE = 'readiness/problem';
export const CONFIG_CODE = 'readiness/config';

/** What each rule diagnostic carries so code actions can find their finding again. */
export interface DiagnosticData {
  ruleId: string;
  item: string;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const docUris = new Map<string, string | undefined>();

/**
 * The rule's Markdown doc as a `file://` URI. The docs ship next to `dist/` in the
 * package, so the bundle's own location finds them in a .vsix and in a checkout alike.
 */
export function ruleDocUri(ruleId: string): string | undefined {
  if (!docUris.has(ruleId)) {
    const file = path.join(__dirname, '..', ruleDocPath(ruleId));
    docUris.set(ruleId, existsSync(file) ? URI.file(file).toString() : undefined);
  }
  return docUris.get(ruleId);
}

export function findingToDiagnostic(finding: Finding): Diagnostic {
  const href = ruleDocUri(finding.rule);
  const data: DiagnosticData = { ruleId: finding.rule, item: finding.item };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.message,
    data,
  };
}

export function problemToDiagnostic(problem: FileProblem, source: SourceText): Diagnostic {
  return {
    range: lineRange(source, problem.line ?? 0),
    severity: problem.severity === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: PROBLEM_CODE,
    message: problem.message,
  };
}

/** A `.readiness.yaml` the server could not use, on its (1-based) line. */
export function configErrorToDiagnostic(error: ConfigError, source: SourceText): Diagnostic {
  return {
    range: lineRange(source, error.line - 1),
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_CODE,
    message: `Invalid configuration, the defaults apply until it is fixed: ${error.reason}`,
  };
}

function lineRange(source: SourceText, line: number): Diagnostic['range'] {
  const clamped = Math.max(0, Math.min(line, source.lineCount - 1));
  const end = source.lineEnd(clamped) - source.lineStart(clamped);
  return { start: { line: clamped, character: 0 }, end: { line: clamped, character: end } };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).ruleId === 'string';
}
