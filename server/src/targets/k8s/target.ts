import type { Target, TargetEnv } from '../target';
import { maskTemplate } from '../helm/template';
import { parseYamlFile, yamlComments } from '../yaml/yaml-file';
import { K8sDocument, type K8sParsed } from './document';
import { k8sObjects } from './objects';
import { findChartRoot } from '../../engine/classify';
import { SourceText } from '../../engine/source';
import type { HelmValues } from '../helm/values';

/**
 * Kubernetes manifests: any YAML whose documents have `apiVersion` and `kind`, and
 * Helm templates masked to YAML of the same length. The chart's values are attached
 * per lint, so a template's parse is shared whatever the values say.
 */
export const k8sTarget: Target<K8sParsed, K8sDocument> = {
  name: 'k8s',
  parse(source, kind) {
    const template = kind === 'helm-template' ? maskTemplate(source.text) : undefined;
    const outcome = parseYamlFile(source, template?.text ?? source.text);
    if (!outcome.doc) return { doc: undefined, problems: outcome.problems };
    // A template whose YAML does not parse after masking is unreadable, not broken: helm
    // may still render it. Say so once, as information, and assess nothing in it.
    const unreadable = template?.unreadable ?? (template && outcome.problems[0] ? outcome.problems[0].message.replace(/^YAML syntax error: /, '').replace(/\. Readiness skips.*$/, '') : undefined);
    const problems = template
      ? unreadable
        ? [{ file: source.path, line: template.unreadable ? undefined : outcome.problems[0]?.line, severity: 'info' as const, message: `Readiness cannot read this template without rendering it (${unreadable}), so nothing in it is assessed.` }]
        : []
      : outcome.problems;
    const objects = k8sObjects(outcome.doc.documents, template ? { original: source.text, placeholders: template.placeholders } : undefined);
    return { doc: { yaml: outcome.doc, objects, template }, problems };
  },
  prepare(parsed, source, env) {
    if (!parsed.template) return new K8sDocument(parsed, source, undefined);
    return new K8sDocument(parsed, source, loadChartValues(source.path, env));
  },
  comments(parsed) {
    return yamlComments(parsed.template?.text ?? parsed.yaml.source.text).concat(parsed.template ? templateComments(parsed) : []);
  },
};

function templateComments(parsed: K8sParsed): Array<{ text: string; span: { start: number; end: number } }> {
  return (parsed.template?.actions ?? [])
    .filter((a) => a.keyword === 'comment')
    .map((a) => ({ text: a.body.replace(/^\/\*/, '').replace(/\*\/$/, ''), span: a.span }));
}

function loadChartValues(templatePath: string, env: TargetEnv): HelmValues | undefined {
  const root = findChartRoot(templatePath, env.workspace);
  if (root === undefined) return undefined;
  const path = root === '' ? 'values.yaml' : `${root}/values.yaml`;
  const text = env.workspace.readText?.(path);
  if (text === undefined) return undefined;
  const source = new SourceText(path, text);
  const parsed = env.parseYaml(source);
  return { source, document: parsed?.documents[0] };
}
