import { interpolate } from '../../server/src/targets/compose/document';
import { parseImageRef } from '../../server/src/targets/dockerfile/stages';
import { spanOf, str } from '../../server/src/targets/yaml/nodes';
import { defineRule } from '../define-rule';
import { nonProductionReason } from './support/services';

export default defineRule({
  id: 'compose/require-pinned-image',
  target: 'compose',
  meta: {
    item: 'container.pinned-images',
    severity: 'warning',
    description: 'Require every pulled `image:` to name a version tag or a digest, never `latest` or no tag.',
    rationale:
      'An untagged or `latest` image is whatever the registry serves on the day of the pull, so two hosts, or the same host before and after `docker compose pull`, can run different code, and rolling back the compose file does not roll back the image.',
    remediation: 'Pin each `image:` to a version tag (`postgres:16.4`), ideally with its digest (`postgres:16.4@sha256:…`) kept current by Renovate or Dependabot.',
    fixable: false,
    related: ['kube-linter:latest-tag'],
  },
  messages: {
    untagged:
      'Service "{{service}}" runs image "{{image}}" with no tag, so every pull fetches whatever "latest" is that day and two hosts can run different code. Pin a version tag, ideally with its digest (`{{image}}:<version>@sha256:…`).',
    latest:
      'Service "{{service}}" runs "{{image}}:latest", a moving tag, so every pull can bring a different build and rolling back the compose file does not roll back the image. Pin a version tag, ideally with its digest.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      // With `build:`, Compose builds the image and `image:` only names the result.
      if (service.hasBuild || nonProductionReason(doc, service) !== undefined) continue;
      const found = service.fieldPair('image');
      const node = found && doc.deref(found.pair.value);
      const written = str(node);
      const span = spanOf(node);
      if (written === undefined || !span) continue;
      // `${IMAGE}` with no default is set by whoever deploys: nothing to judge here.
      const image = interpolate(written).text;
      if (image === undefined || image.trim() === '') continue;
      const ref = parseImageRef(image.trim());
      const data = { service: service.name, image: ref.repository };
      if (ref.digest) ctx.evidence({ span, note: `service "${service.name}" pins ${ref.repository} by digest` });
      else if (ref.tag === undefined || ref.tag === '') ctx.report({ span, messageId: 'untagged', data });
      else if (ref.tag.toLowerCase() === 'latest') ctx.report({ span, messageId: 'latest', data });
      else ctx.evidence({ span, note: `service "${service.name}" runs ${ref.repository}:${ref.tag}` });
    }
  },
});
