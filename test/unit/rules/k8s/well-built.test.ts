import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { AnyRule } from '../../../../rules/define-rule';
import noEphemeralDatabaseStorage from '../../../../rules/k8s/no-ephemeral-database-storage';
import noHostNamespaces from '../../../../rules/k8s/no-host-namespaces';
import noPrivilegedContainer from '../../../../rules/k8s/no-privileged-container';
import noSecretsInEnv from '../../../../rules/k8s/no-secrets-in-env';
import noZeroTerminationGracePeriod from '../../../../rules/k8s/no-zero-termination-grace-period';
import requireHardenedSecurityContext from '../../../../rules/k8s/require-hardened-security-context';
import requirePinnedImage from '../../../../rules/k8s/require-pinned-image';
import requireProbes from '../../../../rules/k8s/require-probes';
import requireReadOnlyRootFilesystem from '../../../../rules/k8s/require-read-only-root-filesystem';
import requireReplicas from '../../../../rules/k8s/require-replicas';
import requireRunAsNonRoot from '../../../../rules/k8s/require-run-as-non-root';
import { classify } from '../../../../server/src/engine/classify';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { lintFile } from '../../../../server/src/engine/linter';
import { ParseCache } from '../../../../server/src/engine/parse-cache';
import { Project } from '../../../../server/src/engine/project';
import { SourceText } from '../../../../server/src/engine/source';
import type { Evidence, Finding } from '../../../../server/src/engine/types';

/** The per-workload Kubernetes rules, run together the way a scan runs them. */
const RULES: readonly AnyRule[] = [
  noEphemeralDatabaseStorage,
  noHostNamespaces,
  noPrivilegedContainer,
  noSecretsInEnv,
  noZeroTerminationGracePeriod,
  requireHardenedSecurityContext,
  requirePinnedImage,
  requireProbes,
  requireReadOnlyRootFilesystem,
  requireReplicas,
  requireRunAsNonRoot,
];

