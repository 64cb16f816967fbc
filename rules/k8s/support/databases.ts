import * as path from 'node:path';
import { isMap } from 'yaml';
import type { ProjectView } from '../../../server/src/engine/project';
import { get, items, str } from '../../../server/src/targets/yaml/nodes';
import { parseImage } from './images';
import { kustomizations } from './kustomize';

/** A stateful server recognisable by its image, and where it keeps its data. */
export interface DataStore {
  /** How messages name it: `PostgreSQL`. */
  engine: string;
  /** Default data directories of the official and the common vendor images. */
  dataPaths: readonly string[];
  /** Environment variable that moves the data directory, when the image has one (`PGDATA`). */
  dataEnv?: string;
  /** Command-line flags that move the data directory (`--datadir`, `-D`). */
  dataFlags?: readonly string[];
  /** For MinIO: the data directory is the argument after `server`. */
  positionalAfter?: string;
  /** Its client tools: a container whose command runs one of these is a client, not the server. */
  clients: readonly string[];
}

interface Entry extends DataStore {
  images: RegExp;
}

const STORES: readonly Entry[] = [
  {
    engine: 'PostgreSQL',
    images: /^(postgres|postgresql|postgresql-repmgr|postgis|timescaledb(-ha)?|pgvector|supabase-postgres)$/,
    dataPaths: ['/var/lib/postgresql/data', '/bitnami/postgresql', '/home/postgres/pgdata'],
    dataEnv: 'PGDATA',
    dataFlags: ['-D', '--pgdata'],
    clients: ['psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_isready', 'pg_basebackup'],
  },
  {
    engine: 'MySQL',
    images: /^(mysql|mysql-server|percona|percona-server)$/,
    dataPaths: ['/var/lib/mysql', '/bitnami/mysql'],
    dataFlags: ['--datadir'],
    clients: ['mysql', 'mysqldump', 'mysqladmin'],
  },
  {
    engine: 'MariaDB',
    images: /^(mariadb|mariadb-galera)$/,
    dataPaths: ['/var/lib/mysql', '/bitnami/mariadb'],
    dataFlags: ['--datadir'],
    clients: ['mysql', 'mariadb', 'mysqldump', 'mariadb-dump', 'mysqladmin'],
  },
  {
    engine: 'MongoDB',
    images: /^(mongo|mongodb|mongodb-community-server|mongodb-enterprise-server)$/,
    dataPaths: ['/data/db', '/bitnami/mongodb'],
    dataFlags: ['--dbpath'],
    clients: ['mongosh', 'mongo', 'mongodump', 'mongorestore'],
  },
  {
    engine: 'Redis',
    images: /^(redis|redis-stack-server|redis-stack|valkey|keydb)$/,
    dataPaths: ['/data', '/bitnami/redis/data', '/bitnami/valkey/data'],
    dataFlags: ['--dir'],
    clients: ['redis-cli', 'valkey-cli', 'keydb-cli'],
  },
  {
    engine: 'Elasticsearch',
    images: /^elasticsearch$/,
    dataPaths: ['/usr/share/elasticsearch/data', '/bitnami/elasticsearch/data'],
    clients: [],
  },
  { engine: 'OpenSearch', images: /^opensearch$/, dataPaths: ['/usr/share/opensearch/data', '/bitnami/opensearch/data'], clients: [] },
  { engine: 'Cassandra', images: /^(cassandra|scylla)$/, dataPaths: ['/var/lib/cassandra', '/var/lib/scylla', '/bitnami/cassandra'], clients: ['cqlsh', 'nodetool'] },
  { engine: 'RabbitMQ', images: /^rabbitmq$/, dataPaths: ['/var/lib/rabbitmq', '/bitnami/rabbitmq/mnesia'], clients: ['rabbitmqctl', 'rabbitmqadmin'] },
  {
    engine: 'Kafka',
    images: /^(kafka|cp-kafka|cp-server)$/,
    dataPaths: ['/var/lib/kafka', '/bitnami/kafka', '/var/lib/kafka/data', '/opt/kafka/data', '/kafka'],
    clients: ['kafka-topics', 'kafka-topics.sh', 'kafka-console-consumer', 'kafka-console-consumer.sh', 'kafka-console-producer.sh'],
  },
  { engine: 'etcd', images: /^etcd$/, dataPaths: ['/var/lib/etcd', '/etcd-data', '/bitnami/etcd'], dataEnv: 'ETCD_DATA_DIR', dataFlags: ['--data-dir'], clients: ['etcdctl', 'etcdutl'] },
  { engine: 'ClickHouse', images: /^(clickhouse|clickhouse-server)$/, dataPaths: ['/var/lib/clickhouse', '/bitnami/clickhouse'], clients: ['clickhouse-client'] },
  { engine: 'MinIO', images: /^minio$/, dataPaths: ['/data', '/bitnami/minio/data'], positionalAfter: 'server', clients: ['mc'] },
  { engine: 'CockroachDB', images: /^cockroach$/, dataPaths: ['/cockroach/cockroach-data'], clients: [] },
  { engine: 'ZooKeeper', images: /^(zookeeper|cp-zookeeper)$/, dataPaths: ['/data', '/var/lib/zookeeper', '/bitnami/zookeeper'], clients: ['zkCli.sh'] },
  { engine: 'Neo4j', images: /^neo4j$/, dataPaths: ['/data'], clients: ['cypher-shell'] },
  { engine: 'InfluxDB', images: /^influxdb$/, dataPaths: ['/var/lib/influxdb2', '/var/lib/influxdb'], clients: ['influx'] },
  { engine: 'CouchDB', images: /^couchdb$/, dataPaths: ['/opt/couchdb/data'], clients: [] },
];

