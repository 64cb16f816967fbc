import { isStageReference, parseImageRef, resolvedImage } from '../../server/src/targets/dockerfile/stages';
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'dockerfile/require-pinned-base-image',
  target: 'dockerfile',
  meta: {
    item: 'container.pinned-images',
    severity: 'warning',
    description: 'Require every base image to name a version tag or a digest, never `latest` or no tag.',
    rationale:
      'An untagged or `latest` base image is whatever the registry serves on the day of the build, so two builds of the same commit can ship different operating systems, runtimes and vulnerabilities, and a rollback does not roll back the base.',
    remediation: 'Pin each `FROM` to a version tag (`node:20.11-slim`), ideally with its digest (`node:20.11-slim@sha256:…`) kept current by Renovate or Dependabot.',
    fixable: false,
    related: ['hadolint:DL3006', 'hadolint:DL3007', 'checkov:CKV_DOCKER_7'],
  },
  messages: {
    untagged:
      'Base image "{{image}}" has no tag, so every build pulls whatever "latest" is that day and the same commit can ship a different base. Pin a version tag, ideally with its digest (`{{image}}:<version>@sha256:…`).',
    latest:
      'Base image "{{image}}" uses the moving "latest" tag, so the same commit can ship a different base from one build to the next and rollbacks do not roll it back. Pin a version tag, ideally with its digest.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const stage of doc.stages) {
      const written = stage.from.getImageRange();
      if (!written) continue;
      const image = resolvedImage(doc, stage);
      if (!image || isStageReference(doc, stage)) continue;
      const ref = parseImageRef(image);
      if (ref.path === 'scratch' && ref.registry === undefined) continue;
      const span = doc.span(written);
      const name = ref.repository;
      if (ref.digest) {
        ctx.evidence({ span, note: `${name} pinned by digest` });
      } else if (ref.tag === undefined) {
        ctx.report({ span, messageId: 'untagged', data: { image: name } });
      } else if (ref.tag.toLowerCase() === 'latest') {
        ctx.report({ span, messageId: 'latest', data: { image: name } });
      } else {
        ctx.evidence({ span, note: `${name} tag ${ref.tag}` });
      }
    }
  },
});
