/**
 * The custom requests the client sends for the checklist and the report, so it never
 * re-implements the engine. Plain data only: the client imports this file.
 */
import type { Category } from '../engine/checklist-items';

export type ItemStatus = 'met' | 'partial' | 'gap' | 'n/a' | 'unknown';
export type Verdict = 'Ready' | 'Ready with gaps' | 'Not ready' | 'Not assessed';

/** A place in a file, 0-based as LSP counts. */
export interface ProtocolLocation {
  uri: string;
  line: number;
  character: number;
}

export interface ProtocolEvidence {
  note: string;
  location: ProtocolLocation;
}

export interface ProtocolFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location: ProtocolLocation;
}

export interface ProtocolItem {
  item: string;
  title: string;
  category: Category;
  status: ItemStatus;
  reason?: string;
  evidence: ProtocolEvidence[];
  findings: ProtocolFinding[];
}

/** One workspace folder's assessment. */
export interface FolderAssessment {
  folder: string;
  name: string;
  score: number;
  verdict: Verdict;
  items: ProtocolItem[];
  filesScanned: number;
  /** Files read but not assessed (binary, too large), with the reason. */
  skipped: Array<{ file: string; reason: string }>;
}

export interface AssessmentResult {
  folders: FolderAssessment[];
}

export const ASSESSMENT_REQUEST = 'readiness/assessment';
export const REPORT_REQUEST = 'readiness/report';
export const SARIF_REQUEST = 'readiness/sarif';
/** Sent by the server when an assessment it holds became stale (files saved, config changed). */
export const ASSESSMENT_CHANGED_NOTIFICATION = 'readiness/assessmentChanged';

export interface ReportParams {
  /** The folder to report on; the first folder when absent. */
  folder?: string;
}

export interface ReportResult {
  folder: string;
  markdown: string;
}
