import { parseDocument } from 'yaml';
import { defineRule } from '../define-rule';
import { findChartRoot } from '../../server/src/engine/classify';
import { SourceText, type Span } from '../../server/src/engine/source';
import type { TemplateAction } from '../../server/src/targets/helm/template';
import { valuesNode, valuesPathOf } from '../../server/src/targets/helm/values';
import { valuesAnchor, type K8sDocument } from '../../server/src/targets/k8s/document';
import { get, items, keySpan, spanOf, str } from '../../server/src/targets/yaml/nodes';
import type { ProjectView } from '../../server/src/engine/project';
import type { WorkspaceView } from '../../server/src/engine/types';
import { isPinned, isSubstituted, parseImage, toolBuiltImages } from './support/images';
import type { Where } from './support/rendered';
import { containerData, workloads } from './support/workloads';

/** The tag the suggestion writes: valid syntax, plainly not a release, and it fails to pull if deployed as is. */
const PLACEHOLDER_TAG = 'REPLACE_WITH_VERSION';

export default defineRule({
  id: 'k8s/require-pinned-image',
  target: 'k8s',
  meta: {
    item: 'container.pinned-images',
    severity: 'warning',
    description: 'Require every container image to have a version tag other than `latest`, or a digest.',
    rationale:
      'An untagged or `latest` image is whatever was pushed last: nodes that pull at different times run different builds, a rollback redeploys today\'s `latest` rather than the previous version, and a bad push reaches production on the next pod restart without any deploy.',
    remediation:
      'Use an explicit version tag (`ghcr.io/acme/orders-api:1.4.2`) or a digest (`@sha256:…`). In Helm charts, set `image.tag` in values.yaml or leave it empty so the template falls back to the chart\'s `appVersion`.',
    fixable: true,
    related: ['kube-linter:latest-tag', 'checkov:CKV_K8S_14', 'checkov:CKV_K8S_43', 'hadolint:DL3007'],
  },
  messages: {
    latest:
      'Container {{container}} of {{kind}} {{name}} runs `{{image}}`, a tag that moves with every push, so nodes may run different builds and a rollback does not go back. Pin a version tag or an `@sha256:` digest.',
    untagged:
      'Container {{container}} of {{kind}} {{name}} runs `{{image}}` without a tag, which means `latest`: nodes may run different builds and a rollback does not go back. Pin a version tag or an `@sha256:` digest.',
    valuesUnpinned:
      '{{setting}} {{what}}, so container {{container}} of {{kind}} {{name}} runs whatever build was pushed last and a rollback does not go back. Pin a version tag or a digest there.',
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    let overrides: Set<string> | undefined;
    const overridden = (name: string) => (overrides ??= kustomizeImages(ctx.project)).has(name);

    for (const workload of list) {
      for (const container of workload.containers) {
        const data = containerData(workload, container);
        const owner = `container ${container.label} of ${workload.kind} ${workload.label}`;
        const field = rendered.field(container.field, 'image');
        if (field.state === 'unknown') {
          const node = get(container.container.node, 'image');
          const verdict = composite(ctx.doc, ctx.workspace, node);
          if (!verdict) continue;
          if (verdict.pinned) ctx.evidence({ span: verdict.where.span, source: verdict.where.source, note: `${owner} runs ${verdict.note}` });
          else ctx.report({ span: verdict.where.span, source: verdict.where.source, messageId: 'valuesUnpinned', data: { ...data, setting: verdict.setting, what: verdict.what } });
          continue;
        }
        const image = str(field.node);
        if (image === undefined || isSubstituted(image)) continue;
        const ref = parseImage(image);
        if (!ref) continue;
        if (isPinned(ref)) {
          const where = field.value ?? field.key;
          ctx.evidence({ span: where?.span, source: where?.source, note: `${owner} runs pinned image ${image.trim()}` });
          continue;
        }
        if (field.path !== undefined && field.key) {
          const what = ref.tag === undefined ? `names image \`${image.trim()}\` without a tag` : `is \`${image.trim()}\``;
          ctx.report({ span: field.key.span, source: field.key.source, messageId: 'valuesUnpinned', data: { ...data, setting: `The chart's default \`${field.path}\``, what } });
          continue;
        }
        // Kustomize sets the tag of images it lists, whatever the base manifest says; Skaffold
        // and Tilt replace the images they build with the tag they built.
        if (overridden(ref.name) || toolBuiltImages(ctx.project).has(ref.name)) continue;
        const span = field.value?.span;
        if (!span) continue;
        const fix = placeholderFix(ctx.source.text, span, ref.tag);
        ctx.report({ span, messageId: ref.tag === undefined ? 'untagged' : 'latest', data: { ...data, image: image.trim() }, fix });
      }
    }
  },
});

