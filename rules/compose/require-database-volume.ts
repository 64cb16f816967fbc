import { isMap } from 'yaml';
import type { ProjectView } from '../../server/src/engine/project';
import type { SourceText } from '../../server/src/engine/source';
import type { Edit } from '../../server/src/engine/types';
import { interpolate, type ComposeDocument, type ComposeService, type Mount } from '../../server/src/targets/compose/document';
import { get, pairOf, spanOf, str } from '../../server/src/targets/yaml/nodes';
import { containerInsertion } from '../k8s/support/edits';
import { defineRule } from '../define-rule';
import { covers, dataDirectories, dataStoreOf, isRedis, redisPersistence, runsClient } from './support/data-stores';
import { isComplete, nonProductionReason, serviceInsertion, siblingServices } from './support/services';

/** The mount that holds a data directory: the deepest one at or above it, as Docker layers them. */
function mountFor(service: ComposeService, dirs: readonly string[]): { mount: Mount; dir: string } | undefined {
  let best: { mount: Mount; dir: string } | undefined;
  for (const mount of service.mounts()) {
    const target = mount.target && interpolate(mount.target).text;
    if (!target) continue;
    const dir = dirs.find((d) => covers(target, d));
    if (dir && (!best || (best.mount.target?.length ?? 0) < target.length)) best = { mount, dir };
  }
  return best;
}

/** A named volume declared with the local driver on tmpfs keeps nothing either. */
function isTmpfsVolume(doc: ComposeDocument, name: string): boolean {
  const declared = doc.volume(name);
  return str(get(declared, 'driver_opts', 'type'))?.toLowerCase() === 'tmpfs';
}

/** Adds `- <name>:<dir>` to the service and declares the volume at the top level. */
function volumeFix(source: SourceText, doc: ComposeDocument, service: ComposeService, name: string, dir: string): Edit[] | undefined {
  if (service.has('volumes') || doc.volume(name) !== undefined) return undefined;
  const mount = serviceInsertion(source, service, ['volumes:', `  - ${name}:${dir}`]);
  if (!mount) return undefined;
  const volumes = pairOf(doc.root, 'volumes');
  const eol = source.eol;
  if (volumes) {
    if (!isMap(volumes.value) || volumes.value.items.length === 0) return undefined;
    const declare = containerInsertion(source, volumes.value, [`${name}:`]);
    return declare ? [mount, declare] : undefined;
  }
  const end = source.text.length;
  const prefix = source.text.endsWith('\n') ? '' : eol;
  return [mount, { span: { start: end, end }, text: `${prefix}${eol}volumes:${eol}  ${name}:${eol}` }];
}

export default defineRule({
  id: 'compose/require-database-volume',
  target: 'compose',
  meta: {
    item: 'data.persistence',
    severity: 'error',
    description: 'Require databases, caches and brokers (PostgreSQL, MySQL, MongoDB, Redis, Kafka…) to keep their data directory on a named volume or a bind mount.',
    rationale:
      'Without a volume at its data directory a database writes into the container or an anonymous volume: the container created after `docker compose down`, or on another host, starts with an empty database. Redis with snapshots and the append-only file off loses everything on every restart.',
    remediation:
      'Mount a named volume (declared under the top-level `volumes:`) or a host directory at the data directory (`pgdata:/var/lib/postgresql/data`), and leave Redis persistence on unless it is only a cache with an eviction policy.',
    fixable: true,
  },
  messages: {
    noVolume:
      'Service "{{service}}" runs {{engine}} with nothing mounted at {{dir}}, so its data is tied to this container and the next one, after `docker compose down` or on a new host, starts empty. Mount a named volume there, e.g. `{{volume}}:{{dir}}`.',
    anonymousVolume:
      'Service "{{service}}" keeps {{engine}} data at {{dir}} in an anonymous volume, which the container created after `docker compose down` does not reuse, so the database starts empty. Name the volume (`{{volume}}:{{dir}}`) and declare it under the top-level `volumes:`.',
    tmpfs:
      'Service "{{service}}" keeps {{engine}} data at {{dir}} in memory (tmpfs), so every restart empties it. Mount a named volume or a host directory there instead.',
    persistenceOff:
      'Service "{{service}}" starts {{engine}} with snapshots off (`save ""`) and no append-only file, so every restart empties it. Turn on `--appendonly yes` with a volume at /data, or set `--maxmemory-policy allkeys-lru` if it is only a cache.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (!isComplete(service) || nonProductionReason(doc, service) !== undefined) continue;
      const store = dataStoreOf(service.resolvedImage);
      if (!store || runsClient(service, store)) continue;
      const data = { service: service.name, engine: store.engine, volume: `${service.name}-data` };
      if (isRedis(store)) {
        const persistence = redisPersistence(ctx.project, service);
        if (persistence.unknown || persistence.cache) continue;
        if (persistence.off) {
          const command = service.fieldPair('command');
          ctx.report({ span: (command && spanOf(command.pair.value)) ?? service.anchor, messageId: 'persistenceOff', data });
          continue;
        }
      }
      const dirs = dataDirectories(service, store);
      if (!dirs || dirs.length === 0) continue;
      const own = mountFor(service, dirs);
      const found = own ? { ...own, service } : siblingMount(ctx.project, doc, service, dirs);
      if (!found) {
        const dir = dirs[0] as string;
        const edits = volumeFix(ctx.source, doc, service, data.volume, dir);
        ctx.report({
          span: service.anchor,
          messageId: 'noVolume',
          data: { ...data, dir },
          fix: edits ? { title: `Mount a named volume at ${dir}`, edits, suggestion: true } : undefined,
        });
        continue;
      }
      const { mount, dir } = found;
      const owner = found.service;
      const evidenceAt = { span: mount.span, source: owner.doc === doc ? undefined : owner.doc.source };
      if (mount.type === 'anonymous') {
        if (owner === service) ctx.report({ span: mount.span, messageId: 'anonymousVolume', data: { ...data, dir } });
      } else if (mount.type === 'tmpfs' || (mount.type === 'volume' && mount.source !== undefined && isTmpfsVolume(owner.doc, mount.source))) {
        if (owner === service) ctx.report({ span: mount.span, messageId: 'tmpfs', data: { ...data, dir } });
      } else if (mount.type === 'volume') {
        ctx.evidence({ ...evidenceAt, note: `service "${service.name}" keeps ${store.engine} data at ${dir} on volume "${mount.source}"` });
      } else if (mount.type === 'bind') {
        ctx.evidence({ ...evidenceAt, note: `service "${service.name}" keeps ${store.engine} data at ${dir} in host directory ${mount.source}` });
      }
    }
  },
});

/** The mount another deployed compose file of this folder adds for the data directory. */
function siblingMount(
  project: ProjectView,
  doc: ComposeDocument,
  service: ComposeService,
  dirs: readonly string[],
): { mount: Mount; dir: string; service: ComposeService } | undefined {
  for (const sibling of siblingServices(project, doc, service)) {
    const found = mountFor(sibling, dirs);
    if (found) return { ...found, service: sibling };
  }
  return undefined;
}
