import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnyRule } from '../../../rules/define-rule';
import { buildChecklist, computeScore, computeVerdict, type ChecklistEntry, type Verdict } from './checklist';
import type { ItemId } from './checklist-items';
import type { FileKind } from './classify';
import type { ResolvedConfig } from './config';
import { discoverFiles, type SkippedFile } from './discovery';
import { lintFile, lintProject, type FileLintResult } from './linter';
import { Project } from './project';
import { loadGrammars, treeSitterLanguageOf, type TreeSitterLanguage } from '../targets/source/grammars';
import { ParseCache } from './parse-cache';
import { SourceText } from './source';
import type { Evidence, FileProblem, Finding, WorkspaceView } from './types';
import { nonProductionReason } from './liveness';
import { targetOfKind } from '../targets';
import { isLiveRustFile } from '../../../rules/rust/support/modules';

export interface NotCountedFile {
  file: string;
  reason: string;
}

export interface ScanOptions {
  rules: readonly AnyRule[];
  config: ResolvedConfig;
  cache?: ParseCache;
  /** Workspace-relative files or folders to limit the scan to; everything when absent. */
  include?: readonly string[];
  /** Called as files are linted, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  evidence: Evidence[];
  problems: FileProblem[];
  checklist: ChecklistEntry[];
  score: number;
  verdict: Verdict;
  /**
   * `notCounted`: files read but not counted as evidence, with why (test code, examples,
   * Rust files no `mod` reaches, Helm templates that render nothing by default).
   */
  files: { scanned: number; skipped: SkippedFile[]; notCounted: NotCountedFile[] };
  suppressed: number;
  durationMs: number;
}

/** A WorkspaceView over the scan's files, falling back to the disk for files it did not read. */
export function workspaceViewFor(root: string, paths: ReadonlySet<string>, texts: ReadonlyMap<string, string> = new Map()): WorkspaceView {
  return {
    hasFile: (relativePath) => paths.has(relativePath) || existsSync(path.join(root, relativePath)),
    readText: (relativePath) => texts.get(relativePath) ?? readTextOrUndefined(path.join(root, relativePath)),
  };
}

function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function scanWorkspace(root: string, options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const absoluteRoot = path.resolve(root);
  const discovery = await discoverFiles(absoluteRoot, { ignore: options.config.ignore, maxFileSize: options.config.maxFileSize });
  const workspace = workspaceViewFor(absoluteRoot, discovery.allPaths, new Map(discovery.files.map((f) => [f.path, f.text])));
  // A scan reads each file once; a modest cache serves the cross-file reads (chart values, sibling files).
  const cache = options.cache ?? new ParseCache(128);
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  const problems: FileProblem[] = [];
  const evaluated = new Set<ItemId>();
  const evaluatedBy = new Map<ItemId, Set<string>>();
  const missing = new Map<ItemId, string>();
  const project = new Project(discovery.allPaths, workspace, cache);
  let suppressed = 0;
  let done = 0;
  const seenFindings = new Set<string>();
  const include = options.include;
  const files = include
    ? discovery.files.filter((f) => include.some((p) => p === '' || p === '.' || f.path === p || f.path.startsWith(`${p}/`)))
    : discovery.files;
  await loadGrammars(files.map((f) => treeSitterLanguageOf(f.kind)).filter((l): l is TreeSitterLanguage => l !== undefined));
  for (const file of files) {
    const result = lintFile(new SourceText(file.path, file.text), file.kind, { rules: options.rules, config: options.config, workspace, cache, project });
    absorb(result);
    cache.sweep();
    options.onProgress?.(++done, files.length);
  }
  absorb(lintProject(project, { rules: options.rules, config: options.config, workspace, cache, project }));

  function absorb(result: FileLintResult): void {
    for (const finding of result.findings) {
      // Templates of one chart report a shared values.yaml key once.
      const key = `${finding.rule}\0${finding.messageId}\0${finding.file}\0${finding.span.start}\0${finding.span.end}`;
      if (seenFindings.has(key)) continue;
      seenFindings.add(key);
      findings.push(finding);
    }
    evidence.push(...result.evidence);
    problems.push(...result.problems);
    result.evaluated.forEach((item) => evaluated.add(item));
    result.evaluatedBy.forEach((targets, item) => {
      const all = evaluatedBy.get(item) ?? new Set<string>();
      targets.forEach((t) => all.add(t));
      evaluatedBy.set(item, all);
    });
    result.missing.forEach((reason, item) => missing.has(item) || missing.set(item, reason));
    suppressed += result.suppressed;
  }
  const decided = () => buildChecklist({ rules: options.rules, findings, evidence, evaluated, evaluatedBy, missing, disabledItems: options.config.disabledItems });
  // Rules about the checklist itself see what the others decided: first those that judge an
  // absence project-wide (no rate limiter anywhere), then the readiness claims, which see those too.
  const judgesClaims = (rule: AnyRule) => rule.meta.item === 'operations.readiness-claims';
  for (const rules of [options.rules.filter((r) => !judgesClaims(r)), options.rules.filter(judgesClaims)]) {
    const checklistView = { entries: decided(), findingsOf: (item: ItemId) => findings.filter((f) => f.item === item) };
    absorb(lintProject(project, { rules, config: options.config, workspace, cache, project, checklist: checklistView }));
  }
  const checklist = decided();
  const score = computeScore(checklist);
  return {
    root: absoluteRoot,
    findings,
    evidence,
    problems,
    checklist,
    score,
    verdict: computeVerdict(checklist, findings, score),
    files: { scanned: files.length, skipped: discovery.skipped, notCounted: notCountedFiles(files, project) },
    suppressed,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The files a scan read that count for nothing, in path order. */
function notCountedFiles(files: ReadonlyArray<{ path: string; kind: FileKind }>, project: Project): NotCountedFile[] {
  const out: NotCountedFile[] = [];
  for (const file of files) {
    const target = targetOfKind(file.kind);
    if (!target || target === 'workspace') continue;
    const reason =
      nonProductionReason(file.path) ??
      (file.kind === 'rust' && !isLiveRustFile(project, file.path) ? 'Rust file no `mod` declaration reaches from a crate root, so it is not built' : undefined);
    if (reason) out.push({ file: file.path, reason });
  }
  out.push(...project.unrenderedTemplates().filter((t) => nonProductionReason(t.file) === undefined));
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
