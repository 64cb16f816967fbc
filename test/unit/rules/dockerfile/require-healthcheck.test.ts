import rule from '../../../../rules/dockerfile/require-healthcheck';
import { RuleTester } from '../../rule-tester';

const NODE_API = `FROM node:20.11-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
USER node
EXPOSE 3000
CMD ["node", "server.js"]
`;

const CART_DOCKERFILE = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /cart ./cmd/cart

FROM alpine:3.20
COPY --from=build /cart /cart
EXPOSE 7070
ENTRYPOINT ["/cart"]
`;

const CART_OUTPUT = CART_DOCKERFILE.replace('ENTRYPOINT', 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q --spider http://localhost:7070/healthz || exit 1\nENTRYPOINT');

const cartDeployment = (probe: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  selector:
    matchLabels:
      app: cart
  template:
    metadata:
      labels:
        app: cart
    spec:
      containers:
        - name: server
          image: registry.example.com/shop/cart:1.8.2
          ports:
            - containerPort: 7070
${probe}`;

const PROBES = `          readinessProbe:
            grpc:
              port: 7070
          livenessProbe:
            grpc:
              port: 7070
`;

const BACKEND_DOCKERFILE = `FROM node:20.11-slim
WORKDIR /usr/src/app
COPY package*.json ./
RUN npm ci
COPY . .
EXPOSE 4000
CMD ["npm", "run", "dev"]
`;

const LIVE_RELOAD_COMPOSE = `services:
  api:
    build: ./backend
    command: npm run dev
    ports:
      - "4000:4000"
    volumes:
      - ./backend:/usr/src/app
      - /usr/src/app/node_modules
    depends_on:
      - db
  db:
    image: postgres:16.2
`;

const PROD_COMPOSE = `services:
  api:
    build: ./backend
    restart: unless-stopped
    ports:
      - "4000:4000"
`;

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    {
      name: 'HEALTHCHECK in the final stage',
      code: NODE_API.replace('CMD', 'HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:3000/healthz || exit 1\nCMD'),
    },
    {
      name: 'HEALTHCHECK NONE is a deliberate opt-out',
      code: 'FROM python:3.12-slim\nCOPY . /app\n# Kubernetes probes cover this image.\nHEALTHCHECK NONE\nCMD ["python", "/app/worker.py"]\n',
    },
    {
      name: 'inherited from the stage the final one builds on',
      code: 'FROM nginx:1.27-alpine AS base\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n\nFROM base\nCOPY dist/ /usr/share/nginx/html/\n',
    },
    'ARG BASE=alpine:3.20\n',
    {
      name: 'no HEALTHCHECK, but a Deployment of the workspace probes the image',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      files: { 'deploy/k8s/cart.yaml': cartDeployment(PROBES) },
    },
    {
      name: 'only a live-reload Compose service builds the image',
      filename: 'backend/Dockerfile',
      code: BACKEND_DOCKERFILE,
      files: { 'docker-compose.yml': LIVE_RELOAD_COMPOSE },
    },
  ],
  invalid: [
    {
      name: 'no HEALTHCHECK: suggests one on the EXPOSEd port before CMD',
      code: NODE_API,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 21 }],
      output: NODE_API.replace('CMD', 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://localhost:3000/healthz || exit 1\nCMD'),
    },
    {
      name: 'HEALTHCHECK only in a build stage',
      code: 'FROM golang:1.22 AS build\nHEALTHCHECK CMD true\nRUN go build -o /api ./cmd/api\n\nFROM alpine:3.20\nCOPY --from=build /api /api\nEXPOSE 8080/tcp\nENTRYPOINT ["/api"]\n',
      errors: [{ messageId: 'missing', line: 5, column: 1, endColumn: 17 }],
      output:
        'FROM golang:1.22 AS build\nHEALTHCHECK CMD true\nRUN go build -o /api ./cmd/api\n\nFROM alpine:3.20\nCOPY --from=build /api /api\nEXPOSE 8080/tcp\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q --spider http://localhost:8080/healthz || exit 1\nENTRYPOINT ["/api"]\n',
    },
    {
      name: 'no CMD and no EXPOSE: appends with the default port',
      code: 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar',
      errors: [{ messageId: 'missing', line: 1 }],
      output: 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://localhost:8080/healthz || exit 1\n',
    },
    {
      name: 'distroless: no shell to run a probe, so no suggestion',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /api .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /api /api\nENTRYPOINT ["/api"]\n',
      errors: [{ messageId: 'missing', line: 4, column: 1, endColumn: 47 }],
    },
    {
      name: 'CRLF line endings',
      code: 'FROM python:3.12-slim\r\nEXPOSE 8000\r\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\r\n',
      errors: [{ messageId: 'missing', line: 1 }],
      output: 'FROM python:3.12-slim\r\nEXPOSE 8000\r\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://localhost:8000/healthz || exit 1\r\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\r\n',
    },
    {
      name: 'no HEALTHCHECK and no workload runs the image',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      errors: [{ messageId: 'missing', line: 6 }],
      output: CART_OUTPUT,
    },
    {
      name: 'the Deployment running the image has no probe',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      files: { 'deploy/k8s/cart.yaml': cartDeployment('') },
      errors: [{ messageId: 'missing', line: 6 }],
      output: CART_OUTPUT,
    },
    {
      name: 'a probed Deployment of another image says nothing for this one',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      files: { 'deploy/k8s/cart.yaml': cartDeployment(PROBES).replace('shop/cart:', 'shop/checkout:') },
      errors: [{ messageId: 'missing', line: 6 }],
      output: CART_OUTPUT,
    },
    {
      name: 'a production Compose file builds the image too',
      filename: 'backend/Dockerfile',
      code: BACKEND_DOCKERFILE,
      files: { 'docker-compose.yml': PROD_COMPOSE, 'docker-compose.dev.yml': LIVE_RELOAD_COMPOSE },
      errors: [{ messageId: 'missing', line: 1 }],
      output: BACKEND_DOCKERFILE.replace('CMD', 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://localhost:4000/healthz || exit 1\nCMD'),
    },
  ],
  evidence: [
    {
      name: 'the HEALTHCHECK line',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY worker /worker\nHEALTHCHECK --interval=30s --timeout=3s \\\n  CMD ["/worker", "healthcheck"]\nENTRYPOINT ["/worker"]\n',
      evidence: ['HEALTHCHECK --interval=30s --timeout=3s CMD ["/worker", "healthcheck"]'],
    },
    {
      name: 'inherited HEALTHCHECK',
      code: 'FROM nginx:1.27-alpine AS base\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n\nFROM base\nCOPY dist/ /usr/share/nginx/html/\n',
      evidence: ['HEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1'],
    },
    { name: 'HEALTHCHECK NONE gives no evidence', code: 'FROM redis:7.2\nHEALTHCHECK NONE\n', evidence: [] },
    {
      name: 'the Kubernetes probe of the container running the image',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      files: { 'deploy/k8s/cart.yaml': cartDeployment(PROBES) },
      evidence: ['container "server" of Deployment "cart" is probed by Kubernetes'],
    },
  ],
});
