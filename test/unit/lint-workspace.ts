import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { lintProject, type FileLintResult } from '../../server/src/engine/linter';
import { ParseCache } from '../../server/src/engine/parse-cache';
import { Project } from '../../server/src/engine/project';
import type { AnyRule } from '../../rules/define-rule';

/** Runs one workspace rule over a set of files, for what RuleTester cannot state: that a rule stays silent. */
export function lintWorkspace(rule: AnyRule, files: Record<string, string>): FileLintResult {
  const texts = new Map(Object.entries(files));
  const context = { hasFile: (p: string) => texts.has(p), readText: (p: string) => texts.get(p) };
  const cache = new ParseCache();
  const project = new Project(texts.keys(), context, cache);
  return lintProject(project, { rules: [rule], config: DEFAULT_CONFIG, workspace: context, cache, project });
}
