import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { SourceText } from '../../../server/src/engine/source';
import { maskTemplate } from '../../../server/src/targets/helm/template';
import { k8sTarget } from '../../../server/src/targets/k8s/target';

const parses = (text: string) => parseAllDocuments(maskTemplate(text).text).every((d) => d.errors.length === 0);

describe('Helm template masking', () => {
  it('keeps every offset: the masked text has the same length and line breaks', () => {
    const text = 'metadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n';
    const masked = maskTemplate(text).text;
    assert.equal(masked.length, text.length);
    assert.deepEqual([...masked].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0), [...text].map((c, i) => (c === '\n' ? i : -1)).filter((i) => i >= 0));
  });

  const shapes: Array<[string, string]> = [
    ['a value after a key', 'spec:\n  replicas: {{ .Values.replicaCount }}\n'],
    ['toYaml under a key', 'resources:\n  {{- toYaml .Values.resources | nindent 2 }}\n'],
    ['an include among literal labels', 'labels:\n  {{- include "x.labels" . | nindent 2 }}\n  app: web\n'],
    ['a list item after a key with a templated value', 'env:\n  - name: A\n    value: {{ .Values.a }}\n  {{- toYaml .Values.extraEnv | nindent 2 }}\n'],
    ['quoted concatenations', 'image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n'],
    ['with and range blocks', '{{- with .Values.nodeSelector }}\nnodeSelector:\n  {{- toYaml . | nindent 2 }}\n{{- end }}\nenv:\n{{- range $k, $v := .Values.env }}\n  - name: {{ $k }}\n    value: {{ $v | quote }}\n{{- end }}\n'],
    ['toYaml written at column 0 under a deeper key, indented by `indent`', 'spec:\n  containers:\n    - name: api\n      resources:\n{{ toYaml .Values.resources | indent 8 }}\n    {{- with .Values.podSecurityContext }}\n  securityContext:\n{{ toYaml . | indent 4 }}\n    {{- end }}\n'],
    ['map entries merged into an outer map after a nested include', 'spec:\n  selector:\n    matchLabels:\n      {{- include "x.selectorLabels" . | nindent 6 }}\n  {{- toYaml .Values.podDisruptionBudget | nindent 2 }}\n'],
    ['a `template` action as a value', 'metadata:\n  name: {{ template "x.fullname" . }}\n  labels:\n    app: {{ template "x.name" . }}\n'],
    ['comments and defines', '{{/* the labels */}}\n{{- define "x.labels" -}}\napp: {{ .Chart.Name }}\n{{- end }}\nkind: ConfigMap\n'],
  ];
  for (const [name, text] of shapes) it(`masks ${name} into YAML that parses`, () => assert.ok(parses(text), maskTemplate(text).text));

  it('a value written left of its key renders where `indent` puts it, and stays a placeholder', () => {
    const text = 'resources:\n{{ toYaml .Values.resources | indent 2 }}\n';
    const masked = maskTemplate(text);
    assert.equal(masked.placeholders.length, 1);
    assert.match(masked.text, /^resources:\n {2}x+\n$/);
  });

  it('`{{ template … }}` prints like `include`: a placeholder, not a blank', () => {
    const masked = maskTemplate('metadata:\n  name: {{ template "x.fullname" . }}\n');
    assert.equal(masked.placeholders.length, 1);
  });

  it('a template it cannot read is information on the file, not an error, and yields no objects', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  {{- range .Values.files }}\n  {{ .name }}: {{ .content }}\n  {{- end\n';
    const outcome = k8sTarget.parse(new SourceText('chart/templates/cm.yaml', text), 'helm-template');
    assert.equal(outcome.problems.length, 1);
    assert.equal(outcome.problems[0]?.severity, 'info');
    assert.match(outcome.problems[0]?.message ?? '', /^Readiness cannot read this template without rendering it/);
  });
});
