// Precision across the whole rule set: Dockerfiles built the way the rules ask
// (pinned base, minimal final image, non-root, HEALTHCHECK, exec form, cleaned caches,
// a .dockerignore, no secrets, TLS verified) must give no finding from any rule, and
// evidence for every container item.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../../rules';
import { classify } from '../../../../server/src/engine/classify';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { lintFile } from '../../../../server/src/engine/linter';
import { ParseCache } from '../../../../server/src/engine/parse-cache';
import { Project } from '../../../../server/src/engine/project';
import { SourceText } from '../../../../server/src/engine/source';

const NODE_API = `# syntax=docker/dockerfile:1.7
ARG NODE_VERSION=20.15.1
FROM node:\${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM node:\${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:\${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \\
    PORT=3000 \\
    DATABASE_PASSWORD_FILE=/run/secrets/db_password
RUN apt-get update \\
 && apt-get install -y --no-install-recommends tini ca-certificates \\
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\
  CMD ["node", "dist/healthcheck.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server.js"]
`;

const GO_WORKER = `# syntax=docker/dockerfile:1
FROM golang:1.22.5-bookworm@sha256:4b1f5a4a8b7c0c2b2c3e4d5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \\
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/worker ./cmd/worker

FROM gcr.io/distroless/static-debian12:nonroot@sha256:8dd8d3ca2cf283383304fd45a5c9c74d5f2cd9da8d3b077d720e264880077c65
COPY --from=build /out/worker /worker
USER 65532:65532
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["/worker", "healthcheck"]
ENTRYPOINT ["/worker"]
`;

const PYTHON_API = `FROM python:3.12.4-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \\
 && apt-get install -y --no-install-recommends libpq5 curl \\
 && rm -rf /var/lib/apt/lists/* \\
 && useradd --uid 10001 --create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=app:app . .
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -fsS http://localhost:8000/healthz || exit 1
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "orders.wsgi:application"]
`;

const JAVA_SERVICE = `FROM maven:3.9.8-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests

FROM eclipse-temurin:21.0.3_9-jre-jammy
RUN groupadd --system --gid 10001 app \\
 && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /app
COPY --from=build --chown=10001:10001 /src/target/orders-cache.jar /app/app.jar
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=40s --retries=3 \\
  CMD wget -qO- http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
`;

const NGINX_SPA = `FROM node:20.15.1-alpine3.20 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginxinc/nginx-unprivileged:1.27.0-alpine3.19
COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://localhost:8080/ || exit 1
CMD ["nginx", "-g", "daemon off;"]
`;

const RUST_API = `FROM rust:1.79-slim-bookworm AS build
WORKDIR /src
RUN apt-get update \\
 && apt-get install -y --no-install-recommends pkg-config libssl-dev \\
 && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cargo build --release --locked

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/objstore /usr/local/bin/objstore
USER nonroot
EXPOSE 9000
HEALTHCHECK CMD ["/usr/local/bin/objstore", "health"]
ENTRYPOINT ["/usr/local/bin/objstore"]
CMD ["serve", "--listen", "0.0.0.0:9000"]
`;

const WELL_BUILT: Record<string, string> = {
  'services/api/Dockerfile': NODE_API,
  'services/worker/Dockerfile': GO_WORKER,
  'services/orders/Dockerfile': PYTHON_API,
  'services/cache/Dockerfile': JAVA_SERVICE,
  'web/Dockerfile': NGINX_SPA,
  'objstore/Dockerfile': RUST_API,
};

const CONTAINER_ITEMS = ['container.non-root', 'container.pinned-images', 'container.minimal-image', 'container.healthcheck', 'container.build-hygiene'];

describe('well-built Dockerfiles', () => {
  for (const [file, code] of Object.entries(WELL_BUILT)) {
    it(`${file} gives no finding from any rule and evidence for every container item`, () => {
      const dir = file.slice(0, file.lastIndexOf('/'));
      const texts = new Map<string, string>([[file, code], [`${dir}/.dockerignore`, '.git\n.env\nnode_modules/\n']]);
      const workspace = { hasFile: (p: string) => texts.has(p), readText: (p: string) => texts.get(p) };
      const cache = new ParseCache();
      const result = lintFile(new SourceText(file, code), classify(file, workspace), {
        rules: ALL_RULES,
        config: DEFAULT_CONFIG,
        workspace,
        cache,
        project: new Project(texts.keys(), workspace, cache),
      });
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}: ${f.message}`),
        [],
      );
      const items = new Set<string>(result.evidence.map((e) => e.item));
      assert.deepEqual(
        CONTAINER_ITEMS.filter((item) => !items.has(item)),
        [],
        'container items without evidence',
      );
    });
  }
});
