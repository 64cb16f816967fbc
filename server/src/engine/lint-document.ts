import { findChartRoot, type FileKind } from './classify';
import { lintFile, type FileLintResult, type LintOptions } from './linter';
import { emptyProject } from './project';
import type { SourceText } from './source';
import type { WorkspaceView } from './types';

/**
 * The findings one open document should show, as an editor asks for them: the
 * document's own, and for a Helm chart's values.yaml the findings its templates
 * point at it (a template's lint reports `resources: {}` on the values key). Findings a
 * document's lint places in other files are left to those files.
 */
export function lintDocument(source: SourceText, kind: FileKind, options: LintOptions): FileLintResult {
  if (kind !== 'helm-values') return onlyIn(source.path, lintFile(source, kind, options));
  const result: FileLintResult = { file: source.path, kind, findings: [], evidence: [], evaluated: new Set(), evaluatedBy: new Map(), problems: [], suppressed: 0, missing: new Map() };
  const chartRoot = findChartRoot(source.path, options.workspace);
  if (chartRoot === undefined) return result;
  const prefix = chartRoot === '' ? 'templates/' : `${chartRoot}/templates/`;
  const project = options.project ?? emptyProject();
  // The values being edited win over the saved file when the templates read them.
  const workspace: WorkspaceView = {
    hasFile: (p) => p === source.path || options.workspace.hasFile(p),
    readText: (p) => (p === source.path ? source.text : options.workspace.readText?.(p)),
  };
  const seen = new Set<string>();
  for (const template of project.files(['helm-template'])) {
    if (!template.path.startsWith(prefix)) continue;
    const templateSource = project.source(template.path);
    if (!templateSource) continue;
    const own = lintFile(templateSource, 'helm-template', { ...options, workspace });
    for (const finding of own.findings) {
      if (finding.file !== source.path) continue;
      const key = `${finding.rule}\0${finding.messageId}\0${finding.span.start}\0${finding.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.findings.push(finding);
    }
    own.evidence.filter((e) => e.file === source.path).forEach((e) => result.evidence.push(e));
    own.evaluated.forEach((item) => result.evaluated.add(item));
    result.suppressed += own.suppressed;
  }
  result.findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return result;
}

function onlyIn(file: string, result: FileLintResult): FileLintResult {
  return { ...result, findings: result.findings.filter((f) => f.file === file), evidence: result.evidence.filter((e) => e.file === file) };
}
