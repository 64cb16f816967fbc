import rule from '../../../../rules/k8s/require-pod-spreading';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = (replicas: string, podSpec = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: search-api
spec:
${replicas}  selector:
    matchLabels:
      app.kubernetes.io/name: search-api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: search-api
    spec:
${podSpec}      containers:
        - name: api
          image: ghcr.io/acme/search-api:3.0.4
          ports:
            - containerPort: 9200
`;

const SPREAD = `      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: search-api
`;

const ANTI_AFFINITY = `      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: search-api
`;

const CHART = 'helm/search/';
const CHART_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "search.fullname" . }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "search.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "search.selectorLabels" . | nindent 8 }}
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
`;
const chart = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: search\nversion: 1.0.0\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/search-api.yaml' }).run(rule, {
  valid: [
    { name: 'topology spread constraints', code: DEPLOYMENT('  replicas: 3\n', SPREAD) },
    { name: 'preferred pod anti-affinity', code: DEPLOYMENT('  replicas: 3\n', ANTI_AFFINITY) },
    { name: 'a single replica', code: DEPLOYMENT('  replicas: 1\n') },
    { name: 'node affinity alone is not about spreading, but one replica is fine', code: DEPLOYMENT('', '      affinity:\n        nodeAffinity: {}\n') },
    {
      name: 'Helm: the values set anti-affinity',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart('replicaCount: 3\naffinity:\n  podAntiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 100\n        podAffinityTerm:\n          topologyKey: kubernetes.io/hostname\n'),
    },
    {
      name: 'Helm: affinity built by an include cannot be read',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT.replace('{{- with .Values.affinity }}\n      affinity:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}', 'affinity:\n        {{- include "search.affinity" . | nindent 8 }}'),
      files: chart('replicaCount: 3\n'),
    },
    {
      name: 'a kustomize overlay adds the spread constraints',
      code: DEPLOYMENT('  replicas: 3\n'),
      files: {
        'deploy/kustomization.yaml': 'resources:\n  - search-api.yaml\npatches:\n  - path: spread.yaml\n',
        'deploy/spread.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: search-api\nspec:\n  template:\n    spec:\n${SPREAD}`,
      },
    },
  ],
  invalid: [
    {
      name: 'three replicas with nothing spreading them; the fix adds a hostname constraint',
      code: DEPLOYMENT('  replicas: 3\n'),
      errors: [{ messageId: 'notSpread', line: 2, column: 7, endLine: 2, endColumn: 17, message: 'Deployment "search-api" runs 3 replicas with neither podAntiAffinity nor topologySpreadConstraints' }],
      output: DEPLOYMENT('  replicas: 3\n').replace(
        '            - containerPort: 9200\n',
        '            - containerPort: 9200\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n              app.kubernetes.io/name: search-api\n',
      ),
    },
    {
      name: 'node affinity does not spread replicas',
      code: DEPLOYMENT('  replicas: 2\n', '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - {key: node-pool, operator: In, values: [search]}\n'),
      errors: [{ messageId: 'notSpread', line: 2 }],
      output: DEPLOYMENT('  replicas: 2\n', '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - {key: node-pool, operator: In, values: [search]}\n').replace(
        '            - containerPort: 9200\n',
        '            - containerPort: 9200\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n              app.kubernetes.io/name: search-api\n',
      ),
    },
    {
      name: 'Helm: the finding points at the empty affinity in values.yaml',
      filename: `${CHART}templates/deployment.yaml`,
      code: CHART_DEPLOYMENT,
      files: chart('replicaCount: 3\nimage:\n  repository: ghcr.io/acme/search-api\n  tag: 3.0.4\n\naffinity: {}\n'),
      errors: [{ messageId: 'valuesNotSpread', file: `${CHART}values.yaml`, line: 6, column: 1, endColumn: 9, message: "The chart's default `affinity` sets no podAntiAffinity" }],
    },
  ],
  evidence: [
    { name: 'spread constraints are evidence', code: DEPLOYMENT('  replicas: 3\n', SPREAD), evidence: ['topologySpreadConstraints spread the replicas of Deployment "search-api"'] },
    { name: 'anti-affinity is evidence', code: DEPLOYMENT('  replicas: 3\n', ANTI_AFFINITY), evidence: ['podAntiAffinity spreads the replicas of Deployment "search-api"'] },
  ],
});
