import * as path from 'node:path';
import { defineRule } from '../define-rule';
import { get, items, keySpan, spanOf } from '../../server/src/targets/yaml/nodes';
import { charts, deployedComposeFiles, foundObject, lineSpanOf, objectsOf, productionSources, workloads, yamlDocuments, type Found } from './support/stack';

/** Terraform resources that run containers on an orchestrator or a container platform. */
const TERRAFORM_DEPLOY =
  /resource\s+"(kubernetes_deployment(_v1)?|kubernetes_stateful_set(_v1)?|helm_release|aws_ecs_service|google_cloud_run_(v2_)?service|azurerm_container_app|azurerm_kubernetes_cluster|nomad_job|fly_app)"/;

export default defineRule({
  id: 'workspace/require-orchestration',
  target: 'workspace',
  meta: {
    item: 'deploy.orchestration',
    severity: 'warning',
    description: 'Require the service to be deployable to an orchestrator: Kubernetes manifests, a Helm chart or Kustomize (or another container platform).',
    rationale:
      'An orchestrator restarts crashed containers, replaces lost nodes, rolls out new versions without downtime and scales with load. Docker Compose on one host, or a Dockerfile and a manual `docker run`, does none of that: one host failure is an outage.',
    remediation:
      'Add Kubernetes manifests (a Deployment, a Service) with Kustomize overlays per environment, or a Helm chart; `kompose convert` gives a first draft from a Compose file.',
    fixable: false,
  },
  messages: {},
  check(ctx) {
    const project = ctx.project;
    const found: Found[] = [];
    // Plain manifests, one note per file; a chart's templates are covered by its Chart.yaml.
    const byFile = new Map<string, ReturnType<typeof workloads>>();
    for (const entry of workloads(project)) {
      if (entry.doc.isHelmTemplate) continue;
      byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
    }
    for (const list of byFile.values()) {
      const first = foundObject(list[0] as (typeof list)[number]);
      found.push({ ...first, label: `Kubernetes ${first.label}${list.length > 1 ? ` and ${list.length - 1} more workload${list.length > 2 ? 's' : ''}` : ''}` });
    }
    for (const entry of objectsOf(project, ['Service'], /^serving\.knative\.dev\//)) found.push({ ...foundObject(entry), label: `Knative ${foundObject(entry).label}` });
    for (const chart of charts(project)) {
      if (chart.library) continue;
      found.push({ source: chart.source, span: spanOf(get(chart.root, 'name')), label: `Helm chart "${chart.name}"` });
    }
    for (const source of productionSources(project, ['kustomization'])) {
      const root = yamlDocuments(source)[0]?.contents;
      const resources = items(get(root, 'resources')).length + items(get(root, 'bases')).length;
      found.push({ source, span: keySpan(root, 'resources') ?? keySpan(root, 'bases'), label: `Kustomize overlay (${resources} resource${resources === 1 ? '' : 's'})` });
    }
    for (const source of productionSources(project, ['json'])) {
      if (/"containerDefinitions"\s*:/.test(source.text)) found.push({ source, span: lineSpanOf(source.text, /"containerDefinitions"/), label: 'ECS task definition' });
    }
    for (const source of productionSources(project, ['other'])) {
      const base = path.posix.basename(source.path);
      if (/\.nomad(\.hcl)?$/.test(base) && /^\s*job\s+"/m.test(source.text)) found.push({ source, span: lineSpanOf(source.text, /^\s*job\s+"/m), label: 'Nomad job' });
      else if (base === 'fly.toml') found.push({ source, label: 'Fly.io app' });
      else if (base.endsWith('.tf')) {
        const span = lineSpanOf(source.text, TERRAFORM_DEPLOY);
        const type = TERRAFORM_DEPLOY.exec(source.text)?.[1];
        if (span && type) found.push({ source, span, label: `Terraform ${type}` });
      }
    }
    for (const item of found) ctx.evidence({ span: item.span, source: item.source, note: `deployed with ${item.label}` });
    if (found.length > 0) return;

    const compose = deployedComposeFiles(project);
    if (compose.length > 0) {
      const files = compose.map((s) => s.path).join(', ');
      ctx.missing(
        `Only Docker Compose: ${files} runs the stack on a single host, with no rescheduling when that host dies, no rolling updates and no scaling across nodes. Add Kubernetes manifests or a Helm chart (\`kompose convert\` gives a first draft).`,
      );
      return;
    }
    const dockerfile = project.files(['dockerfile']).find((f) => f.production && !/(^|\/)\.devcontainer\//.test(f.path));
    if (dockerfile) {
      ctx.missing(`${dockerfile.path} builds a service image, but nothing deploys it: no Kubernetes manifests, Helm chart, Kustomize overlay or other orchestrator configuration in the workspace.`);
    }
  },
});