/** A well-built set of plain manifests: an API, its database, its cache, a migration Job and a backup CronJob. */
const MANIFESTS: ReadonlyMap<string, string> = new Map([
  [
    'deploy/orders-api.yaml',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: shop
  labels:
    app.kubernetes.io/name: orders-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: orders-api
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 40
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      initContainers:
        - name: migrate
          image: ghcr.io/acme/orders-api:1.4.2
          command: ["node", "dist/migrate.js"]
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: orders-db
                  key: url
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: NODE_ENV
              value: production
            - name: DATABASE_HOST
              value: orders-db.shop.svc.cluster.local
            - name: DATABASE_USER
              value: orders
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-db
                  key: password
            - name: REDIS_URL
              value: redis://orders-cache.shop.svc.cluster.local:6379/0
            - name: JWT_PUBLIC_KEY_FILE
              value: /etc/orders/jwt/public.pem
          envFrom:
            - secretRef:
                name: orders-api-env
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: 5
          lifecycle:
            preStop:
              sleep:
                seconds: 5
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 512Mi
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: jwt
              mountPath: /etc/orders/jwt
              readOnly: true
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
        - name: jwt
          secret:
            secretName: orders-jwt
---
apiVersion: v1
kind: Service
metadata:
  name: orders-api
  namespace: shop
spec:
  selector:
    app.kubernetes.io/name: orders-api
  ports:
    - name: http
      port: 80
      targetPort: http
`,
  ],
  [
    'deploy/orders-db.yaml',
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-db
  namespace: shop
spec:
  serviceName: orders-db
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-db
  template:
    metadata:
      labels:
        app.kubernetes.io/name: orders-db
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 999
        fsGroup: 999
      containers:
        - name: postgres
          image: postgres:16.3-bookworm@sha256:3b1f0d4c7e2a9c5d8f6e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f
          env:
            - name: POSTGRES_DB
              value: orders
            - name: POSTGRES_USER
              value: orders
            - name: POSTGRES_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-db
                  key: password
            - name: PGDATA
              value: /var/lib/postgresql/data/pgdata
          ports:
            - name: postgres
              containerPort: 5432
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          livenessProbe:
            exec:
              command: ["pg_isready", "-U", "orders"]
          readinessProbe:
            exec:
              command: ["pg_isready", "-U", "orders"]
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
            - name: run
              mountPath: /var/run/postgresql
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: run
          emptyDir: {}
        - name: tmp
          emptyDir: {}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 50Gi
`,
  ],
  [
    'deploy/orders-cache.yaml',
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: orders-cache
  namespace: shop
spec:
  serviceName: orders-cache
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-cache
  template:
    metadata:
      labels:
        app.kubernetes.io/name: orders-cache
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 999
        fsGroup: 999
      containers:
        - name: redis
          image: redis:7.2.5-alpine
          args: ["--appendonly", "yes", "--requirepass", "$(REDIS_PASSWORD)"]
          env:
            - name: REDIS_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: orders-cache
                  key: password
          ports:
            - name: redis
              containerPort: 6379
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          livenessProbe:
            tcpSocket:
              port: redis
          readinessProbe:
            exec:
              command: ["sh", "-c", "redis-cli -a \\"$REDIS_PASSWORD\\" ping"]
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 8Gi
`,
  ],
  [
    'deploy/orders-db-backup.yaml',
    `apiVersion: batch/v1
kind: CronJob
metadata:
  name: orders-db-backup
  namespace: shop
spec:
  schedule: "15 3 * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          securityContext:
            runAsNonRoot: true
            runAsUser: 999
          containers:
            - name: pg-dump
              image: postgres:16.3-bookworm
              command: ["sh", "-c", "pg_dump -Fc -h orders-db orders | gzip > /backup/orders-$(date +%F).dump.gz"]
              env:
                - name: PGPASSWORD
                  valueFrom:
                    secretKeyRef:
                      name: orders-db
                      key: password
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: ["ALL"]
              volumeMounts:
                - name: backup
                  mountPath: /backup
          volumes:
            - name: backup
              persistentVolumeClaim:
                claimName: orders-db-backup
`,
  ],
]);

const FIXTURES = join(__dirname, '../../../fixtures/charts');

/**
 * Lints a fixture chart as if it sat at `charts/<name>/` of a workspace: under
 * test/fixtures it would be test code, which no rule reports on.
 */
function lintChart(name: string): { findings: Finding[]; evidence: Evidence[] } {
  const root = join(FIXTURES, name);
  const texts = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else texts.set(`charts/${name}/${relative(root, full).split('\\').join('/')}`, readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return lintWorkspace(texts);
}

function lintWorkspace(texts: ReadonlyMap<string, string>): { findings: Finding[]; evidence: Evidence[] } {
  const workspace = { hasFile: (p: string) => texts.has(p), readText: (p: string) => texts.get(p) };
  const cache = new ParseCache();
  const project = new Project(texts.keys(), workspace, cache);
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  for (const [path, text] of texts) {
    const result = lintFile(new SourceText(path, text), classify(path, workspace), { rules: RULES, config: DEFAULT_CONFIG, workspace, cache, project });
    assert.deepEqual(result.problems, [], `${path} lints without problems`);
    findings.push(...result.findings);
    evidence.push(...result.evidence);
  }
  return { findings, evidence };
}

describe('per-workload Kubernetes rules on well-built and badly built workspaces', () => {
  it('well-built plain manifests get no finding from any of them', () => {
    const { findings, evidence } = lintWorkspace(MANIFESTS);
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule}: ${f.message}`),
      [],
    );
    const items = new Set(evidence.map((e) => e.item));
    for (const item of ['deploy.probes', 'deploy.security-context', 'container.non-root', 'container.read-only-fs', 'container.pinned-images', 'security.secrets', 'data.persistence', 'deploy.high-availability']) {
      assert.ok(items.has(item as Evidence['item']), `evidence for ${item}`);
    }
  });

  it('a well-built chart gets no finding from any of them, and evidence for every item they feed', () => {
    const { findings, evidence } = lintChart('well-built-api');
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule}: ${f.message}`),
      [],
    );
    const items = new Set(evidence.map((e) => e.item));
    for (const item of [
      'deploy.probes',
      'deploy.security-context',
      'container.non-root',
      'container.read-only-fs',
      'container.pinned-images',
      'security.secrets',
      'reliability.graceful-shutdown',
      'data.persistence',
      'deploy.high-availability',
    ]) {
      assert.ok(items.has(item as Evidence['item']), `evidence for ${item}`);
    }
  });

  it('a badly built chart gets findings that point at the keys of its values.yaml', () => {
    const { findings } = lintChart('bad-api');
    const values = 'charts/bad-api/values.yaml';
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}/${f.messageId}`).sort(),
      [
        `${values}:3:1 k8s/require-replicas/valuesSingle`,
        `${values}:8:3 k8s/require-pinned-image/valuesUnpinned`,
        `${values}:15:1 k8s/require-hardened-security-context/valuesIncomplete`,
        `${values}:15:1 k8s/require-read-only-root-filesystem/valuesWritable`,
        `${values}:15:1 k8s/require-run-as-non-root/valuesMissing`,
        `${values}:16:3 k8s/no-privileged-container/valuesPrivileged`,
        `${values}:18:1 k8s/no-host-namespaces/valuesHostNamespace`,
        `${values}:20:1 k8s/no-zero-termination-grace-period/valuesZero`,
        `${values}:29:3 k8s/no-secrets-in-env/valuesLiteral`,
        `${values}:31:1 k8s/require-probes/valuesMissing`,
        `${values}:32:1 k8s/require-probes/valuesMissing`,
        `${values}:53:5 k8s/no-ephemeral-database-storage/valuesEphemeralVolume`,
      ].sort(),
    );
    const severities = Object.fromEntries(findings.map((f) => [f.rule, f.severity]));
    assert.equal(severities['k8s/no-privileged-container'], 'error');
    assert.equal(severities['k8s/no-secrets-in-env'], 'error');
    assert.equal(severities['k8s/no-ephemeral-database-storage'], 'error');
    assert.equal(severities['k8s/require-probes'], 'warning');
    for (const finding of findings) assert.doesNotMatch(finding.message, /\{\{\w+\}\}/, 'every placeholder is filled');
  });
});
