import rule from '../../../../rules/k8s/no-ephemeral-database-storage';
import { RuleTester } from '../../rule-tester';

const POSTGRES = (volumes: string, claims = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
spec:
  serviceName: orders-db
  replicas: 1
  selector:
    matchLabels:
      app: orders-db
  template:
    metadata:
      labels:
        app: orders-db
    spec:
      containers:
        - name: postgres
          image: postgres:16.3
          env:
            - name: POSTGRES_DB
              value: orders
            - name: POSTGRES_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-db
                  key: password
          ports:
            - containerPort: 5432
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
${volumes}${claims}`;

const CLAIMS = `  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 20Gi
`;

const REDIS = (args: string, volumes = '      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: orders-cache\n') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-cache
spec:
  replicas: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: orders-cache
  template:
    metadata:
      labels:
        app: orders-cache
    spec:
      containers:
        - name: redis
          image: redis:7.2.5-alpine
${args}          ports:
            - containerPort: 6379
          volumeMounts:
            - name: data
              mountPath: /data
${volumes}`;

const CHART = 'charts/orders/';
const REDIS_TEMPLATE = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "orders.fullname" . }}-redis
spec:
  serviceName: {{ include "orders.fullname" . }}-redis
  template:
    spec:
      containers:
        - name: redis
          image: "{{ .Values.redis.image.repository }}:{{ .Values.redis.image.tag }}"
          volumeMounts:
            - name: data
              mountPath: /data
      {{- if not .Values.redis.persistence.enabled }}
      volumes:
        - name: data
          emptyDir: {}
      {{- end }}
  {{- if .Values.redis.persistence.enabled }}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: {{ .Values.redis.persistence.size }}
  {{- end }}
