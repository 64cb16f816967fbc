import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import { Rendered } from './support/rendered';
import { labelOf } from './support/workloads';
import { containersOf, WORKLOAD_KINDS } from '../../server/src/targets/k8s/objects';
import { entries, get, keySpan, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { containerInsertion } from './support/edits';

export default defineRule({
  id: 'k8s/require-resources',
  target: 'k8s',
  meta: {
    item: 'deploy.resources',
    severity: 'warning',
    description: 'Require CPU and memory requests and a memory limit on every container.',
    rationale:
      'Without requests the scheduler packs pods blindly and evicts them first under pressure; without a memory limit one leaking pod can take the node down with its neighbours.',
    remediation: 'Set `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory` on every container (in the chart\'s values.yaml for Helm charts).',
    fixable: true,
    related: ['kube-linter:unset-cpu-requirements', 'kube-linter:unset-memory-requirements', 'checkov:CKV_K8S_10', 'checkov:CKV_K8S_11', 'checkov:CKV_K8S_12', 'checkov:CKV_K8S_13'],
  },
  messages: {
    missing:
      'Container {{container}} of {{kind}} {{name}} has no resources, so the scheduler cannot place it sensibly and one leak can starve the node. Add requests (cpu, memory) and a memory limit.',
    incomplete:
      'Container {{container}} of {{kind}} {{name}} sets no {{missing}}, so {{consequence}}. Add it under `resources`.',
    valuesEmpty:
      'The chart\'s default `{{path}}` is empty, so container {{container}} of {{kind}} {{name}} runs without requests or limits and one leak can starve the node. Set requests (cpu, memory) and a memory limit here.',
    valuesIncomplete:
      'The chart\'s default `{{path}}` sets no {{missing}}, so {{consequence}}. Add it here.',
  },
  check(ctx) {
    const rendered = new Rendered(ctx.doc);
    for (const object of ctx.doc.renderedObjects()) {
      if (!WORKLOAD_KINDS.has(object.kind)) continue;
      const name = labelOf(rendered, get(object.node, 'metadata', 'name'));
      for (const container of containersOf(object)) {
        const data = { container: quoted(container.name), kind: object.kind, name };
        const resolved = ctx.doc.field(container.node, 'resources');
        if (resolved.kind === 'unknown') continue;
        const gaps = missingParts(resolved.node);
        if (resolved.kind === 'values') {
          const path = resolved.path.join('.');
          if (gaps.length === 3) {
            ctx.report({ span: resolved.anchor, source: resolved.source, messageId: 'valuesEmpty', data: { ...data, path } });
          } else if (gaps.length > 0) {
            ctx.report({ span: resolved.anchor, source: resolved.source, messageId: 'valuesIncomplete', data: { path, ...describe(gaps) } });
          } else {
            ctx.evidence({ span: resolved.anchor, source: resolved.source, note: `requests and limits in values \`${path}\`` });
          }
          continue;
        }
        if (gaps.length === 3) {
          const insertion = isMap(resolved.node) ? undefined : containerInsertion(ctx.source, container.node, RESOURCES_SKELETON);
          ctx.report({
            span: keySpan(container.node, 'resources') ?? container.anchor,
            messageId: 'missing',
            data,
            fix: insertion && !get(container.node, 'resources') ? { title: 'Add a resources block (tune the numbers)', edits: [insertion], suggestion: true } : undefined,
          });
        } else if (gaps.length > 0) {
          ctx.report({ span: keySpan(container.node, 'resources') ?? container.anchor, messageId: 'incomplete', data: { ...data, ...describe(gaps) } });
        } else {
          ctx.evidence({ span: spanOf(get(container.node, 'resources')) ?? container.anchor, note: `requests and limits on container "${container.name}"` });
        }
      }
    }
  },
});

const RESOURCES_SKELETON = ['resources:', '  requests:', '    cpu: 100m', '    memory: 128Mi', '  limits:', '    memory: 256Mi'];

/** Names as the other Kubernetes rules write them: "api", or `{{ .Chart.Name }}` when templated. */
function quoted(name: string): string {
  return name.includes('{{') ? `\`${name}\`` : `"${name}"`;
}

type Part = 'requests.cpu' | 'requests.memory' | 'limits.memory';

function missingParts(resources: unknown): Part[] {
  const has = (section: string, key: string): boolean => {
    const value = get(resources, section, key);
    return value !== undefined && (str(value) !== undefined || isMap(value) || entries(value).length > 0);
  };
  const missing: Part[] = [];
  if (!has('requests', 'cpu')) missing.push('requests.cpu');
  if (!has('requests', 'memory')) missing.push('requests.memory');
  if (!has('limits', 'memory')) missing.push('limits.memory');
  return missing;
}

function describe(gaps: readonly Part[]): { missing: string; consequence: string } {
  const missing = gaps.map((g) => `\`${g}\``).join(' or ');
  const consequence = gaps.includes('limits.memory')
    ? 'one leaking pod can use all the memory of its node'
    : 'the scheduler cannot reserve what the pod needs and evicts it first under pressure';
  return { missing, consequence };
}
