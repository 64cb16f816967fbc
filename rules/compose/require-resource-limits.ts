import { isMap } from 'yaml';
import type { SourceText, Span } from '../../server/src/engine/source';
import type { Edit } from '../../server/src/engine/types';
import type { ComposeService } from '../../server/src/targets/compose/document';
import { keySpan, pairOf, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { containerInsertion } from '../k8s/support/edits';
import { defineRule } from '../define-rule';
import { isJudgedServer, serviceDeploy, siblingServices } from './support/services';

const LIMITS = ['limits:', '  cpus: "1.0"', '  memory: 512M'];

/** Where the service caps its memory: `deploy.resources.limits.memory` or the legacy `mem_limit`. */
function memoryLimit(service: ComposeService): { value: string; span: Span | undefined } | undefined {
  const limits = serviceDeploy(service, 'resources', 'limits');
  const memory = pairOf(limits, 'memory');
  const value = str(service.doc.deref(memory?.value));
  if (memory && value !== undefined && value !== '') return { value, span: spanOf(memory.key) };
  const legacy = service.fieldPair('mem_limit');
  const legacyValue = legacy && str(service.doc.deref(legacy.pair.value));
  if (legacy && legacyValue !== undefined && legacyValue !== '') return { value: legacyValue, span: spanOf(legacy.pair.key) };
  return undefined;
}

function cpuLimit(service: ComposeService): boolean {
  return pairOf(serviceDeploy(service, 'resources', 'limits'), 'cpus') !== undefined || service.has('cpus');
}

/** Adds the limits skeleton at the deepest block map the service already writes. */
function limitsInsertion(source: SourceText, service: ComposeService): Edit | undefined {
  const deploy = pairOf(service.node, 'deploy');
  if (!deploy) return service.has('deploy') ? undefined : containerInsertion(source, service.node, ['deploy:', '  resources:', ...LIMITS.map((l) => `    ${l}`)]);
  if (!isMap(deploy.value)) return undefined;
  const resources = pairOf(deploy.value, 'resources');
  if (!resources) return containerInsertion(source, deploy.value, ['resources:', ...LIMITS.map((l) => `  ${l}`)]);
  if (!isMap(resources.value) || pairOf(resources.value, 'limits')) return undefined;
  return containerInsertion(source, resources.value, LIMITS);
}

export default defineRule({
  id: 'compose/require-resource-limits',
  target: 'compose',
  meta: {
    item: 'deploy.resources',
    severity: 'warning',
    description: 'Require a memory limit (`deploy.resources.limits`, or the legacy `mem_limit`) on every long-running service.',
    rationale:
      'Without limits every container may take all the memory and CPU of the host: one leak or traffic spike in one service starves the others, and the kernel OOM killer picks a victim that may be the database.',
    remediation: 'Add `deploy.resources.limits` with `memory` (and `cpus`) sized from observed usage; `docker compose` applies them without Swarm.',
    fixable: true,
  },
  messages: {
    missing:
      'Service "{{service}}" sets no resource limits, so one leak or load spike in it can take all the memory of the host and get other services killed. Add `deploy.resources.limits` with `memory` and `cpus`.',
    noMemoryLimit:
      'Service "{{service}}" limits CPU but not memory, so a leak in it can take all the memory of the host and get other services killed. Add `memory` under `deploy.resources.limits`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (!isJudgedServer(doc, service)) continue;
      const memory = memoryLimit(service);
      if (memory) {
        ctx.evidence({ span: memory.span ?? service.anchor, note: `memory limit ${memory.value} on service "${service.name}"` });
        continue;
      }
      const sibling = siblingServices(ctx.project, doc, service).find((s) => memoryLimit(s));
      const siblingLimit = sibling && memoryLimit(sibling);
      if (sibling && siblingLimit) {
        ctx.evidence({ span: siblingLimit.span ?? sibling.anchor, source: sibling.doc.source, note: `memory limit ${siblingLimit.value} on service "${service.name}"` });
        continue;
      }
      if (cpuLimit(service)) {
        const limits = pairOf(serviceDeploy(service, 'resources'), 'limits');
        ctx.report({ span: spanOf(limits?.key) ?? keySpan(service.node, 'cpus') ?? service.anchor, messageId: 'noMemoryLimit', data: { service: service.name } });
        continue;
      }
      const insertion = limitsInsertion(ctx.source, service);
      ctx.report({
        span: service.anchor,
        messageId: 'missing',
        data: { service: service.name },
        fix: insertion ? { title: 'Add deploy.resources.limits (tune the numbers)', edits: [insertion], suggestion: true } : undefined,
      });
    }
  },
});
