import type { ProjectView } from '../../../server/src/engine/project';
import { nonProductionReason } from '../../compose/support/services';
import { deployedContainersOf } from '../../k8s/support/deployed-images';

interface Builders {
  /** Why a development Compose service builds the final stage (the first such service's reason). */
  development: string | undefined;
  /** A production Compose service builds the final stage. */
  production: boolean;
}

const BUILDERS = new WeakMap<ProjectView, Map<string, Builders>>();

/** Every Compose service of the workspace that builds a Dockerfile's final stage, grouped by Dockerfile, once per lint. */
function composeBuilders(project: ProjectView, finalStages: (dockerfile: string) => string | undefined): Map<string, Builders> {
  let known = BUILDERS.get(project);
  if (known) return known;
  known = new Map();
  for (const file of project.files(['compose'])) {
    const doc = project.parsed(file.path, 'compose');
    if (!doc) continue;
    for (const service of doc.services) {
      const build = service.buildDockerfile();
      if (!build) continue;
      // A service building another stage (`target: dev` above a production stage) says nothing about the final one.
      if (build.target !== undefined && build.target.toLowerCase() !== finalStages(build.dockerfile)?.toLowerCase()) continue;
      const entry = known.get(build.dockerfile) ?? { development: undefined, production: false };
      // A test or CI Compose file often builds the shipping image to test it: it does not make the image a development one.
      const reason = doc.purpose === 'test' ? undefined : nonProductionReason(doc, service);
      if (reason === undefined) entry.production = true;
      else entry.development ??= `Compose service "${service.name}" in ${file.path}, which is a development setup: ${reason}`;
      known.set(build.dockerfile, entry);
    }
  }
  BUILDERS.set(project, known);
  return known;
}

/**
 * Why a Dockerfile only builds a development image, when everything of the workspace that
 * builds its final stage is a development Compose service (`target: dev`, or its source
 * mounted over the image for live reload) and no Kubernetes workload runs it. Rules about
 * the image that ships have nothing to judge there. Undefined when nothing says so.
 */
export function developmentOnlyImage(project: ProjectView, dockerfile: string, finalStage: string | undefined): string | undefined {
  if (project.files(['compose']).length === 0) return undefined;
  const names = new Map<string, string | undefined>([[dockerfile, finalStage]]);
  const finalStageOf = (path: string): string | undefined => {
    if (!names.has(path)) names.set(path, project.parsed(path, 'dockerfile')?.finalStage?.name);
    return names.get(path);
  };
  const builders = composeBuilders(project, finalStageOf).get(dockerfile);
  if (!builders?.development || builders.production) return undefined;
  return deployedContainersOf(project, dockerfile).length === 0 ? builders.development : undefined;
}
