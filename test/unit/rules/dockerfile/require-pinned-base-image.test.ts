import rule from '../../../../rules/dockerfile/require-pinned-base-image';
import { RuleTester } from '../../rule-tester';

const GO_SERVICE = `# syntax=docker/dockerfile:1
FROM golang:1.22.5-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api
USER 65532:65532
ENTRYPOINT ["/api"]
`;

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    { name: 'multi-stage Go build with tags', code: GO_SERVICE },
    {
      name: 'pinned by digest',
      code: 'FROM python:3.12-slim@sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "app:app"]\n',
    },
    {
      name: 'stage references are not images',
      code: 'FROM node:20.11-slim AS deps\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n\nFROM deps AS runtime\nCOPY . .\nCMD ["node", "server.js"]\n\nFROM Runtime\n',
    },
    { name: 'scratch has no tag', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'ARG default resolves to a tag', code: 'ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine\nCMD ["node", "index.js"]\n' },
    { name: 'a build argument without default cannot be judged', code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCMD ["/app"]\n' },
    { name: 'default substitution with a tag', code: 'ARG JAVA_IMAGE\nFROM ${JAVA_IMAGE:-eclipse-temurin:21-jre}\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' },
    { name: 'registry with a port and a tag', code: 'FROM registry.internal:5000/platform/nginx:1.27.0\nCOPY dist/ /usr/share/nginx/html/\n' },
    { name: 'FROM with --platform', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build ./...\n' },
  ],
  invalid: [
    {
      name: 'untagged base image',
      code: 'FROM nginx\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY dist/ /usr/share/nginx/html/\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 11, message: '"nginx"' }],
    },
    {
      name: 'latest tag',
      code: 'FROM node:latest\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'latest', line: 1, column: 6, endLine: 1, endColumn: 17 }],
    },
    {
      name: 'each unpinned stage of a multi-stage build',
      code: 'FROM maven AS build\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\n\nFROM eclipse-temurin:LATEST\nCOPY --from=build /src/target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      errors: [
        { messageId: 'untagged', line: 1, column: 6, endColumn: 11 },
        { messageId: 'latest', line: 6, column: 6, endColumn: 28 },
      ],
    },
    {
      name: 'a registry image without tag',
      code: 'FROM --platform=linux/amd64 ghcr.io/acme/base-python\nCOPY . /srv\nCMD ["python", "-m", "srv"]\n',
      errors: [{ messageId: 'untagged', line: 1, column: 29, endColumn: 53, message: 'ghcr.io/acme/base-python' }],
      evidence: [],
    },
    {
      name: 'an ARG default that resolves to latest',
      code: 'ARG PYTHON_TAG=latest\nFROM python:${PYTHON_TAG}\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      errors: [{ messageId: 'latest', line: 2, column: 6, endColumn: 26, message: '"python"' }],
    },
    {
      name: 'reports the unpinned stage next to a pinned one',
      code: GO_SERVICE.replace('golang:1.22.5-bookworm', 'golang'),
      errors: [{ messageId: 'untagged', line: 2, column: 6, endColumn: 12 }],
      evidence: ['gcr.io/distroless/static-debian12 tag nonroot'],
    },
  ],
  evidence: [
    { name: 'tags', code: GO_SERVICE, evidence: ['golang tag 1.22.5-bookworm', 'gcr.io/distroless/static-debian12 tag nonroot'] },
    {
      name: 'digest',
      code: 'FROM nginx:1.27-alpine@sha256:2140dad235c130ac861018a4e13a6bc8aea3a35f3a40e20c1b060d51a7efd250\nCOPY dist/ /usr/share/nginx/html/\n',
      evidence: ['nginx pinned by digest'],
    },
  ],
});
