import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import type { SourceText } from '../../server/src/engine/source';
import { entries, get, items, keySpan, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { credentialIn, looksLikeCredential } from '../support/secrets';
import type { Field, Known, Rendered, ValuesRange, Where } from './support/rendered';
import { containerData, labelOf, workloads, type Workload } from './support/workloads';

export default defineRule({
  id: 'k8s/no-secrets-in-env',
  target: 'k8s',
  meta: {
    item: 'security.secrets',
    severity: 'error',
    description: 'Disallow literal credentials in container `env` values.',
    rationale:
      'A credential written into a manifest or a chart\'s values is readable by everyone with access to the repository and its history, to CI logs and to the object in the cluster (`kubectl get -o yaml` needs no access to Secrets), and it cannot be rotated without a code change.',
    remediation:
      'Keep the credential in a Secret (created by your secret manager, External Secrets or Sealed Secrets) and reference it with `valueFrom.secretKeyRef`; in Helm charts, take an `existingSecret` name instead of the value. Rotate any credential that was committed.',
    fixable: true,
    related: ['checkov:CKV_K8S_35', 'kube-linter:env-var-secret'],
  },
  messages: {
    literal:
      'Env var {{env}} of container {{container}} of {{kind}} {{name}} holds {{what}} in plain text, readable by anyone who can read this manifest, its history or the {{kind}} in the cluster. Move it into a Secret and reference it with `valueFrom.secretKeyRef`.',
    valuesLiteral:
      "The chart's default `{{path}}` holds {{what}} that becomes env var {{env}} of container {{container}} of {{kind}} {{name}}, readable by anyone with the chart or its release history. Leave it empty and read the value from a Secret (`valueFrom.secretKeyRef`, an `existingSecret` value).",
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx);
    for (const workload of list) {
      for (const container of workload.containers) {
        const data = containerData(workload, container);
        const owner = `container ${container.label} of ${workload.kind} ${workload.label}`;
        for (const item of rendered.items(rendered.field(container.field, 'env'))) {
          if (item.state === 'unknown') continue;
          const nameField = rendered.field(item, 'name');
          const name = nameField.state === 'known' && !rendered.isTemplated(nameField.node) ? str(nameField.node) : undefined;
          const secretRef = secretKeyRef(rendered, item);
          if (secretRef) {
            const where = item.value;
            ctx.evidence({ span: where?.span, source: where?.source, note: `env var ${name ?? labelOf(rendered, nameField.state === 'known' ? nameField.node : undefined)} of ${owner} comes from Secret ${secretRef}` });
            continue;
          }
          const valueField = rendered.field(item, 'value');
          if (valueField.state === 'unknown') continue;
          const value = str(valueField.node);
          if (value === undefined) continue;
          const what = name !== undefined ? credentialIn(name, value) : prefixed(looksLikeCredential(value));
          if (!what) continue;
          const env = name ?? '(templated name)';
          if (valueField.path !== undefined && valueField.key) {
            ctx.report({ span: valueField.key.span, source: valueField.key.source, messageId: 'valuesLiteral', data: { ...data, env, what, path: valueField.path } });
            continue;
          }
          const span = valueField.value?.span;
          if (!span) continue;
          ctx.report({ span, messageId: 'literal', data: { ...data, env, what }, fix: secretRefFix(ctx.source, workload, item, valueField, name) });
        }
        // `{{- range $name, $value := .Values.env }}` entries: one per key of the values map.
        const envField = rendered.field(container.field, 'env');
        if (envField.state === 'known' && envField.path === undefined) {
          for (const raw of items(envField.node)) {
            const range = rendered.rangeOf(raw);
            if (!range) continue;
            for (const entry of rangeEntries(rendered, raw, range)) {
              const what = credentialIn(entry.name, entry.value);
              if (!what) continue;
              ctx.report({ span: entry.at.span, source: entry.at.source, messageId: 'valuesLiteral', data: { ...data, env: entry.name, what, path: entry.path } });
            }
          }
        }
        for (const item of rendered.items(rendered.field(container.field, 'envFrom'))) {
          if (item.state === 'unknown') continue;
          const ref = rendered.field(rendered.field(item, 'secretRef'), 'name');
          if (ref.state !== 'known' || ref.node === undefined) continue;
          const where = item.value;
          ctx.evidence({ span: where?.span, source: where?.source, note: `${owner} loads env vars from Secret ${secretName(rendered, ref)}` });
        }
      }
    }
  },
});

