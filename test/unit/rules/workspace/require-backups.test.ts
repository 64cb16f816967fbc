import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../../rules/workspace/require-backups';
import { lintWorkspace } from '../../lint-workspace';
import { RuleTester } from '../../rule-tester';

const POSTGRES = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
spec:
  serviceName: orders-db
  replicas: 1
  selector:
    matchLabels: {app: orders-db}
  template:
    metadata:
      labels: {app: orders-db}
    spec:
      containers:
        - name: postgres
          image: postgres:16.3
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 20Gi
`;
const MONGO = POSTGRES.replace(/orders-db/g, 'sessions-db').replace('name: postgres\n          image: postgres:16.3', 'name: mongo\n          image: mongo:7.0.12').replace('/var/lib/postgresql/data', '/data/db');
const BACKUP_CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: orders-db-backup
spec:
  schedule: "15 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: dump
              image: postgres:16.3
              command: ["/bin/sh", "-c"]
              args:
                - pg_dump --format=custom "$DATABASE_URL" | aws s3 cp - "s3://acme-backups/orders/$(date +%F).dump"
`;
const REDIS_CACHE = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cache\nspec:\n  selector:\n    matchLabels: {app: cache}\n  template:\n    metadata:\n      labels: {app: cache}\n    spec:\n      containers:\n        - name: redis\n          image: redis:7.2.5\n          args: ["--save", ""]\n';
const CHART = (dependencies: string, values: string) => ({
  'charts/orders/Chart.yaml': `apiVersion: v2\nname: orders\nversion: 1.0.0\ndependencies:\n${dependencies}`,
  'charts/orders/values.yaml': values,
});
const PG_DEPENDENCY = '  - name: postgresql\n    version: 15.5.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n    condition: postgresql.enabled\n';

new RuleTester({ filename: 'k8s/db/postgres.yaml' }).run(rule, {
  valid: [
    { name: 'a pg_dump CronJob', code: POSTGRES, files: { 'k8s/db/backup-cronjob.yaml': BACKUP_CRONJOB } },
    { name: 'a Redis used as a cache keeps nothing to back up', filename: 'k8s/cache.yaml', code: REDIS_CACHE },
  ],
  invalid: [
    {
      name: 'the PostgreSQL backup does not cover MongoDB',
      code: POSTGRES,
      files: { 'k8s/db/backup-cronjob.yaml': BACKUP_CRONJOB, 'k8s/db/mongo.yaml': MONGO },
      errors: [
        {
          messageId: 'uncovered',
          file: 'k8s/db/mongo.yaml',
          line: 2,
          column: 7,
          endColumn: 18,
          message: 'StatefulSet "sessions-db" runs MongoDB, but the backups in this workspace (CronJob "orders-db-backup") do not cover it',
        },
      ],
      evidence: ['CronJob "orders-db-backup" backs up with pg_dump'],
    },
  ],
  evidence: [
    { name: 'a pg_dump CronJob', code: POSTGRES, files: { 'k8s/db/backup-cronjob.yaml': BACKUP_CRONJOB }, evidence: ['CronJob "orders-db-backup" backs up with pg_dump'] },
    {
      name: 'a Velero Schedule covers every volume',
      code: POSTGRES,
      files: { 'k8s/db/mongo.yaml': MONGO, 'k8s/velero.yaml': 'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: nightly\n  namespace: velero\nspec:\n  schedule: "0 3 * * *"\n  template:\n    includedNamespaces: [shop]\n    ttl: 720h\n' },
      evidence: ['Velero Schedule "nightly" backs up with Velero'],
    },
    {
      name: 'CloudNativePG with an object-store backup',
      filename: 'k8s/db/cluster.yaml',
      code: 'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: orders-db\nspec:\n  instances: 3\n  storage:\n    size: 20Gi\n  backup:\n    retentionPolicy: 30d\n    barmanObjectStore:\n      destinationPath: s3://acme-backups/orders\n',
      evidence: ['CloudNativePG Cluster "orders-db" backup backs up PostgreSQL'],
    },
    {
      name: 'the bitnami chart\'s backup CronJob is on',
      filename: 'charts/orders/values.yaml',
      code: 'postgresql:\n  enabled: true\n  backup:\n    enabled: true\n    cronjob:\n      schedule: "@daily"\n',
      files: { 'charts/orders/Chart.yaml': `apiVersion: v2\nname: orders\nversion: 1.0.0\ndependencies:\n${PG_DEPENDENCY}` },
      evidence: ["the postgresql chart's backup CronJob (`postgresql.backup.enabled`) backs up PostgreSQL"],
    },
    { name: 'a backup script', filename: 'scripts/backup-db.sh', code: '#!/bin/sh\nset -eu\npg_dump --format=custom "$DATABASE_URL" > "/backups/orders-$(date +%F).dump"\n', files: { 'k8s/db/postgres.yaml': POSTGRES }, evidence: ['backup script scripts/backup-db.sh backs up with pg_dump'] },
  ],
  missing: [
    { name: 'a PostgreSQL StatefulSet and no backup', code: POSTGRES, missing: 'PostgreSQL (StatefulSet "orders-db" in k8s/db/postgres.yaml) holds data but nothing backs it up' },
    {
      name: 'a Helm dependency on postgresql',
      filename: 'charts/orders/values.yaml',
      code: 'postgresql:\n  enabled: true\n  auth:\n    existingSecret: orders-db\n',
      files: { 'charts/orders/Chart.yaml': `apiVersion: v2\nname: orders\nversion: 1.0.0\ndependencies:\n${PG_DEPENDENCY}` },
      missing: 'PostgreSQL (Helm dependency "postgresql" of chart "orders" in charts/orders/Chart.yaml) holds data',
    },
    {
      name: 'a Compose database with a volume',
      filename: 'docker-compose.yml',
      code: 'services:\n  api:\n    build: .\n  db:\n    image: ${POSTGRES_IMAGE:-postgres:16.3}\n    volumes: [pgdata:/var/lib/postgresql/data]\n  cache:\n    image: redis:7.2.5\nvolumes:\n  pgdata: {}\n',
      missing: 'PostgreSQL (Compose service "db" in docker-compose.yml)',
    },
    { name: 'a one-off Job is not an automated backup', code: POSTGRES, files: { 'k8s/db/restore-test.yaml': BACKUP_CRONJOB.replace('kind: CronJob', 'kind: Job') }, missing: 'nothing backs it up' },
  ],
});

it('workspace/require-backups stays silent without a database', () => {
  const silent = (files: Record<string, string>) => {
    const result = lintWorkspace(rule, files);
    assert.deepEqual([...result.missing.values()], []);
    assert.deepEqual(result.findings, []);
  };
  silent({ 'k8s/cache.yaml': REDIS_CACHE, Dockerfile: 'FROM golang:1.22\n' });
  silent(CHART(PG_DEPENDENCY, 'postgresql:\n  enabled: false\n'));
  silent({ 'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:16.3\n    volumes: [pgdata:/var/lib/postgresql/data]\n' });
  silent({ 'k8s/db/backup-cronjob.yaml': BACKUP_CRONJOB });
  // A development environment by content: the service it builds runs the working tree with live reload.
  silent({ 'compose.yaml': 'services:\n  api:\n    build: ./api\n    volumes:\n      - ./api:/srv/api\n  db:\n    image: mongo:7.0.12\n    volumes:\n      - ./data:/data/db\n' });
});
