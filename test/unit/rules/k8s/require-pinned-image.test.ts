import rule from '../../../../rules/k8s/require-pinned-image';
import { RuleTester } from '../../rule-tester';

const ORDERS_API = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
      containers:
        - name: api
          image: ${image}
          ports:
            - containerPort: 8080
`;

const CHART = 'charts/orders/';
const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "orders.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
`;
const chart = (appVersion: string) => `apiVersion: v2\nname: orders\nversion: 0.3.0\nappVersion: "${appVersion}"\n`;
const chartFiles = (values: string, appVersion = '1.4.2') => ({ [`${CHART}Chart.yaml`]: chart(appVersion), [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'deploy/orders-api.yaml' }).run(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      image: busybox:1.36.1\n',
    { name: 'a digest', code: ORDERS_API('ghcr.io/acme/orders-api@sha256:3b1f0d4c7e2a9c5d8f6e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f') },
    { name: 'a tag and a digest', code: ORDERS_API('nginx:1.27.0-alpine@sha256:3b1f0d4c7e2a9c5d8f6e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f') },
    { name: 'a registry with a port and a tag', code: ORDERS_API('registry.internal:5000/platform/orders-api:2024.06.1') },
    { name: 'a tag filled in by the pipeline', code: ORDERS_API('ghcr.io/acme/orders-api:${IMAGE_TAG}') },
    {
      name: 'Kustomize sets the tag of the base image',
      filename: 'deploy/base/deployment.yaml',
      code: ORDERS_API('ghcr.io/acme/orders-api'),
      files: { 'deploy/base/kustomization.yaml': 'resources:\n  - deployment.yaml\nimages:\n  - name: ghcr.io/acme/orders-api\n    newTag: 1.4.2\n' },
    },
    { name: 'test manifests are not production', filename: 'test/fixtures/orders-api.yaml', code: ORDERS_API('ghcr.io/acme/orders-api:latest') },
    {
      name: 'Skaffold builds the image and deploys it under the tag it built',
      filename: 'k8s/orders-api.yaml',
      code: ORDERS_API('orders-api'),
      files: { 'skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: orders-api\n      context: services/orders\n  tagPolicy:\n    gitCommit: {}\nmanifests:\n  rawYaml:\n    - k8s/*.yaml\n' },
    },
    {
      name: 'Skaffold: an artifact of a profile',
      filename: 'k8s/orders-api.yaml',
      code: ORDERS_API('orders-api'),
      files: { 'skaffold.yaml': 'apiVersion: skaffold/v2beta29\nkind: Config\nprofiles:\n  - name: dev\n    build:\n      artifacts:\n        - image: orders-api\n' },
    },
    { name: 'Tilt builds the image', filename: 'k8s/orders-api.yaml', code: ORDERS_API('orders-api'), files: { Tiltfile: "docker_build('orders-api', 'services/orders')\nk8s_yaml('k8s/orders-api.yaml')\n" } },
    { name: 'ko builds the image from its import path', code: ORDERS_API('ko://github.com/acme/orders/cmd/api') },
    { name: 'Helm: a tag in values', filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  tag: 1.4.2\n') },
    { name: "Helm: an empty tag falls back to the chart's appVersion", filename: `${CHART}templates/deployment.yaml`, code: TEMPLATE, files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  tag: ""\n') },
    {
      name: 'Helm: an image built by an include cannot be read statically',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"', '{{ include "orders.image" . }}'),
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  tag: latest\n'),
    },
    {
      name: 'Helm: a digest from values',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace(':{{ .Values.image.tag | default .Chart.AppVersion }}', '@{{ .Values.image.digest }}'),
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  digest: sha256:3b1f0d4c7e2a9c5d8f6e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f\n'),
    },
  ],
  invalid: [
    {
      name: 'latest: the suggestion puts a placeholder tag to fill in',
      code: ORDERS_API('ghcr.io/acme/orders-api:latest'),
      errors: [{ messageId: 'latest', line: 17, column: 18, endLine: 17, endColumn: 48, message: 'Container "api" of Deployment "orders-api" runs `ghcr.io/acme/orders-api:latest`' }],
      output: ORDERS_API('ghcr.io/acme/orders-api:REPLACE_WITH_VERSION'),
    },
    {
      name: 'untagged, quoted',
      code: ORDERS_API('"nginx"'),
      errors: [{ messageId: 'untagged', line: 17, column: 18, endColumn: 25, message: 'runs `nginx` without a tag' }],
      output: ORDERS_API('"nginx:REPLACE_WITH_VERSION"'),
    },
    {
      name: 'Skaffold builds other images, not this one',
      filename: 'k8s/orders-api.yaml',
      code: ORDERS_API('nginx'),
      files: { 'skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: orders-api\n' },
      errors: [{ messageId: 'untagged', line: 17, column: 18, endColumn: 23, message: 'runs `nginx` without a tag' }],
      output: ORDERS_API('nginx:REPLACE_WITH_VERSION'),
    },
    {
      name: 'a registry port is not a tag',
      code: ORDERS_API('registry.internal:5000/platform/orders-api'),
      errors: [{ messageId: 'untagged', line: 17, column: 18 }],
      output: ORDERS_API('registry.internal:5000/platform/orders-api:REPLACE_WITH_VERSION'),
    },
    {
      name: 'init containers are checked too',
      code: ORDERS_API('ghcr.io/acme/orders-api:1.4.2').replace('      containers:\n', '      initContainers:\n        - name: wait-for-db\n          image: busybox\n      containers:\n'),
      errors: [{ messageId: 'untagged', line: 17, column: 18, endColumn: 25, message: 'Container "wait-for-db"' }],
      output: ORDERS_API('ghcr.io/acme/orders-api:1.4.2').replace('      containers:\n', '      initContainers:\n        - name: wait-for-db\n          image: busybox:REPLACE_WITH_VERSION\n      containers:\n'),
      evidence: ['container "api" of Deployment "orders-api" runs pinned image ghcr.io/acme/orders-api:1.4.2'],
    },
    {
      name: 'Helm: tag latest in values.yaml is reported at the tag key',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  pullPolicy: Always\n  tag: latest\n'),
      errors: [{ messageId: 'valuesUnpinned', file: `${CHART}values.yaml`, line: 4, column: 3, endColumn: 6, message: "The chart's default `image.tag` is `latest`, so container `{{ .Chart.Name }}`" }],
    },
    {
      name: "Helm: an empty tag falls back to an appVersion of latest",
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  tag: ""\n', 'latest'),
      errors: [{ messageId: 'valuesUnpinned', file: `${CHART}Chart.yaml`, line: 4, column: 1, endColumn: 11, message: "The chart's `appVersion` (Chart.yaml) is `latest`, and the empty default `image.tag` falls back to it" }],
    },
    {
      name: 'Helm: a whole image from values without a tag',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace('"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"', '{{ .Values.image }}'),
      files: chartFiles('image: ghcr.io/acme/orders-api\n'),
      errors: [{ messageId: 'valuesUnpinned', file: `${CHART}values.yaml`, line: 1, column: 1, endColumn: 6, message: 'names image `ghcr.io/acme/orders-api` without a tag' }],
    },
    {
      name: 'Helm: a literal latest tag after the repository expression',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE.replace(':{{ .Values.image.tag | default .Chart.AppVersion }}', ':latest'),
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n'),
      errors: [{ messageId: 'valuesUnpinned', line: 10, column: 18, message: 'The image `{{ .Values.image.repository }}:latest` is tagged `latest`' }],
    },
  ],
  evidence: [
    { name: 'a pinned image is evidence', code: ORDERS_API('ghcr.io/acme/orders-api:1.4.2'), evidence: ['container "api" of Deployment "orders-api" runs pinned image ghcr.io/acme/orders-api:1.4.2'] },
    {
      name: "Helm: the chart's appVersion as the tag",
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  tag: ""\n'),
      evidence: ['container `{{ .Chart.Name }}` of Deployment `{{ include "orders.fullname" . }}` runs the chart\'s appVersion 1.4.2 as its image tag'],
    },
    {
      name: 'Helm: a tag from values',
      filename: `${CHART}templates/deployment.yaml`,
      code: TEMPLATE,
      files: chartFiles('image:\n  repository: ghcr.io/acme/orders-api\n  tag: "1.4.2"\n'),
      evidence: ['container `{{ .Chart.Name }}` of Deployment `{{ include "orders.fullname" . }}` runs image tag 1.4.2 from values `image.tag`'],
    },
  ],
});