interface RangeEntry {
  name: string;
  value: string;
  path: string;
  at: Where;
}

/** The env vars a `range` over values renders, when the item reads the loop's variables plainly. */
function rangeEntries(rendered: Rendered, item: unknown, range: ValuesRange): RangeEntry[] {
  const nameExpression = rendered.expressionOf(get(item, 'name'));
  const valueExpression = rendered.expressionOf(get(item, 'value'));
  const source = range.at.source;
  const out: RangeEntry[] = [];
  if (range.kind === 'map') {
    if (nameExpression !== range.key || valueExpression !== range.value) return [];
    for (const { key, value, pair } of entries(range.node)) {
      const text = str(value);
      const span = spanOf(pair.key);
      if (text !== undefined && span) out.push({ name: key, value: text, path: `${range.path}.${key}`, at: { span, source } });
    }
    return out;
  }
  const element = range.element ?? '';
  if (nameExpression !== `${element}.name` || valueExpression !== `${element}.value`) return [];
  items(range.node).forEach((entry, index) => {
    const name = str(get(entry, 'name'));
    const text = str(get(entry, 'value'));
    const span = keySpan(entry, 'value');
    if (name !== undefined && text !== undefined && span) out.push({ name, value: text, path: `${range.path}[${index}].value`, at: { span, source } });
  });
  return out;
}

function prefixed(format: string | undefined): string | undefined {
  return format ? `what looks like ${format}` : undefined;
}

/** `"orders-db" key "password"` when an env var reads a Secret. */
function secretKeyRef(rendered: Rendered, item: Field): string | undefined {
  const ref = rendered.path(item, 'valueFrom', 'secretKeyRef');
  if (ref.state !== 'known' || !isMap(ref.node)) return undefined;
  const name = rendered.field(ref, 'name');
  const key = rendered.field(ref, 'key');
  const keyText = key.state === 'known' && !rendered.isTemplated(key.node) ? str(key.node) : undefined;
  return `${name.state === 'known' ? secretName(rendered, name) : '(templated)'}${keyText ? ` key "${keyText}"` : ''}`;
}

function secretName(rendered: Rendered, field: Known): string {
  if (field.path !== undefined) {
    const value = str(field.node);
    return value ? `"${value}"` : `from values \`${field.path}\``;
  }
  return labelOf(rendered, field.node);
}

/** Replaces `value: …` with a `valueFrom.secretKeyRef` to a Secret named after the workload. */
function secretRefFix(source: SourceText, workload: Workload, item: Field, value: Known, name: string | undefined) {
  if (item.state !== 'known' || !isMap(item.node) || item.node.flow || !value.key || !value.value || !name || !workload.name) return undefined;
  const indent = source.positionAt(value.key.span.start).character;
  const pad = (n: number) => ' '.repeat(indent + n);
  const eol = source.eol;
  const secret = `${workload.name}-secrets`;
  const key = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const text = ['valueFrom:', `${pad(2)}secretKeyRef:`, `${pad(4)}name: ${secret}`, `${pad(4)}key: ${key}`].join(eol);
  return {
    title: `Read ${name} from Secret "${secret}" (create the Secret with key "${key}" first)`,
    edits: [{ span: { start: value.key.span.start, end: value.value.span.end }, text }],
    suggestion: true,
  };
}
