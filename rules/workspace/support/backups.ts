import * as path from 'node:path';
import type { ProjectView } from '../../../server/src/engine/project';
import { get, keySpan, str } from '../../../server/src/targets/yaml/nodes';
import { dataStoreOf } from '../../k8s/support/databases';
import {
  chartDependencies,
  charts,
  chartValues,
  composeServices,
  containerCommandLines,
  deployedComposeFiles,
  foundObject,
  hasPersistentVolume,
  lineSpanOf,
  objectName,
  objectsOf,
  productionSources,
  workloads,
  type Found,
} from './stack';

/**
 * Databases in the stack and what backs them up. A backup tool covers the engines it
 * dumps (`pg_dump` covers PostgreSQL); volume-level tools (Velero, restic, K8up) and
 * backup scripts or jobs whose tool cannot be told cover every engine.
 */

/** Engines whose loss loses data, as `dataStoreOf` names them. Redis counts only when it persists. */
const DATABASE_ENGINES = new Set(['PostgreSQL', 'MySQL', 'MariaDB', 'MongoDB', 'Redis', 'Cassandra', 'ClickHouse', 'CockroachDB', 'InfluxDB', 'CouchDB', 'Neo4j']);

/** Helm charts of databases, by chart name. */
const DATABASE_CHARTS: Readonly<Record<string, string>> = {
  postgresql: 'PostgreSQL',
  'postgresql-ha': 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  'mariadb-galera': 'MariaDB',
  mongodb: 'MongoDB',
  'mongodb-sharded': 'MongoDB',
  redis: 'Redis',
  'redis-cluster': 'Redis',
  valkey: 'Redis',
  cassandra: 'Cassandra',
  clickhouse: 'ClickHouse',
  cockroachdb: 'CockroachDB',
  influxdb: 'InfluxDB',
  influxdb2: 'InfluxDB',
  couchdb: 'CouchDB',
  neo4j: 'Neo4j',
};

/** Backup tools recognisable in a command line, and the engines they cover (`*` for all). */
const TOOLS: ReadonlyArray<{ pattern: RegExp; tool: string; engines: readonly string[] | '*' }> = [
  { pattern: /\bpg_dump(all)?\b/, tool: 'pg_dump', engines: ['PostgreSQL'] },
  { pattern: /\bpg_basebackup\b/, tool: 'pg_basebackup', engines: ['PostgreSQL'] },
  { pattern: /\bpgbackrest\b/i, tool: 'pgBackRest', engines: ['PostgreSQL'] },
  { pattern: /\bbarman\b/, tool: 'Barman', engines: ['PostgreSQL'] },
  { pattern: /\bwal-[ge]\b/i, tool: 'WAL-G', engines: ['PostgreSQL', 'MySQL', 'MariaDB', 'Redis', 'MongoDB'] },
  { pattern: /\b(mysqldump|mariadb-dump|mydumper)\b/, tool: 'mysqldump', engines: ['MySQL', 'MariaDB'] },
  { pattern: /\b(xtrabackup|mariabackup|mariadb-backup)\b/, tool: 'XtraBackup', engines: ['MySQL', 'MariaDB'] },
  { pattern: /\bmongodump\b/, tool: 'mongodump', engines: ['MongoDB'] },
  { pattern: /\bpbm\s+backup\b/, tool: 'Percona Backup for MongoDB', engines: ['MongoDB'] },
  { pattern: /\bredis-cli\b[^\n]*(--rdb|\bBGSAVE\b|\bSAVE\b)/i, tool: 'redis-cli --rdb', engines: ['Redis'] },
  { pattern: /\bnodetool\s+snapshot\b|\bmedusa\b/, tool: 'nodetool snapshot', engines: ['Cassandra'] },
  { pattern: /\bclickhouse-backup\b|\bBACKUP\s+(TABLE|DATABASE)\b/, tool: 'clickhouse-backup', engines: ['ClickHouse'] },
  { pattern: /\bBACKUP\s+INTO\b/i, tool: 'BACKUP INTO', engines: ['CockroachDB'] },
  { pattern: /\binflux(d)?\s+backup\b/, tool: 'influx backup', engines: ['InfluxDB'] },
  { pattern: /\bcouchbackup\b/, tool: 'couchbackup', engines: ['CouchDB'] },
  { pattern: /\bneo4j-admin\s+(database\s+)?(dump|backup)\b/, tool: 'neo4j-admin dump', engines: ['Neo4j'] },
  { pattern: /\b(restic|kopia|borg|velero|rclone)\b/, tool: 'a volume backup tool', engines: '*' },
];

