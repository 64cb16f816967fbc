import * as path from 'node:path';
import { Document, isMap, parseAllDocuments } from 'yaml';
import type { ProjectFile, ProjectView } from '../../../server/src/engine/project';
import type { SourceText, Span } from '../../../server/src/engine/source';
import { containersOf, podSpecOf } from '../../../server/src/targets/k8s/objects';
import { bool, get, items, num, spanOf, str } from '../../../server/src/targets/yaml/nodes';
import { parseImage } from './images';

/** A container of a Kubernetes workload of the workspace that runs an image built from a Dockerfile of the workspace. */
export interface DeployedContainer {
  /** `container "api" of Deployment "orders"`. */
  label: string;
  source: SourceText;
  /** The container's `image:` value. */
  span: Span;
  /** Where its liveness or readiness probe is, when it has one. */
  probe: Span | undefined;
  /** Where `runAsNonRoot: true` or a non-zero `runAsUser` applies to it (container or pod level), when one does. */
  nonRoot: Span | undefined;
}

/** Folder names that say nothing about the image a Dockerfile builds (`services/cart/src/Dockerfile` builds "cart"). */
const GENERIC_DIRS = new Set(['src', 'app', 'docker', 'build', 'deploy', 'image', 'container', 'server']);

/**
 * The image names a Dockerfile of the workspace builds, as far as the workspace says:
 * the Skaffold artifacts whose context (and `docker.dockerfile`) is it, and the name of
 * its folder (`src/frontend/Dockerfile`
 * → `frontend`), the parent's for a generic folder (`src/cartservice/src/Dockerfile` →
 * `cartservice`). Names are compared by their last path segment, lower-cased.
 */
export function imageNamesOf(project: ProjectView, dockerfile: string): Set<string> {
  const names = new Set<string>();
  const add = (image: string | undefined) => {
    const base = image ? parseImage(image)?.base : undefined;
    if (base) names.add(base);
  };
  const dir = path.posix.dirname(dockerfile);
  const segments = dir === '.' ? [] : dir.split('/');
  const own = segments[segments.length - 1];
  if (own && !GENERIC_DIRS.has(own.toLowerCase())) names.add(own.toLowerCase());
  else if (own && segments.length >= 2) names.add((segments[segments.length - 2] as string).toLowerCase());
  for (const file of skaffoldFiles(project)) {
    const text = project.source(file.path)?.text;
    if (text === undefined) continue;
    const root = path.posix.dirname(file.path);
    for (const document of parseAllDocuments(text)) {
      if (!(document instanceof Document)) continue;
      const builds = [get(document.contents, 'build'), ...items(get(document.contents, 'profiles')).map((p) => get(p, 'build'))];
      for (const artifact of builds.flatMap((b) => items(get(b, 'artifacts')))) {
        const context = str(get(artifact, 'context')) ?? '.';
        const file = str(get(artifact, 'docker', 'dockerfile')) ?? 'Dockerfile';
        const built = path.posix.normalize(path.posix.join(root === '.' ? '' : root, context, file));
        if (built === dockerfile) add(str(get(artifact, 'image')));
      }
    }
  }
  return names;
}

/**
 * The containers of the workspace's Kubernetes workloads that run an image a Dockerfile
 * builds, with what the orchestrator does for them: their probes and whether the pod
 * enforces a non-root user. A Dockerfile whose image Kubernetes probes needs no
 * HEALTHCHECK of its own; one whose pods run as non-root is already kept off root
 * where it is deployed.
 */
export function deployedContainersOf(project: ProjectView, dockerfile: string): readonly DeployedContainer[] {
  const objects = project.k8sObjects();
  if (objects.length === 0) return [];
  // Several Dockerfile rules ask on every keystroke. The answer depends on the objects
  // and on the Skaffold files, which the editor keeps as the same arrays until a
  // manifest changes, so it is kept with them rather than with the one-lint project.
  let known = DEPLOYED.get(objects);
  if (!known || known.files !== project.files()) DEPLOYED.set(objects, (known = { files: project.files(), byDockerfile: new Map() }));
  let found = known.byDockerfile.get(dockerfile);
  if (!found) known.byDockerfile.set(dockerfile, (found = findDeployed(project, dockerfile)));
  return found;
}

const DEPLOYED = new WeakMap<readonly object[], { files: readonly object[]; byDockerfile: Map<string, readonly DeployedContainer[]> }>();

/** The workspace's Skaffold configurations, found once per file list. */
function skaffoldFiles(project: ProjectView): readonly ProjectFile[] {
  const files = project.files();
  let found = SKAFFOLD.get(files);
  if (!found) {
    found = files.filter((f) => /^skaffold(\.[^/]*)?\.ya?ml$/.test(path.posix.basename(f.path).toLowerCase()));
    SKAFFOLD.set(files, found);
  }
  return found;
}

const SKAFFOLD = new WeakMap<readonly object[], readonly ProjectFile[]>();

function findDeployed(project: ProjectView, dockerfile: string): DeployedContainer[] {
  const names = imageNamesOf(project, dockerfile);
  if (names.size === 0) return [];
  const out: DeployedContainer[] = [];
  for (const entry of project.k8sObjects()) {
    const spec = podSpecOf(entry.object);
    for (const container of containersOf(entry.object)) {
      if (container.init) continue;
      const imageNode = get(container.node, 'image');
      const resolved = entry.doc.resolve(imageNode);
      const image = resolved.kind === 'unknown' ? undefined : str(resolved.node);
      const base = image ? parseImage(image)?.base : undefined;
      if (!base || !names.has(base)) continue;
      const span = spanOf(imageNode);
      if (!span) continue;
      const probeKey = ['livenessProbe', 'readinessProbe'].find((key) => isMap(get(container.node, key)) && (get(container.node, key) as { items: unknown[] }).items.length > 0);
      out.push({
        label: `container "${container.name}" of ${entry.object.kind} "${entry.object.label(get(entry.object.node, 'metadata', 'name')) ?? '(unnamed)'}"`,
        source: entry.doc.source,
        span,
        probe: probeKey ? spanOf(get(container.node, probeKey)) : undefined,
        nonRoot: nonRootAt(get(container.node, 'securityContext')) ?? nonRootAt(get(spec, 'securityContext')),
      });
    }
  }
  return out;
}

function nonRootAt(securityContext: unknown): Span | undefined {
  if (bool(get(securityContext, 'runAsNonRoot')) === true) return spanOf(get(securityContext, 'runAsNonRoot'));
  const uid = num(get(securityContext, 'runAsUser'));
  return uid !== undefined && uid > 0 ? spanOf(get(securityContext, 'runAsUser')) : undefined;
}
