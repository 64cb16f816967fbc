import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../../rules/workspace/require-orchestration';
import { lintWorkspace } from '../../lint-workspace';
import { RuleTester } from '../../rule-tester';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  replicas: 2
  selector:
    matchLabels: {app: orders-api}
  template:
    metadata:
      labels: {app: orders-api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
`;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: orders-api\nspec:\n  selector: {app: orders-api}\n  ports:\n    - port: 80\n';
const COMPOSE = 'services:\n  api:\n    build: .\n    ports: ["8080:8080"]\n    depends_on: [db]\n  db:\n    image: postgres:16.3\n    volumes: [pgdata:/var/lib/postgresql/data]\nvolumes:\n  pgdata: {}\n';
const DOCKERFILE = 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';

new RuleTester({ filename: 'deploy/k8s/orders-api.yaml' }).run(rule, {
  valid: [DEPLOYMENT, { name: 'a README alone', filename: 'README.md', code: '# Orders\n' }],
  invalid: [],
  evidence: [
    { name: 'plain manifests: one note per file, workloads only', code: `${DEPLOYMENT}---\n${SERVICE}`, evidence: ['deployed with Kubernetes Deployment "orders-api"'] },
    {
      name: 'a Helm chart (its templates are covered by Chart.yaml)',
      filename: 'charts/orders/Chart.yaml',
      code: 'apiVersion: v2\nname: orders\nversion: 1.2.0\nappVersion: "1.4.2"\n',
      files: { 'charts/orders/values.yaml': 'replicaCount: 2\n', 'charts/orders/templates/deployment.yaml': DEPLOYMENT.replace('name: orders-api', 'name: {{ include "orders.fullname" . }}'), Dockerfile: DOCKERFILE },
      evidence: ['deployed with Helm chart "orders"'],
    },
    {
      name: 'a Kustomize base with its manifests',
      filename: 'deploy/base/kustomization.yaml',
      code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n  - service.yaml\n',
      files: { 'deploy/base/deployment.yaml': DEPLOYMENT, 'deploy/base/service.yaml': SERVICE },
      evidence: ['deployed with Kubernetes Deployment "orders-api"', 'deployed with Kustomize overlay (2 resources)'],
    },
    {
      name: 'an ECS service in Terraform',
      filename: 'infra/ecs.tf',
      code: 'resource "aws_ecs_service" "orders" {\n  name            = "orders-api"\n  cluster         = aws_ecs_cluster.main.id\n  desired_count   = 3\n}\n',
      files: { Dockerfile: DOCKERFILE, 'docker-compose.yml': COMPOSE },
      evidence: ['deployed with Terraform aws_ecs_service'],
    },
    { name: 'a library chart deploys nothing, a manifest does', code: DEPLOYMENT, files: { 'charts/common/Chart.yaml': 'apiVersion: v2\nname: common\ntype: library\nversion: 2.0.0\n' }, evidence: ['deployed with Kubernetes Deployment "orders-api"'] },
  ],
  missing: [
    { name: 'only Docker Compose', filename: 'docker-compose.yml', code: COMPOSE, files: { Dockerfile: DOCKERFILE }, missing: 'Only Docker Compose: docker-compose.yml runs the stack on a single host' },
    { name: 'a Dockerfile and nothing that deploys it', filename: 'Dockerfile', code: DOCKERFILE, files: { 'package.json': '{"name":"orders"}' }, missing: 'Dockerfile builds a service image, but nothing deploys it' },
    { name: 'a development Compose file is not a deployment', filename: 'services/api/Dockerfile', code: DOCKERFILE, files: { 'docker-compose.dev.yml': COMPOSE }, missing: 'services/api/Dockerfile builds a service image' },
    { name: 'manifests under test/ do not count', filename: 'Dockerfile', code: DOCKERFILE, files: { 'test/e2e/deployment.yaml': DEPLOYMENT }, missing: 'nothing deploys it' },
  ],
});

it('workspace/require-orchestration leaves a workspace with nothing to deploy alone', () => {
  const result = lintWorkspace(rule, { 'README.md': '# Notes\n', 'docs/adr/0001-record.md': '# ADR\n', '.devcontainer/Dockerfile': DOCKERFILE });
  assert.deepEqual([...result.missing.values()], []);
  assert.deepEqual(result.evidence, []);
});
