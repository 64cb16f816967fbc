import { isMap } from 'yaml';
import type { ProjectView } from '../../server/src/engine/project';
import type { ComposeService } from '../../server/src/targets/compose/document';
import { DockerfileDocument } from '../../server/src/targets/dockerfile/document';
import { lastInChain } from '../../server/src/targets/dockerfile/stages';
import { bool, items, pairOf, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { defineRule } from '../define-rule';
import { isJudgedServer, setInSibling } from './support/services';

/** `disable: true` or `test: ["NONE"]`: a deliberate opt-out, neither a gap nor evidence. */
function isDisabled(service: ComposeService, healthcheck: unknown): boolean {
  if (!isMap(healthcheck)) return false;
  if (bool(service.doc.deref(pairOf(healthcheck, 'disable')?.value)) === true) return true;
  const test = service.doc.deref(pairOf(healthcheck, 'test')?.value);
  const first = str(items(test)[0]) ?? str(test);
  return first?.toUpperCase() === 'NONE';
}

/**
 * What the service's own Dockerfile says: `declared` when its stage (the `build.target`
 * or the final one) has a HEALTHCHECK, `none` when it has not, `unknown` when the
 * Dockerfile is not in the workspace or the build context is remote.
 */
function dockerfileHealthcheck(project: ProjectView, service: ComposeService): { state: 'declared' | 'unknown' } | { state: 'none'; dockerfile: string } {
  const build = service.buildDockerfile();
  if (!build) return { state: 'unknown' };
  const source = project.source(build.dockerfile);
  if (!source) return { state: 'unknown' };
  const dockerfile = new DockerfileDocument(source);
  const stage = build.target ? dockerfile.stages.find((s) => s.name === build.target?.toLowerCase()) : dockerfile.finalStage;
  if (!stage) return { state: 'unknown' };
  return lastInChain(dockerfile, stage, 'HEALTHCHECK') ? { state: 'declared' } : { state: 'none', dockerfile: build.dockerfile };
}

export default defineRule({
  id: 'compose/require-healthcheck',
  target: 'compose',
  meta: {
    item: 'container.healthcheck',
    severity: 'info',
    description: 'Require a `healthcheck:` on every long-running service whose image does not declare one.',
    rationale:
      'Without a health check Compose only knows whether the process exists: a deadlocked service stays "running", `depends_on: condition: service_healthy` cannot be used, and nothing restarts or reports it.',
    remediation:
      'Add a `healthcheck:` that probes the service cheaply (`test: ["CMD", "pg_isready", "-U", "postgres"]`), or a HEALTHCHECK in the Dockerfile it is built from; use `disable: true` to opt out deliberately.',
    fixable: false,
  },
  messages: {
    missing:
      'Service "{{service}}" declares no healthcheck, so Compose reports it running even when it has hung and dependants cannot wait for it to be ready. Add a `healthcheck:` that probes it, or `disable: true` to opt out.',
    missingBuilt:
      'Service "{{service}}" declares no healthcheck and neither does its Dockerfile {{dockerfile}}, so Compose reports it running even when it has hung. Add a `healthcheck:` here or a HEALTHCHECK to the Dockerfile.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (!isJudgedServer(doc, service)) continue;
      const found = service.fieldPair('healthcheck');
      if (found) {
        const healthcheck = doc.deref(found.pair.value);
        if (!isDisabled(service, healthcheck)) {
          ctx.evidence({ span: spanOf(found.pair.key) ?? service.anchor, note: `healthcheck on service "${service.name}"` });
        }
        continue;
      }
      const sibling = setInSibling(ctx.project, doc, service, 'healthcheck');
      if (sibling) {
        if (!isDisabled(sibling, sibling.field('healthcheck'))) {
          ctx.evidence({ span: sibling.keySpanOr('healthcheck'), source: sibling.doc.source, note: `healthcheck on service "${service.name}"` });
        }
        continue;
      }
      if (service.hasBuild) {
        const image = dockerfileHealthcheck(ctx.project, service);
        if (image.state === 'none') ctx.report({ span: service.anchor, messageId: 'missingBuilt', data: { service: service.name, dockerfile: image.dockerfile } });
        continue;
      }
      ctx.report({ span: service.anchor, messageId: 'missing', data: { service: service.name } });
    }
  },
});