`;
const chartFiles = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: orders\nversion: 0.3.0\n', [`${CHART}values.yaml`]: values });
const redisValues = (enabled: boolean) => `redis:\n  image:\n    repository: redis\n    tag: 7.2.5-alpine\n  persistence:\n    enabled: ${enabled}\n    size: 8Gi\n`;

new RuleTester({ filename: 'deploy/orders-db.yaml' }).run(rule, {
  valid: [
    { name: 'PostgreSQL on volumeClaimTemplates', code: POSTGRES('', CLAIMS) },
    { name: 'Redis with AOF on a PersistentVolumeClaim', filename: 'deploy/orders-cache.yaml', code: REDIS('          args: ["--appendonly", "yes"]\n') },
    {
      name: 'a Redis cache that evicts any key under memory pressure keeps nothing worth persisting',
      filename: 'deploy/orders-cache.yaml',
      code: REDIS('          args: ["--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru", "--save", ""]\n', '      volumes:\n        - name: data\n          emptyDir: {}\n'),
    },
    {
      name: 'a Redis cache whose redis.conf comes from a configMapGenerator',
      filename: 'deploy/session-cache/deployment.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: session-cache\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: redis:7.2.5\n          command: ["redis-server", "/etc/redis/redis.conf"]\n          volumeMounts:\n            - name: scratch\n              mountPath: /var/lib/redis\n            - name: settings\n              mountPath: /etc/redis\n      volumes:\n        - name: scratch\n          emptyDir: {}\n        - name: settings\n          configMap:\n            name: session-cache-settings\n',
      files: {
        'deploy/session-cache/kustomization.yaml': 'resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: session-cache-settings\n    files:\n      - redis.conf\n',
        'deploy/session-cache/redis.conf': 'maxmemory 128mb\nmaxmemory-policy allkeys-lfu\nappendonly no\nsave ""\n',
      },
    },
    {
      name: 'memcached keeps nothing by design',
      filename: 'deploy/sessions.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sessions\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: memcached\n          image: memcached:1.6.29-alpine\n',
    },
    {
      name: 'a postgres image used as a client is not a database',
      filename: 'deploy/orders-db-exporter.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-db-check\nspec:\n  template:\n    spec:\n      containers:\n        - name: check\n          image: postgres:16.3\n          command: ["sh", "-c", "while true; do pg_isready -h orders-db; sleep 30; done"]\n',
    },
    {
      name: 'Jobs are not where data lives',
      filename: 'deploy/orders-db-restore.yaml',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: orders-db-restore-check\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: postgres\n          image: postgres:16.3\n',
    },
    {
      name: 'a data directory moved by a flag onto the claim',
      filename: 'deploy/orders-cache.yaml',
      code: REDIS('          args: ["--dir", "/var/lib/redis", "--appendonly", "yes"]\n').replace('mountPath: /data', 'mountPath: /var/lib/redis'),
    },
    {
      name: 'PGDATA moved below the mount',
      code: POSTGRES('', CLAIMS)
        .replace('            - name: POSTGRES_DB\n', '            - name: PGDATA\n              value: /pgdata/16\n            - name: POSTGRES_DB\n')
        .replace('mountPath: /var/lib/postgresql/data', 'mountPath: /pgdata'),
    },
    {
      name: 'a persistent volume mounted elsewhere may hold a custom data directory',
      code: POSTGRES('      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: orders-db\n').replace('mountPath: /var/lib/postgresql/data', 'mountPath: /srv/pg'),
    },
    { name: 'test manifests are not production', filename: 'test/e2e/orders-db.yaml', code: POSTGRES('      volumes:\n        - name: data\n          emptyDir: {}\n') },
    { name: 'Helm: persistence on by default', filename: `${CHART}templates/redis.yaml`, code: REDIS_TEMPLATE, files: chartFiles(redisValues(true)) },
  ],
  invalid: [
    {
      name: 'PostgreSQL data on an emptyDir',
      code: POSTGRES('      volumes:\n        - name: data\n          emptyDir: {}\n'),
      errors: [{ messageId: 'ephemeralVolume', line: 34, column: 11, endLine: 34, endColumn: 19, message: 'The data directory /var/lib/postgresql/data of PostgreSQL in container "postgres" of StatefulSet "orders-db" is on an emptyDir volume "data"' }],
    },
    {
      name: 'a database Deployment with no volume at all',
      filename: 'deploy/orders-mongo.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-mongo\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: mongo\n          image: mongo:7.0.12\n          ports:\n            - containerPort: 27017\n',
      errors: [{ messageId: 'noVolume', line: 10, column: 17, endColumn: 22, message: 'Container "mongo" of Deployment "orders-mongo" runs MongoDB with nothing mounted at its data directory /data/db' }],
    },
    {
      name: 'a generic ephemeral volume is deleted with the pod too',
      filename: 'deploy/search.yaml',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: search\nspec:\n  serviceName: search\n  template:\n    spec:\n      containers:\n        - name: opensearch\n          image: opensearchproject/opensearch:2.15.0\n          volumeMounts:\n            - name: data\n              mountPath: /usr/share/opensearch/data\n      volumes:\n        - name: data\n          ephemeral:\n            volumeClaimTemplate:\n              spec:\n                accessModes: ["ReadWriteOnce"]\n                resources:\n                  requests:\n                    storage: 50Gi\n',
      errors: [{ messageId: 'ephemeralVolume', line: 17, column: 11, endColumn: 20, message: 'of OpenSearch in container "opensearch" of StatefulSet "search" is on a generic ephemeral volume "data"' }],
    },
    {
      name: 'a Redis that evicts only keys with a TTL keeps the others: its storage matters',
      filename: 'deploy/orders-cache.yaml',
      code: REDIS('          args: ["--maxmemory-policy", "volatile-lru"]\n', '      volumes:\n        - name: data\n          emptyDir: {}\n'),
      errors: [{ messageId: 'ephemeralVolume', line: 28, message: 'The data directory /data of Redis in container "redis" of Deployment "orders-cache" is on an emptyDir volume "data"' }],
    },
    {
      name: 'Redis with persistence off',
      filename: 'deploy/orders-cache.yaml',
      code: REDIS('          args: ["--save", "", "--appendonly", "no"]\n'),
      errors: [{ messageId: 'persistenceOff', line: 20, column: 18, endColumn: 26, message: 'Container "redis" of Deployment "orders-cache" starts Redis with `--save ""` and without `--appendonly yes`' }],
    },
    {
      name: 'Redis with persistence off in a shell command',
      filename: 'deploy/orders-cache.yaml',
      code: REDIS('          command: ["sh", "-c"]\n          args:\n            - exec redis-server --save \'\' --maxmemory 256mb\n', ''),
      errors: [{ messageId: 'persistenceOff', line: 22, column: 15, message: 'starts Redis with `--save ""`' }],
    },
    {
      name: 'Helm: persistence off by default is reported at the values key',
      filename: `${CHART}templates/redis.yaml`,
      code: REDIS_TEMPLATE,
      files: chartFiles(redisValues(false)),
      errors: [{ messageId: 'valuesEphemeralVolume', file: `${CHART}values.yaml`, line: 6, column: 5, endColumn: 12, message: "With the chart's default `redis.persistence.enabled: false`, the data directory /data of Redis in container \"redis\"" }],
    },
    {
      name: 'Helm: volume mounts from values that mount nothing',
      filename: `${CHART}templates/redis.yaml`,
      code: REDIS_TEMPLATE.replace('            - name: data\n              mountPath: /data\n', '            {{- toYaml .Values.redis.volumeMounts | nindent 12 }}\n')
        .replace(/ {6}\{\{- if not [\s\S]*$/, ''),
      files: chartFiles(`${redisValues(false)}  volumeMounts: []\n`),
      errors: [{ messageId: 'valuesNoVolume', file: `${CHART}values.yaml`, line: 8, column: 3, endColumn: 15, message: "The chart's default `redis.volumeMounts` mounts nothing at /data" }],
    },
  ],
  evidence: [
    { name: 'a volume claim template is evidence', code: POSTGRES('', CLAIMS), evidence: ['volumeClaimTemplate "data" holds the PostgreSQL data of container "postgres" of StatefulSet "orders-db"'] },
    {
      name: 'a PersistentVolumeClaim is evidence',
      filename: 'deploy/orders-cache.yaml',
      code: REDIS('          args: ["--appendonly", "yes"]\n'),
      evidence: ['PersistentVolumeClaim "orders-cache" holds the Redis data of container "redis" of Deployment "orders-cache"'],
    },
  ],
});
