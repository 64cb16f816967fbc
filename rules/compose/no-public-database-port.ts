import { isMap } from 'yaml';
import type { SourceText } from '../../server/src/engine/source';
import type { Fix } from '../../server/src/engine/types';
import { bindsAllInterfaces, isLoopback, type PortBinding } from '../../server/src/targets/compose/document';
import { parseImageRef } from '../../server/src/targets/dockerfile/stages';
import { pairOf, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { containerInsertion } from '../k8s/support/edits';
import { defineRule } from '../define-rule';
import { dataStoreOf } from './support/data-stores';
import { nonProductionReason, siblingServices } from './support/services';

/** Servers with no authentication by default that are not data stores (nothing to persist). */
const UNAUTHENTICATED_SERVERS: Readonly<Record<string, string>> = { memcached: 'Memcached', 'bitnami/memcached': 'Memcached' };

function engineOf(image: string | undefined): string | undefined {
  if (!image) return undefined;
  return dataStoreOf(image)?.engine ?? UNAUTHENTICATED_SERVERS[parseImageRef(image).path];
}

/** Binds the port to 127.0.0.1: a prefix on the short syntax, `host_ip` on the long one. */
function loopbackFix(source: SourceText, port: PortBinding): Fix | undefined {
  const title = 'Publish the port on 127.0.0.1 only';
  if (port.syntax === 'long') {
    if (!isMap(port.node)) return undefined;
    const hostIp = pairOf(port.node, 'host_ip');
    const valueSpan = spanOf(hostIp?.value);
    if (hostIp && valueSpan) return { title, edits: [{ span: valueSpan, text: '127.0.0.1' }], suggestion: true };
    const insertion = containerInsertion(source, port.node, ['host_ip: 127.0.0.1']);
    return insertion ? { title, edits: [insertion], suggestion: true } : undefined;
  }
  const written = str(port.node);
  if (written === undefined) return undefined;
  let spec: string;
  if (port.hostIp === '0.0.0.0') spec = written.replace(/^0\.0\.0\.0:/, '127.0.0.1:');
  else if (port.hostIp !== undefined) return undefined;
  else spec = port.published === undefined ? `127.0.0.1::${written}` : `127.0.0.1:${written}`;
  if (!spec.startsWith('127.0.0.1:')) return undefined;
  return { title, edits: [{ span: port.span, text: JSON.stringify(spec) }], suggestion: true };
}

export default defineRule({
  id: 'compose/no-public-database-port',
  target: 'compose',
  meta: {
    item: 'security.authz',
    severity: 'warning',
    description: 'Disallow publishing the ports of databases, caches and brokers on all host interfaces.',
    rationale:
      'A published port is reachable by anyone who can reach the host, and Docker opens it past host firewalls such as ufw. A database reachable that way is guarded by its password alone, or by nothing (Redis, Memcached, MongoDB without auth), instead of by the application\'s access checks.',
    remediation:
      'Remove the port and let the services reach the database over the Compose network, or bind it to the loopback interface (`"127.0.0.1:5432:5432"`) for local tools and tunnels.',
    fixable: true,
  },
  messages: {
    publicPort:
      'Service "{{service}}" publishes {{engine}} on port {{port}} of all host interfaces, so anyone who can reach the host can talk to the database directly, past the application\'s access checks. Remove the port and use the Compose network, or bind it to 127.0.0.1.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (nonProductionReason(doc, service) !== undefined) continue;
      // An override fragment adds ports to a service whose image another file names.
      const image = service.resolvedImage ?? siblingServices(ctx.project, doc, service).find((s) => s.resolvedImage)?.resolvedImage;
      const engine = engineOf(image);
      if (!engine) continue;
      for (const port of service.ports()) {
        if (!port.known) continue;
        const label = port.published ?? `${port.target ?? '?'} (a random host port)`;
        if (bindsAllInterfaces(port.hostIp)) {
          ctx.report({
            span: port.span,
            messageId: 'publicPort',
            data: { service: service.name, engine, port: label },
            fix: loopbackFix(ctx.source, port),
          });
        } else if (isLoopback(port.hostIp)) {
          ctx.evidence({ span: port.span, note: `service "${service.name}" publishes ${engine} on ${port.hostIp} only` });
        }
      }
    }
  },
});
