import rule from '../../../../rules/dockerfile/require-non-root-user';
import { RuleTester } from '../../rule-tester';

const CART_DOCKERFILE = 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /cart ./cmd/cart\n\nFROM alpine:3.20\nCOPY --from=build /cart /cart\nENTRYPOINT ["/cart"]\n';
const CART_FIXED = CART_DOCKERFILE.replace('ENTRYPOINT', 'USER 10001\nENTRYPOINT');

/** Line 15 is the pod's `runAsNonRoot: true`. */
const cartDeployment = (image: string, securityContext = '      securityContext:\n        runAsNonRoot: true\n') => `apiVersion: apps/v1
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
${securityContext}      containers:
        - name: server
          image: ${image}
`;

const WORKER = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cart-compaction
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: compact
              image: registry.example.com/shop/cart:1.8.2
              args: ["compact"]
`;

const STAGED = `FROM node:20.11-slim AS base
WORKDIR /srv
COPY package*.json ./

FROM base AS dev
RUN npm install
COPY . .
CMD ["npm", "run", "dev"]
`;
const PROD_STAGE = 'FROM base AS prod\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n';
const DEV_TARGET_COMPOSE = 'services:\n  web:\n    build:\n      context: ./web\n      target: dev\n    ports:\n      - "3000:3000"\n';

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n',
    { name: 'numeric uid', code: 'FROM gcr.io/distroless/static:nonroot\nUSER 65532:65532\nENTRYPOINT ["/app"]\n' },
    {
      name: 'root only in the build stage',
      code: 'FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'inherits USER from an earlier stage',
      code: 'FROM python:3.12-slim AS base\nRUN useradd -u 10001 app\nUSER app\n\nFROM base\nCOPY . /srv\nCMD ["python", "-m", "srv"]\n',
    },
    {
      name: 'only a Compose service building the dev stage, the final one, builds the image',
      filename: 'web/Dockerfile',
      code: STAGED,
      files: { 'compose.yaml': DEV_TARGET_COMPOSE },
    },
  ],
  invalid: [
    {
      name: 'no USER at all',
      code: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 21 }],
      output: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'multi-stage: USER only in the build stage',
      code: 'FROM golang:1.22 AS build\nUSER builder\nRUN go build -o /app .\n\nFROM debian:12-slim\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'noUser', line: 5 }],
      output: 'FROM golang:1.22 AS build\nUSER builder\nRUN go build -o /app .\n\nFROM debian:12-slim\nCOPY --from=build /app /app\nUSER 10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'switches back to root',
      code: 'FROM ubuntu:24.04\nUSER app\nRUN make\nUSER root\nCMD ["/srv/run"]\n',
      errors: [{ messageId: 'rootUser', line: 4, column: 1, message: 'root' }],
      output: 'FROM ubuntu:24.04\nUSER app\nRUN make\nUSER 10001\nCMD ["/srv/run"]\n',
    },
    {
      name: 'no CMD: the fix appends USER',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
      errors: [{ messageId: 'noUser', line: 1 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 10001\n',
    },
    {
      name: 'no USER, though Kubernetes forces a non-root user where it deploys the image',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      files: { 'deploy/k8s/cart.yaml': cartDeployment('registry.example.com/shop/cart:1.8.2') },
      errors: [{ messageId: 'noUserOutsideKubernetes', line: 4, message: 'Kubernetes forces a non-root user at deploy/k8s/cart.yaml:15' }],
      output: CART_FIXED,
    },
    {
      name: 'USER root, though the container securityContext sets runAsUser',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE.replace('ENTRYPOINT', 'USER root\nENTRYPOINT'),
      files: {
        'deploy/k8s/cart.yaml': cartDeployment('registry.example.com/shop/cart:1.8.2', '').replace(
          '          image: registry.example.com/shop/cart:1.8.2\n',
          '          image: registry.example.com/shop/cart:1.8.2\n          securityContext:\n            runAsUser: 10001\n',
        ),
      },
      errors: [{ messageId: 'rootUserOutsideKubernetes', line: 6, message: 'deploy/k8s/cart.yaml:18' }],
      output: CART_DOCKERFILE.replace('ENTRYPOINT', 'USER 10001\nENTRYPOINT'),
    },
    {
      name: 'one workload running the image does not enforce non-root: the plain message',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      files: { 'deploy/k8s/cart.yaml': cartDeployment('registry.example.com/shop/cart:1.8.2'), 'deploy/k8s/compaction.yaml': WORKER },
      errors: [{ messageId: 'noUser', line: 4 }],
      output: CART_FIXED,
    },
    {
      name: 'the pod enforcing non-root runs another image: the plain message',
      filename: 'services/cart/Dockerfile',
      code: CART_DOCKERFILE,
      files: { 'deploy/k8s/cart.yaml': cartDeployment('registry.example.com/shop/checkout:2.0.1') },
      errors: [{ messageId: 'noUser', line: 4 }],
      output: CART_FIXED,
    },
    {
      name: 'Compose builds the dev stage, but the final stage is the production one',
      filename: 'web/Dockerfile',
      code: `${STAGED}\n${PROD_STAGE}`,
      files: { 'compose.yaml': DEV_TARGET_COMPOSE },
      errors: [{ messageId: 'noUser', line: 10 }],
      output: `${STAGED}\n${PROD_STAGE}`.replace('CMD ["node"', 'USER 10001\nCMD ["node"'),
    },
    {
      name: 'the dev-stage image also runs in Kubernetes',
      filename: 'web/Dockerfile',
      code: STAGED,
      files: { 'compose.yaml': DEV_TARGET_COMPOSE, 'deploy/web.yaml': cartDeployment('ghcr.io/acme/web:0.9.0', '').replace(/cart/g, 'web') },
      errors: [{ messageId: 'noUser', line: 5 }],
      output: STAGED.replace('CMD', 'USER 10001\nCMD'),
    },
  ],
  evidence: [{ name: 'reports the USER line', code: 'FROM alpine:3.20\nUSER 10001\nCMD ["/app"]\n', evidence: ['USER 10001'] }],
});