/**
 * The data store an image runs, by the last segment of its name (`postgres:16`,
 * `bitnami/postgresql`, `docker.io/library/redis`), or undefined. Caches that keep
 * nothing by design (memcached) are not data stores.
 */
export function dataStoreOf(image: string | undefined): DataStore | undefined {
  if (!image) return undefined;
  const ref = parseImage(image);
  if (!ref) return undefined;
  const entry = STORES.find((s) => s.images.test(ref.base));
  return entry;
}

/** Whether a store is Redis or one of its forks. */
export function isRedis(store: DataStore): boolean {
  return store.engine === 'Redis';
}

/**
 * Splits a command line into words as a POSIX shell would for the simple cases
 * manifests hold: quotes group and are removed, so `--save ""` gives `--save` and ``.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (/\s/.test(c) || c === ';' || c === '&' || c === '|') {
      if (started || current !== '') words.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (started || current !== '') words.push(current);
  return words;
}

const REDIS_CONFIGS = new WeakMap<ProjectView, ReadonlyMap<string, string>>();

/**
 * The text of every ConfigMap of the workspace by name: ConfigMap objects' `data` values
 * and Kustomize `configMapGenerator` entries (`files`, read from the workspace, and
 * `literals`), so a rule can read the configuration file a container mounts.
 */
export function configMapTexts(project: ProjectView): ReadonlyMap<string, string> {
  let texts = REDIS_CONFIGS.get(project);
  if (!texts) {
    texts = readConfigMapTexts(project);
    REDIS_CONFIGS.set(project, texts);
  }
  return texts;
}

function readConfigMapTexts(project: ProjectView): Map<string, string> {
  const texts = new Map<string, string>();
  const add = (name: string, text: string) => texts.set(name, `${texts.get(name) ?? ''}\n${text}`);
  for (const entry of project.k8sObjects()) {
    if (entry.object.kind !== 'ConfigMap') continue;
    const name = str(get(entry.object.node, 'metadata', 'name'));
    const data = get(entry.object.node, 'data');
    if (!name || !isMap(data)) continue;
    for (const pair of data.items) {
      const value = str(pair.value);
      if (value !== undefined) add(name, value);
    }
  }
  for (const { dir, root } of kustomizations(project)) {
    for (const generator of items(get(root, 'configMapGenerator'))) {
      const name = str(get(generator, 'name'));
      if (!name) continue;
      for (const item of items(get(generator, 'files'))) {
        const ref = str(item)?.replace(/^[^=]*=/, '');
        const content = ref ? project.source(path.posix.normalize(dir === '.' ? ref : `${dir}/${ref}`))?.text : undefined;
        if (content !== undefined) add(name, content);
      }
      for (const item of items(get(generator, 'literals'))) {
        const literal = str(item);
        if (literal) add(name, literal.replace('=', ' '));
      }
    }
  }
  return texts;
}

/**
 * Whether a Redis configuration (command-line words and the text of the config file it
 * reads) evicts any key under memory pressure (`maxmemory-policy allkeys-lru`): the
 * application then accepts losing any key at any time, so the Redis is a cache by
 * design and persistence would not keep what eviction throws away.
 */
export function redisEvictsAnyKey(words: readonly string[], configText: string | undefined): boolean {
  const flag = words.findIndex((w) => w === '--maxmemory-policy');
  if (flag >= 0 && /^allkeys-/i.test(words[flag + 1] ?? '')) return true;
  if (words.some((w) => /^--maxmemory-policy=allkeys-/i.test(w))) return true;
  return configText !== undefined && /^\s*maxmemory-policy\s+["']?allkeys-/im.test(configText);
}
