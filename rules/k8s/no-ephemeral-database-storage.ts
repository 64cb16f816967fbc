import { isMap } from 'yaml';
import { defineRule } from '../define-rule';
import { LONG_RUNNING_KINDS } from '../../server/src/targets/k8s/objects';
import { get, keySpan, str } from '../../server/src/targets/yaml/nodes';
import { configMapTexts, dataStoreOf, isRedis, redisEvictsAnyKey, shellWords, type DataStore } from './support/databases';
import type { ProjectView } from '../../server/src/engine/project';
import type { Field, Known, Rendered, Where } from './support/rendered';
import { containerData, labelOf, workloads, type RenderedContainer } from './support/workloads';

/** Volume types that are deleted with the pod. */
const EPHEMERAL_TYPES: Readonly<Record<string, string>> = { emptyDir: 'an emptyDir', ephemeral: 'a generic ephemeral' };
/** Volume types that carry configuration, not data. */
const CONFIG_TYPES = new Set(['configMap', 'secret', 'projected', 'downwardAPI']);

export default defineRule({
  id: 'k8s/no-ephemeral-database-storage',
  target: 'k8s',
  meta: {
    item: 'data.persistence',
    severity: 'error',
    description: 'Disallow databases, caches and brokers whose data directory is not on persistent storage.',
    rationale:
      'A database container keeps its data where its data directory points. Without a volume there, the data lives in the container\'s writable layer and vanishes on every container restart; on an `emptyDir` it vanishes with the pod, on every rollout, eviction and node drain. Redis started with persistence off loses everything on any restart.',
    remediation:
      'Mount a PersistentVolumeClaim at the data directory (`volumeClaimTemplates` in a StatefulSet; `persistence.enabled: true` in most charts), and keep Redis persistence on (`--appendonly yes` or RDB snapshots).',
    fixable: false,
  },
  messages: {
    ephemeralVolume:
      'The data directory {{dataPath}} of {{engine}} in container {{container}} of {{kind}} {{name}} is on {{volumeType}} volume "{{volume}}", which is deleted with the pod, so every rollout, eviction or node drain loses the data. Back it with a PersistentVolumeClaim (`volumeClaimTemplates` in a StatefulSet).',
    valuesEphemeralVolume:
      "With the chart's default `{{path}}: {{value}}`, the data directory {{dataPath}} of {{engine}} in container {{container}} of {{kind}} {{name}} is on {{volumeType}} volume, which is deleted with the pod, so every rollout, eviction or node drain loses the data. Turn persistence on here.",
    noVolume:
      "Container {{container}} of {{kind}} {{name}} runs {{engine}} with nothing mounted at its data directory {{dataPath}}, so the data lives in the container's writable layer and is lost whenever the container restarts. Mount a PersistentVolumeClaim there (`volumeClaimTemplates` in a StatefulSet).",
    valuesNoVolume:
      "The chart's default `{{path}}` mounts nothing at {{dataPath}}, so {{engine}} in container {{container}} of {{kind}} {{name}} keeps its data in the container's writable layer and loses it whenever the container restarts. Mount a PersistentVolumeClaim there.",
    persistenceOff:
      'Container {{container}} of {{kind}} {{name}} starts Redis with `--save ""` and without `--appendonly yes`, so it never writes its data to disk and loses every key on restart. Turn on AOF (`--appendonly yes`) or RDB snapshots, and keep /data on a PersistentVolumeClaim.',
  },
  check(ctx) {
    const { rendered, list } = workloads(ctx, LONG_RUNNING_KINDS);
    for (const workload of list) {
      const volumesField = rendered.field(workload.pod, 'volumes');
      const volumes = namedItems(rendered, volumesField, (item) => rendered.field(item, 'name'));
      const claims = workload.kind === 'StatefulSet' ? namedItems(rendered, rendered.path(rendered.of(workload.object.node), 'spec', 'volumeClaimTemplates'), (item) => rendered.path(item, 'metadata', 'name')) : emptyItems();
      for (const container of workload.containers) {
        if (container.container.init) continue;
        const imageField = rendered.field(container.field, 'image');
        const image = imageField.state === 'known' ? str(imageField.node) : rendered.interpolate(get(container.container.node, 'image'));
        const store = dataStoreOf(image);
        if (!store) continue;
        const words = commandWords(rendered, container);
        if (!words) continue;
        if (words.command.some((w) => store.clients.includes(basename(w)))) continue;
        const data = { ...containerData(workload, container), engine: store.engine };

        if (isRedis(store)) {
          // A Redis that evicts any key under memory pressure is a cache by design: losing
          // its keys on a restart is what it is built to tolerate.
          if (redisEvictsAnyKey(words.all, mountedConfigText(ctx.project, rendered, container, volumes, words.all))) continue;
          const off = redisPersistenceOff(words.all);
          if (off) {
            const where = words.items.find((item) => item.words.includes('--save'))?.where;
            if (where) ctx.report({ span: where.span, source: where.source, messageId: 'persistenceOff', data });
            continue;
          }
        }

        const dataPaths = dataDirectories(rendered, container, store, words.all);
        if (!dataPaths) continue;
        const mountsField = rendered.field(container.field, 'volumeMounts');
        const mounts = rendered.items(mountsField);
        if (mountsField.state === 'unknown' || mounts.some((m) => m.state === 'unknown')) continue;
        const mount = mounts
          .map((m) => ({ path: scalar(rendered, m, 'mountPath'), name: scalar(rendered, m, 'name') }))
          .filter((m): m is { path: string; name: string | undefined } => m.path !== undefined && dataPaths.some((d) => covers(m.path as string, d)))
          .sort((a, b) => b.path.length - a.path.length)[0];

        if (mount) {
          if (!mount.name) continue;
          const claim = claims.byName.get(mount.name);
          if (claim) {
            ctx.evidence({ span: claim.key?.span ?? claim.value?.span, source: (claim.key ?? claim.value)?.source, note: `volumeClaimTemplate "${mount.name}" holds the ${store.engine} data of container ${container.label} of ${workload.kind} ${workload.label}` });
            continue;
          }
          const volume = volumes.byName.get(mount.name);
          if (!volume) continue;
          const type = ephemeralType(volume);
          if (type) {
            const volumeData = { ...data, dataPath: mount.path, volume: mount.name, volumeType: EPHEMERAL_TYPES[type.key] as string };
            // The values key that chose the ephemeral branch (`{{- if not .Values.persistence.enabled }}`).
            const choice = volume.renderedBy ?? (volumesField.state === 'known' ? volumesField.renderedBy : undefined);
            if (choice) {
              ctx.report({ span: choice.at.span, source: choice.at.source, messageId: 'valuesEphemeralVolume', data: { ...volumeData, path: choice.path, value: choice.text } });
            } else {
              ctx.report({ span: type.where.span, source: type.where.source, messageId: 'ephemeralVolume', data: volumeData });
            }
            continue;
          }
          const claimName = rendered.path(volume, 'persistentVolumeClaim', 'claimName');
          if (claimName.state === 'known' && claimName.node !== undefined) {
            const where = volume.key ?? volume.value;
            ctx.evidence({ span: where?.span, source: where?.source, note: `PersistentVolumeClaim ${claimLabel(rendered, claimName)} holds the ${store.engine} data of container ${container.label} of ${workload.kind} ${workload.label}` });
          }
          continue;
        }

        // Nothing at the known data directories: the data may still live on a volume
        // mounted elsewhere (a custom data directory), so only a container with no
        // persistent volume at all is reported.
        if (claims.unknown || claims.byName.size > 0 || volumes.unknown) continue;
        const persistentElsewhere = mounts.some((m) => {
          const name = scalar(rendered, m, 'name');
          const volume = name ? volumes.byName.get(name) : undefined;
          return !volume || (!ephemeralType(volume) && !isConfigVolume(volume));
        });
        if (persistentElsewhere) continue;
        if (rendered.hidesContent(container.field) || (mountsField.node !== undefined && rendered.hidesContent(mountsField)) || rendered.hidesContent(workload.pod)) continue;
        const noVolumeData = { ...data, dataPath: dataPaths[0] as string };
        if (mountsField.path !== undefined && mountsField.key) {
          ctx.report({ span: mountsField.key.span, source: mountsField.key.source, messageId: 'valuesNoVolume', data: { ...noVolumeData, path: mountsField.path } });
        } else if (mountsField.removedBy) {
          ctx.report({ span: mountsField.removedBy.at.span, source: mountsField.removedBy.at.source, messageId: 'valuesNoVolume', data: { ...noVolumeData, path: mountsField.removedBy.path } });
        } else {
          ctx.report({ span: container.container.anchor, messageId: 'noVolume', data: noVolumeData });
        }
      }
    }
  },
});

