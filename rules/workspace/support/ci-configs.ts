import * as path from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ProjectFile, ProjectView } from '../../../server/src/engine/project';
import type { SourceText, Span } from '../../../server/src/engine/source';
import { entries, get, pairOf } from '../../../server/src/targets/yaml/nodes';
import { parseYamlFile } from '../../../server/src/targets/yaml/yaml-file';

/** A piece of a CI config that may hold commands: a YAML string, or the text of a Jenkinsfile. */
export interface CommandText {
  /** The text as written in the file (a block scalar keeps its indentation). */
  text: string;
  /** Where `text` starts in the file. */
  start: number;
}

/** A CI configuration with the text its steps run. */
export interface CiConfig {
  file: ProjectFile;
  source: SourceText;
  /** How a reader calls it: `GitHub Actions workflow ci.yml`, `GitLab CI`. */
  label: string;
  chunks: CommandText[];
  /**
   * What the config hands over to pipelines this workspace does not show (a remote
   * reusable workflow, a GitLab `include:`, CircleCI orbs, a Jenkins shared library):
   * they may run tests, so a missing test step is not a finding.
   */
  delegatesTo: string | undefined;
}

/** Where a command was found. */
export interface CommandMatch {
  config: CiConfig;
  /** The matched command as written: `npm test`, `go test`. */
  command: string;
  span: Span;
}

export function ciLabel(file: string): string {
  const base = path.posix.basename(file);
  const lower = base.toLowerCase();
  if (file.startsWith('.github/workflows/')) return `GitHub Actions workflow ${base}`;
  if (lower.startsWith('.gitlab-ci')) return 'GitLab CI';
  if (file.endsWith('.circleci/config.yml')) return 'CircleCI';
  if (lower === 'jenkinsfile') return 'Jenkinsfile';
  if (lower.startsWith('azure-pipelines')) return 'Azure Pipelines';
  if (lower.startsWith('bitbucket-pipelines')) return 'Bitbucket Pipelines';
  if (lower === '.travis.yml') return 'Travis CI';
  if (lower === '.drone.yml') return 'Drone';
  if (lower.startsWith('cloudbuild')) return 'Cloud Build';
  return base;
}

/** Every string scalar of a YAML tree (aliases not followed), with where it starts. */
function scalarChunks(node: unknown, text: string, out: CommandText[], depth = 0): void {
  if (depth > 64 || node === null || node === undefined) return;
  if (isScalar(node)) {
    const range = (node as Node).range;
    if (typeof node.value === 'string' && range) out.push({ text: text.slice(range[0], range[1]), start: range[0] });
    return;
  }
  if (isMap(node)) {
    for (const { value } of entries(node)) scalarChunks(value, text, out, depth + 1);
    return;
  }
  if (isSeq(node)) for (const item of node.items) scalarChunks(item, text, out, depth + 1);
}

/** What a YAML CI config delegates to pipelines outside this workspace. */
function yamlDelegation(file: string, root: unknown): string | undefined {
  if (file.startsWith('.github/workflows/')) {
    for (const { value } of entries(get(root, 'jobs'))) {
      const uses = get(value, 'uses');
      const ref = isScalar(uses) ? String(uses.value) : undefined;
      if (ref && !ref.startsWith('./')) return `the reusable workflow ${ref}`;
    }
    return undefined;
  }
  if (pairOf(root, 'include')) return 'included pipeline files';
  if (pairOf(root, 'orbs')) return 'CircleCI orbs';
  if (pairOf(root, 'extends') || get(root, 'stages', 0, 'template') !== undefined) return 'pipeline templates';
  return undefined;
}

const cache = new WeakMap<SourceText, CiConfig | undefined>();

/** Reads one CI config; undefined when it cannot be read or parsed. */
export function readCiConfig(project: ProjectView, file: ProjectFile): CiConfig | undefined {
  const source = project.source(file.path);
  if (!source) return undefined;
  if (cache.has(source)) return cache.get(source);
  let config: CiConfig | undefined;
  const label = ciLabel(file.path);
  if (/\.ya?ml$/i.test(file.path)) {
    const yaml = parseYamlFile(source).doc;
    const root = yaml?.documents[0]?.contents;
    if (yaml && yaml.documents.length > 0) {
      const chunks: CommandText[] = [];
      for (const document of yaml.documents) scalarChunks(document.contents, source.text, chunks);
      config = { file, source, label, chunks, delegatesTo: yamlDelegation(file.path, root) };
    }
  } else {
    // A Jenkinsfile is Groovy: its `sh '…'` steps are read line by line, `//` comments left out.
    const text = source.text.replace(/^\s*\/\/.*$/gm, (line) => ' '.repeat(line.length));
    config = { file, source, label, chunks: [{ text, start: 0 }], delegatesTo: /@Library\(/.test(text) ? 'a Jenkins shared library' : undefined };
  }
  cache.set(source, config);
  return config;
}

/** Every production CI config of the workspace that could be read. */
export function ciConfigs(project: ProjectView): CiConfig[] {
  return project
    .files(['ci'])
    .filter((f) => f.production)
    .map((f) => readCiConfig(project, f))
    .filter((c): c is CiConfig => c !== undefined);
}

/**
 * The first line of a config's commands that a test accepts. Shell comments in
 * multi-line `run: |` scripts are skipped. `accept` answers the matched text (from
 * the start of the command) or undefined.
 */
export function findCommand(config: CiConfig, accept: (line: string) => { index: number; text: string } | undefined): CommandMatch | undefined {
  for (const chunk of config.chunks) {
    let offset = 0;
    for (const line of chunk.text.split('\n')) {
      const trimmed = line.trimStart();
      if (!trimmed.startsWith('#')) {
        const found = accept(line);
        if (found) {
          const start = chunk.start + offset + found.index;
          return { config, command: found.text, span: { start, end: start + found.text.length } };
        }
      }
      offset += line.length + 1;
    }
  }
  return undefined;
}

/** A command pattern, with flags on the same line that cancel it (`mvn package -DskipTests`). */
export interface CommandPattern {
  pattern: RegExp;
  unless?: RegExp;
}

/** Where a command starts: not inside a longer word or path. */
export const WORD_START = String.raw`(?<![\w./-])`;

/** The earliest match of any pattern on a line, as `findCommand` wants it. */
export function firstMatch(patterns: readonly CommandPattern[], line: string): { index: number; text: string } | undefined {
  let best: { index: number; text: string } | undefined;
  for (const { pattern, unless } of patterns) {
    const match = pattern.exec(line);
    if (!match || unless?.test(line)) continue;
    if (!best || match.index < best.index) best = { index: match.index, text: match[0].trim() };
  }
  return best;
}
