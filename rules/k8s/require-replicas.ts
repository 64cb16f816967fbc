import { defineRule } from '../define-rule';
import { get, num, pairOf, str } from '../../server/src/targets/yaml/nodes';
import { dataStoreOf } from './support/databases';
import { mayServeTraffic, replicasOf, workspaceOf } from './support/cross-object';
import { Rendered, valuesSite } from './support/rendered';
import { labelOf, workloads } from './support/workloads';

const DEPLOYMENTS: ReadonlySet<string> = new Set(['Deployment']);

export default defineRule({
  id: 'k8s/require-replicas',
  target: 'k8s',
  meta: {
    item: 'deploy.high-availability',
    severity: 'warning',
    description: 'Require stateless Deployments to run at least two replicas or be autoscaled.',
    rationale:
      'A single replica is a single point of failure: a node failure, an eviction, a node drain during a cluster upgrade or a crash loop takes the service down until a new pod is scheduled, pulled and ready, and every rollout briefly depends on one pod.',
    remediation:
      'Set `replicas: 2` or more (`replicaCount` in most charts) with a PodDisruptionBudget and topology spread, or scale the Deployment with a HorizontalPodAutoscaler whose `minReplicas` is at least 2.',
    fixable: true,
    related: ['kube-linter:minimum-three-replicas', 'kube-score:deployment-replicas'],
  },
  messages: {
    single:
      '{{kind}} {{name}} runs a single replica ({{how}}), so a node failure, eviction or drain takes the service down until a new pod is ready. Run at least 2 replicas or add a HorizontalPodAutoscaler.',
    autoscaledSingle:
      'HorizontalPodAutoscaler {{hpa}} lets {{kind}} {{name}} scale down to a single replica (`minReplicas: {{min}}`), so whenever load is low a node failure, eviction or drain takes the service down until a new pod is ready. Set `minReplicas: 2` or more.',
    valuesSingle:
      "The chart's default `{{path}}` is {{value}}, so {{kind}} {{name}} runs a single replica and a node failure, eviction or drain takes the service down until a new pod is ready. Default to at least 2 replicas or enable autoscaling.",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx, DEPLOYMENTS);
    if (list.length === 0) return;
    const ws = workspaceOf(ctx);
    for (const workload of list) {
      // A Deployment of a database, or one whose pods share a volume claim, cannot simply run twice.
      if (workload.containers.some((c) => dataStoreOf(str(get(c.container.node, 'image')) ?? rendered.interpolate(get(c.container.node, 'image'))))) continue;
      const volumes = rendered.items(rendered.field(workload.pod, 'volumes'));
      if (volumes.some((v) => v.state === 'unknown' || get(v.node, 'persistentVolumeClaim') !== undefined)) continue;

      const placed = ws.objects.find((p) => p.own && p.object === workload.object);
      if (placed && !mayServeTraffic(placed, ws)) continue;
      const scaling = placed ? replicasOf(placed, ws) : undefined;
      if (scaling?.autoscaler && scaling.autoscalerMin?.count !== undefined && scaling.autoscalerMin.count <= 1) {
        const hpa = labelOf(new Rendered(scaling.autoscaler.doc), get(scaling.autoscaler.object.node, 'metadata', 'name'));
        const where = scaling.autoscalerMin.where;
        ctx.report({ span: where.span, source: where.source, messageId: 'autoscaledSingle', data: { ...workload.data, hpa, min: scaling.autoscalerMin.count } });
        continue;
      }
      if (scaling?.autoscaler) {
        ctx.evidence({
          span: scaling.autoscaler.object.anchor,
          source: scaling.autoscaler.source,
          note: `HorizontalPodAutoscaler ${labelOf(new Rendered(scaling.autoscaler.doc), get(scaling.autoscaler.object.node, 'metadata', 'name'))} scales ${workload.kind} ${workload.label}`,
        });
        continue;
      }
      const field = rendered.path(rendered.of(workload.object.node), 'spec', 'replicas');
      if (field.state === 'unknown') continue;
      // Left out by a guard (`{{- if not .Values.autoscaling.enabled }}`): the chart scales it some other way.
      if (field.node === undefined && field.path === undefined && pairOf(get(workload.object.node, 'spec'), 'replicas')) continue;
      const count = field.node === undefined ? 1 : num(field.node);
      if (count === undefined || count === 0) continue;
      // A Kustomize overlay may set the count the base leaves at one.
      const patched = ws.patched(workload.kind, workload.name, ['spec', 'replicas']);
      if (patched.length > 0) continue;
      if (count >= 2) {
        const where = field.key ?? field.value;
        ctx.evidence({ span: where?.span, source: where?.source, note: `${workload.kind} ${workload.label} runs ${count} replicas` });
        continue;
      }
      if (scaling?.maybeAutoscaled) continue;
      const site = valuesSite(field);
      if (site) {
        ctx.report({ span: site.where.span, source: site.where.source, messageId: 'valuesSingle', data: { ...workload.data, path: site.path, value: field.node === undefined ? 'not set' : '1' } });
        continue;
      }
      if (field.node !== undefined && field.key && field.value) {
        ctx.report({
          span: { start: field.key.span.start, end: field.value.span.end },
          messageId: 'single',
          data: { ...workload.data, how: '`replicas: 1`' },
          fix: { title: 'Run 2 replicas (check the service keeps no state in its pods)', edits: [{ span: field.value.span, text: '2' }], suggestion: true },
        });
        continue;
      }
      if (rendered.hidesContent(rendered.path(rendered.of(workload.object.node), 'spec'))) continue;
      ctx.report({ span: workload.object.anchor, messageId: 'single', data: { ...workload.data, how: '`replicas` is not set, which means 1' } });
    }
  },
});
