import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import { entries, get, items, str } from '../../server/src/targets/yaml/nodes';
import { displayName, fieldAsRendered, guardingValuesKey, nameOf, type Placed, renderedString, workspaceOf } from './support/cross-object';
import { containerInsertion } from './support/edits';

/** Annotations that have the cloud load balancer terminate TLS in front of the Ingress, with no `tls:` block. */
const LOAD_BALANCER_TLS: ReadonlyArray<{ key: string; value?: RegExp; where: string }> = [
  { key: 'alb.ingress.kubernetes.io/certificate-arn', where: 'the AWS load balancer (ACM certificate)' },
  { key: 'alb.ingress.kubernetes.io/listen-ports', value: /HTTPS/, where: 'the AWS load balancer' },
  { key: 'networking.gke.io/managed-certificates', where: 'the Google load balancer (managed certificate)' },
  { key: 'ingress.gcp.kubernetes.io/pre-shared-cert', where: 'the Google load balancer (pre-shared certificate)' },
  { key: 'appgw.ingress.kubernetes.io/appgw-ssl-certificate', where: 'the Azure Application Gateway' },
  { key: 'service.beta.kubernetes.io/oci-load-balancer-ssl-ports', where: 'the OCI load balancer' },
];

/** Hosts that only resolve on a developer's machine or in documentation. */
const LOCAL_HOST = /^(localhost|.*\.localhost|.*\.local|.*\.test|.*\.example|.*\.invalid|127\.0\.0\.1)$/i;

export default defineRule({
  id: 'k8s/require-ingress-tls',
  target: 'k8s',
  meta: {
    item: 'security.tls',
    severity: 'warning',
    description: 'Require a `tls:` section on every Ingress, unless a cloud load balancer terminates TLS in front of it.',
    rationale:
      'An Ingress without `tls:` serves its hosts over plain HTTP: credentials, session cookies and personal data cross the internet readable and modifiable by anyone on the path.',
    remediation:
      'Add `spec.tls` with the Ingress hosts and the Secret holding their certificate; cert-manager (`cert-manager.io/cluster-issuer` annotation) can issue and renew it. Redirect HTTP to HTTPS at the controller.',
    fixable: true,
  },
  messages: {
    noTls:
      'Ingress {{name}} has no `tls:` section, so {{hosts}} {{verb}} served over plain HTTP and credentials and cookies cross the network readable by anyone on the path. Add `spec.tls` with the hosts and a certificate Secret (cert-manager can issue it).',
    valuesNoTls:
      'The chart\'s default `{{path}}` is empty, so Ingress {{name}} renders without `tls:` and serves its hosts over plain HTTP. Set the hosts and a certificate Secret here (cert-manager can issue it).',
  },
  check(ctx) {
    const ws = workspaceOf(ctx);
    for (const ingress of ws.objects) {
      if (!ingress.own || ingress.object.kind !== 'Ingress') continue;
      if (!/^(networking\.k8s\.io|extensions)\//.test(ingress.object.apiVersion)) continue;
      const doc = ingress.doc;
      const spec = get(ingress.object.node, 'spec');
      const tls = fieldAsRendered(doc, spec, 'tls');
      if (tls.kind === 'unknown') continue;
      const name = displayName(ingress);
      if (items(tls.node).length > 0) {
        const hosts = items(tls.node).flatMap((entry) => items(get(entry, 'hosts')).map((h) => renderedString(doc, h) ?? str(h)));
        const known = hosts.filter((h): h is string => h !== undefined && !/^x+$/.test(h));
        const span = tls.kind === 'values' ? tls.anchor : ingress.object.anchor;
        ctx.evidence({
          span,
          source: tls.kind === 'values' ? tls.source : ingress.source,
          note: `Ingress ${name} terminates TLS${known.length > 0 ? ` for ${known.join(', ')}` : ''}`,
        });
        continue;
      }
      const annotations = fieldAsRendered(doc, get(ingress.object.node, 'metadata'), 'annotations');
      if (annotations.kind === 'unknown') continue;
      const terminated = loadBalancerTls(annotations.node);
      if (terminated) {
        ctx.evidence({ span: ingress.object.anchor, source: ingress.source, note: `Ingress ${name}: TLS terminated at ${terminated}` });
        continue;
      }
      if (ws.patched('Ingress', nameOf(ingress), ['spec', 'tls']).length > 0) continue;
      const hosts = ruleHosts(ingress);
      if (hosts === undefined) continue;
      if (hosts.length > 0 && hosts.every((h) => LOCAL_HOST.test(h))) continue;
      const valuesKey = tls.kind === 'values' ? { span: tls.anchor, source: tls.source, path: tls.path.join('.') } : guardingValuesKey(doc, spec, 'tls');
      if (valuesKey) {
        ctx.report({ span: valuesKey.span, source: valuesKey.source, messageId: 'valuesNoTls', data: { name, path: valuesKey.path } });
        continue;
      }
      ctx.report({
        span: ingress.object.anchor,
        source: ingress.source,
        messageId: 'noTls',
        data: { name, hosts: hosts.length === 0 ? 'every host' : hosts.join(', '), verb: hosts.length === 1 ? 'is' : 'are' },
        fix: tlsFix(ingress, spec, hosts, nameOf(ingress)),
      });
    }
  },
});

function loadBalancerTls(annotations: unknown): string | undefined {
  if (!isMap(annotations)) return undefined;
  for (const { key, value } of entries(annotations)) {
    const match = LOAD_BALANCER_TLS.find((a) => a.key === key && (a.value === undefined || a.value.test(str(value) ?? '')));
    if (match) return match.where;
  }
  return undefined;
}

/** The hosts of the Ingress rules; undefined when one cannot be read statically. */
function ruleHosts(ingress: Placed): string[] | undefined {
  const rules = fieldAsRendered(ingress.doc, get(ingress.object.node, 'spec'), 'rules');
  if (rules.kind === 'unknown') return undefined;
  const hosts: string[] = [];
  for (const rule of items(rules.node)) {
    const node = get(rule, 'host');
    if (node === undefined) continue;
    const host = rules.kind === 'values' ? str(node) : renderedString(ingress.doc, node);
    if (host === undefined) return undefined;
    hosts.push(host);
  }
  return hosts;
}

/** Adds a `tls:` section for the rule hosts with a Secret named after the Ingress; a suggestion to check. */
function tlsFix(ingress: Placed, spec: unknown, hosts: readonly string[], name: string | undefined) {
  if (ingress.doc.isHelmTemplate || !isMap(spec) || hosts.length === 0 || name === undefined) return undefined;
  const lines = ['tls:', '  - hosts:', ...hosts.map((h) => `      - ${h}`), `    secretName: ${name}-tls`];
  const edit = containerInsertion(ingress.source, spec, lines);
  return edit ? { title: `Serve ${hosts.join(', ')} over TLS with the certificate in Secret "${name}-tls"`, edits: [edit], suggestion: true } : undefined;
}
