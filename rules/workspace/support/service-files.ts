import type { FileKind } from '../../../server/src/engine/classify';
import type { ProjectFile, ProjectView } from '../../../server/src/engine/project';

/** Kinds of file that mean the workspace holds a service: something built and shipped. */
const SERVICE_KINDS: readonly FileKind[] = ['dockerfile', 'package-manifest', 'typescript', 'javascript', 'go', 'rust', 'java', 'python'];

/** Whether the workspace holds a service (a Dockerfile, a package manifest or production source), so project-level items apply. */
export function hasService(project: ProjectView): boolean {
  return project.files(SERVICE_KINDS).some((f) => f.production);
}

/** Production package manifests: what declares the dependencies that ship. */
export function productionManifests(project: ProjectView): readonly ProjectFile[] {
  return project.files(['package-manifest']).filter((f) => f.production);
}

/** The offset of the first line matching a pattern, for evidence that links to that line. */
export function lineOffset(text: string, pattern: RegExp): number | undefined {
  const flags = pattern.flags.includes('m') ? pattern.flags : `${pattern.flags}m`;
  const match = new RegExp(pattern.source, flags).exec(text);
  if (!match) return undefined;
  return text.lastIndexOf('\n', match.index) + 1;
}

/** A span covering one line from its start. */
export function lineSpan(text: string, offset: number): { start: number; end: number } {
  const end = text.indexOf('\n', offset);
  return { start: offset, end: end < 0 ? text.length : end };
}
