import rule from '../../../../rules/dockerfile/require-package-cache-cleanup';
import { RuleTester } from '../../rule-tester';

const PYTHON_SERVICE = `FROM python:3.12-slim-bookworm
RUN apt-get update \\
 && apt-get install -y --no-install-recommends libpq5 \\
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER 10001
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
`;

const NODE_ALPINE = `FROM node:20.11-alpine3.20
RUN apk add --no-cache tini
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
USER node
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "server.js"]
`;

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    { name: 'well-built Python service', code: PYTHON_SERVICE },
    { name: 'well-built Node service on Alpine', code: NODE_ALPINE },
    {
      name: 'build stages are discarded',
      code: 'FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y protobuf-compiler\nRUN go build -o /api ./cmd/api\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /api /api\nENTRYPOINT ["/api"]\n',
    },
    {
      name: 'cache mounts keep caches out of the image',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install -y --no-install-recommends gcc\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    },
    { name: 'apk cache removed by hand', code: 'FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n' },
    { name: 'apt lists deleted with find', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git && find /var/lib/apt/lists -type f -delete\n' },
    { name: 'PIP_NO_CACHE_DIR in the environment', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1\nRUN pip install -r requirements.txt\n' },
    { name: 'PIP_NO_CACHE_DIR on the command', code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 python -m pip install poetry==1.8.3\n' },
    { name: 'dnf clean all', code: 'FROM registry.access.redhat.com/ubi9/ubi:9.4\nRUN dnf install -y nginx && dnf clean all\n' },
    { name: 'yum cache removed by hand', code: 'FROM amazonlinux:2023\nRUN yum -y install shadow-utils && rm -rf /var/cache/yum\n' },
    { name: 'pip download is not an install', code: 'FROM python:3.12-slim\nRUN pip download -d /wheels requests\n' },
    {
      name: 'inherited stage that cleaned up',
      code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\n\nFROM base\nCOPY app /app\n',
    },
  ],
  invalid: [
    {
      name: 'apt lists left behind',
      code: 'FROM node:20.11-bookworm-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl ca-certificates\nWORKDIR /app\n',
      errors: [{ messageId: 'aptLists', line: 3, column: 5, endLine: 3, endColumn: 68 }],
      output: 'FROM node:20.11-bookworm-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\n',
    },
    {
      name: 'cleanup in a later RUN is too late',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx\nRUN rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]\n',
      errors: [{ messageId: 'aptLists', line: 2, column: 23, endColumn: 71 }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'apk add without --no-cache',
      code: 'FROM nginx:1.27-alpine\nRUN apk add --update --virtual .tools curl jq\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      errors: [{ messageId: 'apkCache', line: 2, column: 5, endColumn: 46 }],
      output: 'FROM nginx:1.27-alpine\nRUN apk add --no-cache --update --virtual .tools curl jq\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
    },
    {
      name: 'pip install without --no-cache-dir, plain and through python -m',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --upgrade pip \\\n && python3 -m pip install -r requirements.txt\nCMD ["python", "-m", "app"]\n',
      errors: [
        { messageId: 'pipCache', line: 4, column: 5, endColumn: 30 },
        { messageId: 'pipCache', line: 5, column: 5, endColumn: 47 },
      ],
      output:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --upgrade pip \\\n && python3 -m pip install --no-cache-dir -r requirements.txt\nCMD ["python", "-m", "app"]\n',
    },
    {
      name: 'dnf and microdnf without clean all',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y java-21-openjdk-headless\nRUN dnf -y --setopt=tsflags=nodocs install shadow-utils\n',
      errors: [
        { messageId: 'yumCache', line: 2, message: '`microdnf clean all`' },
        { messageId: 'yumCache', line: 3, column: 5, endColumn: 56 },
      ],
      output:
        'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y java-21-openjdk-headless && microdnf clean all\nRUN dnf -y --setopt=tsflags=nodocs install shadow-utils && dnf clean all\n',
    },
    {
      name: 'the stage the final stage builds on ships too',
      code: 'FROM python:3.12-slim AS base\nRUN pip install gunicorn==22.0.0\n\nFROM base\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n',
      errors: [{ messageId: 'pipCache', line: 2 }],
      output: 'FROM python:3.12-slim AS base\nRUN pip install --no-cache-dir gunicorn==22.0.0\n\nFROM base\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n',
    },
    {
      name: 'heredoc RUN: reported, no append fix',
      code: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\n',
      errors: [{ messageId: 'aptLists', line: 4, column: 1 }],
      evidence: [],
    },
  ],
  evidence: [
    {
      name: 'cleaned caches',
      code: PYTHON_SERVICE,
      evidence: ['apt-get install followed by rm -rf /var/lib/apt/lists/*', 'pip install --no-cache-dir'],
    },
    { name: 'apk --no-cache', code: NODE_ALPINE, evidence: ['apk add --no-cache'] },
    {
      name: 'cache mount',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
      evidence: ['package cache kept out of the image with RUN --mount=type=cache'],
    },
  ],
});
