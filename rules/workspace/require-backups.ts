import { defineRule } from '../define-rule';
import { backups, covers, databases, type Database } from './support/backups';
import { describe } from './support/stack';

export default defineRule({
  id: 'workspace/require-backups',
  target: 'workspace',
  meta: {
    item: 'data.backup',
    severity: 'error',
    description: 'Require an automated backup for every database the stack runs.',
    rationale:
      'A database on a volume survives restarts, not a deleted volume, a bad migration, a ransomware run or a region outage. Without a scheduled backup (and one that is restored now and then) the data is gone for good the first time one of those happens.',
    remediation:
      'Schedule backups next to the database: a CronJob running `pg_dump`/`mysqldump`/`mongodump` to object storage, WAL-G or pgBackRest for point-in-time recovery, the operator\'s backup section (CloudNativePG `backup:` + ScheduledBackup), or a Velero Schedule for the volumes. Document and rehearse the restore.',
    fixable: false,
  },
  messages: {
    uncovered:
      '{{database}} runs {{engine}}, but the backups in this workspace ({{backups}}) do not cover it, so its data is lost for good with its volume. Add a scheduled {{tool}} job for it, or a volume backup (Velero, restic).',
  },
  check(ctx) {
    const project = ctx.project;
    const stores = databases(project);
    const jobs = backups(project);
    for (const job of jobs) ctx.evidence({ span: job.found.span, source: job.found.source, note: `${job.found.label} backs up with ${job.tool}` });
    for (const store of stores) if (store.selfBackup) ctx.evidence({ span: store.selfBackup.span, source: store.selfBackup.source, note: `${store.selfBackup.label} backs up ${store.engine}` });
    const uncovered = stores.filter((s) => !s.selfBackup && !jobs.some((j) => covers(j, s.engine)));
    if (uncovered.length === 0) return;
    const backedUp = jobs.length > 0 || stores.some((s) => s.selfBackup);
    if (!backedUp) {
      ctx.missing(
        `${listDatabases(uncovered)} ${uncovered.length === 1 ? 'holds' : 'hold'} data but nothing backs ${uncovered.length === 1 ? 'it' : 'them'} up: no CronJob running pg_dump, mysqldump, mongodump, WAL-G or pgBackRest, no Velero Schedule, no operator backup and no backup script. A lost volume or a bad migration loses the data for good.`,
      );
      return;
    }
    const others = [...jobs.map((j) => j.found.label), ...stores.filter((s) => s.selfBackup).map((s) => s.selfBackup?.label ?? '')].slice(0, 3).join(', ');
    for (const store of uncovered) {
      if (!store.found.span) continue;
      ctx.report({ span: store.found.span, source: store.found.source, messageId: 'uncovered', data: { database: store.found.label, engine: store.engine, backups: others, tool: TOOL_FOR[store.engine] ?? 'dump' } });
    }
  },
});

const TOOL_FOR: Readonly<Record<string, string>> = {
  PostgreSQL: '`pg_dump` (or WAL-G)',
  MySQL: '`mysqldump`',
  MariaDB: '`mariadb-dump`',
  MongoDB: '`mongodump`',
  Redis: '`redis-cli --rdb`',
  Cassandra: '`nodetool snapshot`',
  ClickHouse: '`clickhouse-backup`',
  CockroachDB: '`BACKUP INTO`',
  InfluxDB: '`influx backup`',
  CouchDB: '`couchbackup`',
  Neo4j: '`neo4j-admin database dump`',
};

function listDatabases(stores: readonly Database[]): string {
  const named = stores.slice(0, 3).map((s) => `${s.engine} (${describe(s.found)})`);
  const more = stores.length > 3 ? ` and ${stores.length - 3} more` : '';
  return `${named.join(', ')}${more}`;
}
