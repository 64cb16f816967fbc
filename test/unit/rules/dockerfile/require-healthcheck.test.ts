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
  ],
});