/** Replaces `latest` (or adds a tag) with a placeholder a person must fill in. */
function placeholderFix(text: string, span: Span, tag: string | undefined) {
  const written = text.slice(span.start, span.end);
  const quoted = /^["']/.test(written) ? 1 : 0;
  const end = span.end - quoted;
  if (tag !== undefined) {
    const start = end - tag.length;
    if (text.slice(start, end) !== tag) return undefined;
    return { title: `Replace \`${tag}\` with a placeholder tag to fill in (it will not pull until replaced)`, edits: [{ span: { start, end }, text: PLACEHOLDER_TAG }], suggestion: true };
  }
  return { title: 'Add a placeholder tag to fill in (it will not pull until replaced)', edits: [{ span: { start: end, end }, text: `:${PLACEHOLDER_TAG}` }], suggestion: true };
}

interface Verdict {
  pinned: boolean;
  where: Where;
  /** Evidence note, for pinned images. */
  note: string;
  /** For findings: `` `image.tag` in values.yaml `` and what is wrong with it. */
  setting: string;
  what: string;
}

/**
 * Judges the common Helm shape `"{{ .Values.image.repository }}:{{ .Values.image.tag |
 * default .Chart.AppVersion }}"`, which no single values key decides: the tag is the
 * last expression after a `:` (or a digest after `@`), read from values.yaml, falling
 * back to a `default` (the chart's `appVersion`) when the value is empty.
 */
function composite(doc: K8sDocument, workspace: WorkspaceView, node: unknown): Verdict | undefined {
  const template = doc.parsed.template;
  const span = spanOf(node);
  if (!template || !span || !doc.values) return undefined;
  const actions = template.placeholders.filter((p) => p.span.start < span.end && p.span.end > span.start).sort((a, b) => a.span.start - b.span.start);
  const last = actions[actions.length - 1];
  if (!last) return undefined;
  const text = doc.source.text;
  const inner = text.slice(span.start, span.end).replace(/^["']/, '').replace(/["']$/, '');
  const contentEnd = span.start + (text.slice(span.start, span.end).match(/^["']/) ? 1 : 0) + inner.length;
  const after = text.slice(last.span.end, contentEnd);
  if (after !== '') {
    // A literal tag after the last expression: `{{ .Values.image.repository }}:1.4.2`.
    const match = /([:@])([^:@/]+)$/.exec(after);
    const tag = match?.[2];
    if (!match || !tag) return undefined;
    const where: Where = { span };
    if (match[1] === ':' && tag.toLowerCase() === 'latest') return { pinned: false, where, note: '', setting: `The image \`${inner}\``, what: 'is tagged `latest`' };
    return { pinned: true, where, note: `image ${inner}`, setting: '', what: '' };
  }
  const before = text.slice(Math.max(span.start, last.span.start - 1), last.span.start);
  if (before !== ':' && before !== '@') return undefined;
  const path = valuesPathOf(firstCommand(last), undefined);
  if (!path) return undefined;
  const value = str(valuesNode(doc.values, path));
  const where: Where = { span: valuesAnchor(doc.values, path), source: doc.values.source };
  const setting = `The chart's default \`${path.join('.')}\``;
  if (before === '@') {
    return value ? { pinned: true, where, note: `image digest from values \`${path.join('.')}\``, setting, what: '' } : undefined;
  }
  if (value !== undefined && value.trim() !== '') {
    if (value.trim().toLowerCase() === 'latest') return { pinned: false, where, note: '', setting, what: 'is `latest`' };
    return { pinned: true, where, note: `image tag ${value.trim()} from values \`${path.join('.')}\``, setting, what: '' };
  }
  return fallback(doc, workspace, last, path.join('.'));
}

/** When the tag value is empty: what `| default …` puts in its place. */
function fallback(doc: K8sDocument, workspace: WorkspaceView, action: TemplateAction, valuesPath: string): Verdict | undefined {
  const setting = `The chart's default \`${valuesPath}\``;
  const defaulted = /\|\s*default\s+(\S+)|^default\s+(\S+)\s/.exec(action.body);
  const target = defaulted?.[1] ?? defaulted?.[2];
  if (!target) return undefined;
  if (/^\$?\.Chart\.AppVersion$/.test(target)) {
    const root = findChartRoot(doc.source.path, workspace);
    if (root === undefined) return undefined;
    const path = root === '' ? 'Chart.yaml' : `${root}/Chart.yaml`;
    const text = workspace.readText?.(path);
    if (text === undefined) return undefined;
    const chart = parseDocument(text);
    const appVersion = str(get(chart.contents, 'appVersion'));
    const span = keySpan(chart.contents, 'appVersion');
    if (!appVersion || !span) return undefined;
    const where: Where = { span, source: new SourceText(path, text) };
    if (appVersion.trim().toLowerCase() === 'latest') {
      return { pinned: false, where, note: '', setting: "The chart's `appVersion` (Chart.yaml)", what: `is \`latest\`, and the empty default \`${valuesPath}\` falls back to it` };
    }
    return { pinned: true, where, note: `the chart's appVersion ${appVersion.trim()} as its image tag`, setting, what: '' };
  }
  const literal = /^"([^"]*)"$/.exec(target)?.[1];
  if (literal === undefined) return undefined;
  if (literal.toLowerCase() === 'latest') return { pinned: false, where: { span: action.span }, note: '', setting: `The template's fallback for \`${valuesPath}\``, what: 'is `latest`' };
  return literal ? { pinned: true, where: { span: action.span }, note: `image tag ${literal} (the template's default)`, setting, what: '' } : undefined;
}

/** `default .Chart.AppVersion .Values.image.tag` reads the values path last; normalise to the pipeline form. */
function firstCommand(action: TemplateAction): string {
  const prefix = /^default\s+(\S+)\s+(\S+)$/.exec(action.body);
  return prefix ? `${prefix[2]} | default ${prefix[1]}` : action.body;
}

/** Image names a kustomization in the workspace re-tags (`images: [{ name, newTag }]`). */
function kustomizeImages(project: ProjectView): Set<string> {
  const names = new Set<string>();
  for (const file of project.files(['kustomization'])) {
    if (!file.production) continue;
    const text = project.source(file.path)?.text;
    if (!text) continue;
    const document = parseDocument(text);
    for (const entry of items(get(document.contents, 'images'))) {
      const name = str(get(entry, 'name'));
      if (name && (get(entry, 'newTag') !== undefined || get(entry, 'digest') !== undefined || get(entry, 'newName') !== undefined)) names.add(name);
    }
  }
  return names;
}