/** Images of backup jobs, by the last segment of their name. */
const BACKUP_IMAGE = /(^|[-_/])(backup|backups|pgbackrest|wal-g|walg|restic|kopia|velero|k8up|mongodump|mysqldump)([-_]|$)/;

export interface Database {
  engine: string;
  found: Found;
  /** For operator clusters that back themselves up: the evidence. */
  selfBackup?: Found;
}

export interface Backup {
  found: Found;
  /** What runs it, for the note: `pg_dump`. */
  tool: string;
  engines: readonly string[] | '*';
}

export function databases(project: ProjectView): Database[] {
  const out: Database[] = [];
  for (const entry of workloads(project)) {
    if (!['StatefulSet', 'Deployment', 'Pod', 'ReplicaSet'].includes(entry.object.kind)) continue;
    for (const container of containerCommandLines(entry)) {
      const store = dataStoreOf(container.image);
      if (!store || !DATABASE_ENGINES.has(store.engine)) continue;
      const program = path.posix.basename(container.command.split(/\s+/)[0] ?? '');
      if (store.clients.includes(program)) continue;
      if (store.engine === 'Redis' && !hasPersistentVolume(entry)) continue;
      out.push({ engine: store.engine, found: foundObject(entry) });
      break;
    }
  }
  for (const entry of objectsOf(project, ['Cluster'], /^postgresql\.cnpg\.io\//)) {
    const backup = get(entry.object.node, 'spec', 'backup');
    out.push({ engine: 'PostgreSQL', found: foundObject(entry), selfBackup: backup ? { ...foundObject(entry, keySpan(get(entry.object.node, 'spec'), 'backup')), label: `CloudNativePG Cluster ${objectName(entry)} backup` } : undefined });
  }
  for (const entry of objectsOf(project, ['PostgresCluster'], /^postgres-operator\.crunchydata\.com\//)) {
    const backups = get(entry.object.node, 'spec', 'backups');
    out.push({ engine: 'PostgreSQL', found: foundObject(entry), selfBackup: backups ? { ...foundObject(entry, keySpan(get(entry.object.node, 'spec'), 'backups')), label: `PostgresCluster ${objectName(entry)} pgBackRest backups` } : undefined });
  }
  for (const chart of charts(project)) {
    for (const dependency of chartDependencies(project, chart)) {
      const engine = DATABASE_CHARTS[dependency.name];
      if (!engine || !dependency.enabled) continue;
      const values = chartValues(project, chart);
      const backup = values ? get(values.root, dependency.key, 'backup', 'enabled') : undefined;
      const selfBackup: Found | undefined =
        values && str(backup) === 'true'
          ? { source: values.source, span: keySpan(get(values.root, dependency.key), 'backup'), label: `the ${dependency.name} chart's backup CronJob (\`${dependency.key}.backup.enabled\`)` }
          : undefined;
      out.push({ engine, found: { source: chart.source, span: dependency.span, label: `Helm dependency "${dependency.name}" of chart "${chart.name}"` }, selfBackup });
    }
  }
  for (const source of deployedComposeFiles(project)) {
    for (const service of composeServices(source)) {
      const store = dataStoreOf(service.image);
      if (!store || !DATABASE_ENGINES.has(store.engine)) continue;
      if (store.clients.includes(path.posix.basename(service.command.split(/\s+/)[0] ?? ''))) continue;
      if (store.engine === 'Redis' && service.volumes === 0) continue;
      out.push({ engine: store.engine, found: { source, span: service.span, label: `Compose service "${service.name}"` } });
    }
  }
  return out;
}

export function backups(project: ProjectView): Backup[] {
  const out: Backup[] = [];
  for (const entry of objectsOf(project, ['CronJob'])) {
    const name = objectName(entry);
    const lines = containerCommandLines(entry);
    const text = lines.map((l) => `${l.image ?? ''} ${l.command}`).join('\n');
    const tool = TOOLS.find((t) => t.pattern.test(text));
    if (tool) {
      out.push({ found: foundObject(entry), tool: tool.tool, engines: tool.engines });
      continue;
    }
    const image = lines.map((l) => l.image).find((i) => i !== undefined && BACKUP_IMAGE.test(i.split(':')[0] ?? ''));
    if (image || /backup/i.test(name)) out.push({ found: foundObject(entry), tool: image ? `image ${image}` : 'a backup job', engines: '*' });
  }
  for (const entry of objectsOf(project, ['Schedule'], /^velero\.io\//)) out.push({ found: { ...foundObject(entry), label: `Velero Schedule ${objectName(entry)}` }, tool: 'Velero', engines: '*' });
  for (const entry of objectsOf(project, ['Schedule'], /^k8up\.io\//)) out.push({ found: { ...foundObject(entry), label: `K8up Schedule ${objectName(entry)}` }, tool: 'K8up', engines: '*' });
  for (const entry of objectsOf(project, ['BackupConfiguration'], /^stash\.appscode\.com\//)) out.push({ found: foundObject(entry), tool: 'Stash', engines: '*' });
  for (const entry of objectsOf(project, ['SnapshotSchedule'], /^snapscheduler\.backube\//)) out.push({ found: foundObject(entry), tool: 'volume snapshots', engines: '*' });
  for (const entry of objectsOf(project, ['RecurringJob'], /^longhorn\.io\//)) {
    if (/backup|snapshot/.test(str(get(entry.object.node, 'spec', 'task')) ?? '')) out.push({ found: foundObject(entry), tool: 'Longhorn', engines: '*' });
  }
  for (const entry of objectsOf(project, ['ScheduledBackup'], /^postgresql\.cnpg\.io\//)) out.push({ found: foundObject(entry), tool: 'CloudNativePG', engines: ['PostgreSQL'] });
  for (const source of deployedComposeFiles(project)) {
    for (const service of composeServices(source)) {
      const tool = TOOLS.find((t) => t.pattern.test(service.command));
      const image = service.image && BACKUP_IMAGE.test(service.image.split(':')[0] ?? '') ? service.image : undefined;
      if (tool || image) out.push({ found: { source, span: service.span, label: `Compose service "${service.name}"` }, tool: tool?.tool ?? `image ${image}`, engines: tool?.engines ?? '*' });
    }
  }
  for (const file of project.files()) {
    if (!file.production || !/^(backup|db[-_]backup|backup[-_].*)\.(sh|bash|py|js|ts|rb|ps1)$|^backup$/i.test(path.posix.basename(file.path))) continue;
    const source = project.source(file.path);
    if (!source) continue;
    const tool = TOOLS.find((t) => t.pattern.test(source.text));
    out.push({ found: { source, label: `backup script ${file.path}` }, tool: tool?.tool ?? 'a backup script', engines: tool?.engines ?? '*' });
  }
  for (const source of productionSources(project, ['ci'])) {
    if (!/\b(schedule|cron):/.test(source.text)) continue;
    const tool = TOOLS.find((t) => t.pattern.test(source.text));
    if (!tool) continue;
    out.push({ found: { source, span: lineSpanOf(source.text, tool.pattern), label: `scheduled CI job in ${source.path}` }, tool: tool.tool, engines: tool.engines });
  }
  return out;
}

export function covers(backup: Backup, engine: string): boolean {
  return backup.engines === '*' || backup.engines.includes(engine);
}
