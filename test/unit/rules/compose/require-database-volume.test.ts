import rule from '../../../../rules/compose/require-database-volume';
import { RuleTester } from '../../rule-tester';

const POSTGRES = (extra: string) => `services:
  api:
    image: ghcr.io/acme/orders-api:1.4.2
    environment:
      DATABASE_HOST: db
  db:
    image: postgres:16.4
    environment:
      POSTGRES_DB: orders
${extra}`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    { name: 'a named volume at the data directory', code: POSTGRES('    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n') },
    { name: 'a bind mount, long syntax', code: 'services:\n  mysql:\n    image: mysql:8.4\n    volumes:\n      - type: bind\n        source: ./data/mysql\n        target: /var/lib/mysql\n' },
    { name: 'a mount above the data directory (PostgreSQL 18 layout)', code: POSTGRES('    volumes:\n      - pgdata:/var/lib/postgresql\nvolumes:\n  pgdata:\n') },
    { name: 'PGDATA moved under the mounted volume', code: POSTGRES('      PGDATA: /srv/pg/data\n    volumes:\n      - pg:/srv/pg\nvolumes:\n  pg:\n') },
    { name: 'Redis as a pure cache with an eviction policy', code: 'services:\n  cache:\n    image: redis:7.2.5\n    command: redis-server --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru\n' },
    { name: 'Redis with a volume and default snapshots', code: 'services:\n  redis:\n    image: redis:7.2.5\n    volumes:\n      - redis-data:/data\nvolumes:\n  redis-data:\n' },
    {
      name: 'Redis configured by a mounted redis.conf in the workspace',
      code: 'services:\n  cache:\n    image: redis:7.2.5\n    command: ["redis-server", "/usr/local/etc/redis/redis.conf"]\n    volumes:\n      - ./redis.conf:/usr/local/etc/redis/redis.conf:ro\n',
      files: { 'redis.conf': '# cache only\nmaxmemory 512mb\nmaxmemory-policy allkeys-lfu\nsave ""\n' },
    },
    { name: 'a psql client container is not the database', code: 'services:\n  backup:\n    image: postgres:16.4\n    entrypoint: ["pg_dump", "-h", "db", "-f", "/backups/orders.sql"]\n' },
    { name: 'mongo-express is not MongoDB', code: 'services:\n  ui:\n    image: mongo-express:1.0.2\n' },
    { name: 'an ephemeral database in a test stack is intended', filename: 'docker-compose.test.yml', code: POSTGRES('    tmpfs:\n      - /var/lib/postgresql/data\n') },
    { name: 'the volume comes from the production overlay', code: POSTGRES(''), files: { 'compose.prod.yaml': 'services:\n  db:\n    volumes:\n      - /srv/orders/pg:/var/lib/postgresql/data\n' } },
  ],
  invalid: [
    {
      name: 'no volume: the suggestion mounts and declares a named volume',
      code: POSTGRES(''),
      errors: [{ messageId: 'noVolume', line: 6, column: 3, endLine: 6, endColumn: 5, message: 'Service "db" runs PostgreSQL with nothing mounted at /var/lib/postgresql/data' }],
      output: `${POSTGRES('    volumes:\n      - db-data:/var/lib/postgresql/data\n')}\nvolumes:\n  db-data:\n`,
    },
    {
      name: 'no volume, top-level volumes already declared: the suggestion adds to them',
      code: 'services:\n  mongo:\n    image: mongo:7.0.12\n  minio:\n    image: minio/minio:RELEASE.2024-08-03T04-33-23Z\n    command: server /data --console-address ":9001"\n    volumes:\n      - objects:/data\n\nvolumes:\n  objects:\n',
      errors: [{ messageId: 'noVolume', line: 2, column: 3, message: 'runs MongoDB with nothing mounted at /data/db' }],
      output: 'services:\n  mongo:\n    image: mongo:7.0.12\n    volumes:\n      - mongo-data:/data/db\n  minio:\n    image: minio/minio:RELEASE.2024-08-03T04-33-23Z\n    command: server /data --console-address ":9001"\n    volumes:\n      - objects:/data\n\nvolumes:\n  objects:\n  mongo-data:\n',
    },
    {
      name: 'the volumes present do not cover the data directory (init scripts only)',
      code: POSTGRES('    volumes:\n      - ./db/init:/docker-entrypoint-initdb.d:ro\n'),
      errors: [{ messageId: 'noVolume', line: 6, column: 3 }],
    },
    {
      name: 'an anonymous volume',
      code: 'services:\n  rabbitmq:\n    image: rabbitmq:3.13-management\n    volumes:\n      - /var/lib/rabbitmq\n',
      errors: [{ messageId: 'anonymousVolume', line: 5, column: 9, endColumn: 26, message: 'keeps RabbitMQ data at /var/lib/rabbitmq in an anonymous volume' }],
    },
    {
      name: 'tmpfs at the data directory, and a named volume on tmpfs',
      code: 'services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    tmpfs:\n      - /usr/share/elasticsearch/data\n  redis:\n    image: redis:7.2.5\n    volumes:\n      - scratch:/data\nvolumes:\n  scratch:\n    driver: local\n    driver_opts:\n      type: tmpfs\n      device: tmpfs\n',
      errors: [
        { messageId: 'tmpfs', line: 5, column: 9, message: 'Service "es" keeps Elasticsearch data at /usr/share/elasticsearch/data in memory' },
        { messageId: 'tmpfs', line: 9, column: 9, message: 'Service "redis" keeps Redis data at /data in memory' },
      ],
    },
    {
      name: 'Redis with persistence switched off',
      code: 'services:\n  redis:\n    image: redis:7.2.5\n    command: redis-server --save "" --appendonly no\n    volumes:\n      - redis-data:/data\nvolumes:\n  redis-data:\n',
      errors: [{ messageId: 'persistenceOff', line: 4, column: 14, endColumn: 52, message: 'Service "redis" starts Redis with snapshots off' }],
    },
  ],
  evidence: [
    {
      name: 'the volume is evidence',
      code: POSTGRES('    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n'),
      evidence: ['service "db" keeps PostgreSQL data at /var/lib/postgresql/data on volume "pgdata"'],
    },
    {
      name: 'a host directory is evidence',
      code: 'services:\n  valkey:\n    image: valkey/valkey:8.0\n    command: ["valkey-server", "--appendonly", "yes"]\n    volumes:\n      - /srv/valkey:/data\n',
      evidence: ['service "valkey" keeps Redis data at /data in host directory /srv/valkey'],
    },
  ],
});