interface NamedItems {
  byName: Map<string, Known>;
  /** Some item could not be read statically. */
  unknown: boolean;
}

function emptyItems(): NamedItems {
  return { byName: new Map(), unknown: false };
}

function namedItems(rendered: Rendered, list: Field, nameOf: (item: Field) => Field): NamedItems {
  const out = emptyItems();
  if (list.state === 'unknown') return { ...out, unknown: true };
  if (list.node !== undefined && rendered.hidesContent(list)) out.unknown = true;
  for (const item of rendered.items(list)) {
    if (item.state === 'unknown') {
      out.unknown = true;
      continue;
    }
    const name = nameOf(item);
    const text = name.state === 'known' && !rendered.isTemplated(name.node) ? str(name.node) : undefined;
    if (text === undefined) out.unknown = true;
    else if (!out.byName.has(text)) out.byName.set(text, item);
  }
  return out;
}

/** A plain scalar field of a map, when it is written literally or read from values. */
function scalar(rendered: Rendered, map: Field, key: string): string | undefined {
  const field = rendered.field(map, key);
  if (field.state !== 'known' || (field.path === undefined && rendered.isTemplated(field.node))) return undefined;
  return str(field.node);
}

function ephemeralType(volume: Known): { key: string; where: Where } | undefined {
  if (!isMap(volume.node)) return undefined;
  for (const key of Object.keys(EPHEMERAL_TYPES)) {
    const span = keySpan(volume.node, key);
    if (span) return { key, where: { span, source: volume.key?.source ?? volume.value?.source } };
  }
  return undefined;
}

