import type { Healthcheck } from 'dockerfile-ast';
import { baseImage, instructionSummary, lastInChain, parseImageRef, stageChain } from '../../server/src/targets/dockerfile/stages';
import { defineRule } from '../define-rule';
import { deployedContainersOf } from '../k8s/support/deployed-images';
import { developmentOnlyImage } from './support/builders';

/** The probe a skeleton HEALTHCHECK runs: curl, or busybox wget on Alpine; none on images without a shell. */
function probeCommand(image: string | undefined, port: string): string | undefined {
  const url = `http://localhost:${port}/healthz`;
  if (!image) return `curl -fsS ${url} || exit 1`;
  const ref = parseImageRef(image);
  const tag = ref.tag?.toLowerCase() ?? '';
  if (ref.path === 'scratch' || ref.path.startsWith('distroless/') || tag.includes('distroless') || tag.includes('chiseled')) return undefined;
  if (ref.path === 'alpine' || ref.path === 'busybox' || tag.includes('alpine')) return `wget -q --spider ${url} || exit 1`;
  return `curl -fsS ${url} || exit 1`;
}

export default defineRule({
  id: 'dockerfile/require-healthcheck',
  target: 'dockerfile',
  meta: {
    item: 'container.healthcheck',
    severity: 'warning',
    description: 'Require the final stage to declare a HEALTHCHECK (or opt out with `HEALTHCHECK NONE`).',
    rationale:
      'Without a health check Docker, Compose and Swarm only know whether the process exists: a deadlocked or wedged service stays "running", keeps receiving traffic and is never restarted.',
    remediation:
      'Add `HEALTHCHECK CMD <probe>` to the final stage, probing a cheap health endpoint, or `HEALTHCHECK NONE` when an orchestrator probe (Kubernetes liveness/readiness) covers it.',
    fixable: true,
    related: ['checkov:CKV_DOCKER_2'],
  },
  messages: {
    missing:
      'The final stage declares no HEALTHCHECK, so Docker and Compose cannot tell a hung process from a healthy one and keep sending it traffic. Add a HEALTHCHECK that probes the service, or `HEALTHCHECK NONE` if an orchestrator probe covers it.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const stage = doc.finalStage;
    if (!stage) return;
    const healthcheck = lastInChain(doc, stage, 'HEALTHCHECK') as Healthcheck | undefined;
    if (healthcheck) {
      // `HEALTHCHECK NONE` is a deliberate opt-out: neither a gap nor evidence.
      if (healthcheck.getSubcommand()?.getValue().toUpperCase() === 'NONE') return;
      ctx.evidence({ span: doc.span(healthcheck.getRange()), note: instructionSummary(doc, healthcheck) });
      return;
    }
    // The checklist's gap is no HEALTHCHECK *and* no orchestrator probe: an image that
    // Kubernetes probes is watched where it runs in production.
    const probed = deployedContainersOf(ctx.project, ctx.source.path).filter((d) => d.probe);
    if (probed.length > 0) {
      for (const d of probed) ctx.evidence({ source: d.source, span: d.probe, note: `${d.label} is probed by Kubernetes` });
      return;
    }
    // An image only a developer's live-reload Compose setup builds never runs in production.
    if (developmentOnlyImage(ctx.project, ctx.source.path, stage.name)) return;

    let port = '8080';
    for (const s of stageChain(doc, stage)) {
      const expose = doc.instructions('EXPOSE', s)[0];
      const first = expose?.getArguments()[0]?.getValue().replace(/\/tcp$/i, '');
      if (first && /^\d+$/.test(first)) {
        port = first;
        break;
      }
    }
    const probe = probeCommand(baseImage(doc, stage)?.image, port);
    const anchor = doc
      .instructions(undefined, stage)
      .find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
    const eol = ctx.source.eol;
    const text = ctx.source.text;
    const insertAt = anchor ? ctx.source.lineStart(anchor.getRange().start.line) : text.length;
    const prefix = !anchor && text.length > 0 && !text.endsWith('\n') ? eol : '';
    ctx.report({
      span: doc.span(stage.from.getRange()),
      messageId: 'missing',
      fix: probe
        ? {
            title: anchor ? `Add a HEALTHCHECK skeleton before ${anchor.getKeyword()}` : 'Add a HEALTHCHECK skeleton at the end of the final stage',
            suggestion: true,
            edits: [{ span: { start: insertAt, end: insertAt }, text: `${prefix}HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ${probe}${eol}` }],
          }
        : undefined,
    });
  },
});