function isConfigVolume(volume: Known): boolean {
  return [...CONFIG_TYPES].some((key) => get(volume.node, key) !== undefined);
}

function claimLabel(rendered: Rendered, claimName: Known): string {
  if (claimName.path !== undefined) return `"${str(claimName.node) ?? ''}"`;
  return labelOf(rendered, claimName.node);
}

/** Whether a mount at `mountPath` holds `dataPath`. */
function covers(mountPath: string, dataPath: string): boolean {
  const mount = mountPath.replace(/\/+$/, '') || '/';
  return dataPath === mount || dataPath.startsWith(mount === '/' ? '/' : `${mount}/`);
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

interface CommandWords {
  command: string[];
  all: string[];
  items: Array<{ words: string[]; where: Where | undefined }>;
}

/** The words of `command` and `args`; undefined when one of them cannot be read. */
function commandWords(rendered: Rendered, container: RenderedContainer): CommandWords | undefined {
  const out: CommandWords = { command: [], all: [], items: [] };
  for (const key of ['command', 'args']) {
    const field = rendered.field(container.field, key);
    if (field.state === 'unknown') return undefined;
    for (const item of rendered.items(field)) {
      if (item.state === 'unknown') return undefined;
      const text = str(item.node);
      if (text === undefined) continue;
      // A list item is one argument; a shell script inside one (`sh -c "redis-server …"`) is split.
      const words = /\s/.test(text.trim()) ? shellWords(text) : [text];
      if (key === 'command') out.command.push(...words);
      out.all.push(...words);
      out.items.push({ words, where: item.value });
    }
  }
  return out;
}

/**
 * The text of the configuration file a Redis container is started with (`redis-server
 * /etc/redis/redis.conf`) when a ConfigMap of the workspace provides it through a mounted
 * volume; undefined otherwise.
 */
function mountedConfigText(project: ProjectView, rendered: Rendered, container: RenderedContainer, volumes: NamedItems, words: readonly string[]): string | undefined {
  const file = words.find((w) => /\.conf$/.test(w) && w.startsWith('/'));
  if (!file) return undefined;
  for (const mount of rendered.items(rendered.field(container.field, 'volumeMounts'))) {
    const mountPath = scalar(rendered, mount, 'mountPath');
    const name = scalar(rendered, mount, 'name');
    if (!mountPath || !name || !covers(mountPath, file)) continue;
    const volume = volumes.byName.get(name);
    const configMap = volume ? str(get(volume.node, 'configMap', 'name')) : undefined;
    if (configMap) return configMapTexts(project).get(configMap);
  }
  return undefined;
}

/** `--save ""` (no RDB snapshots) without `--appendonly yes`: Redis keeps nothing on disk. */
function redisPersistenceOff(words: readonly string[]): boolean {
  let saveOff = false;
  let appendOnly = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    if (word === '--save' && (next === '' || next === '""' || next === "''")) saveOff = true;
    if (word === '--appendonly' && next?.toLowerCase() === 'yes') appendOnly = true;
  }
  return saveOff && !appendOnly;
}

/** Where the store keeps its data: the image defaults, unless an env var or flag moves it; undefined when that cannot be read. */
function dataDirectories(rendered: Rendered, container: RenderedContainer, store: DataStore, words: readonly string[]): string[] | undefined {
  if (store.dataEnv) {
    for (const item of rendered.items(rendered.field(container.field, 'env'))) {
      if (item.state === 'unknown') continue;
      const name = rendered.field(item, 'name');
      if (name.state !== 'known' || str(name.node) !== store.dataEnv) continue;
      const value = rendered.field(item, 'value');
      const text = value.state === 'known' ? str(value.node) : undefined;
      return text && text.startsWith('/') ? [text] : undefined;
    }
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    for (const flag of store.dataFlags ?? []) {
      if (word === flag) {
        const next = words[i + 1];
        return next && next.startsWith('/') ? [next] : undefined;
      }
      if (word.startsWith(`${flag}=`)) {
        const value = word.slice(flag.length + 1);
        return value.startsWith('/') ? [value] : undefined;
      }
    }
    if (store.positionalAfter && word === store.positionalAfter) {
      const next = words.slice(i + 1).find((w) => !w.startsWith('-'));
      return next && next.startsWith('/') && !/[{}]/.test(next) ? [next] : undefined;
    }
  }
  return [...store.dataPaths];
}
