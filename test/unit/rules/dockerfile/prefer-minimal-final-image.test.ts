import rule from '../../../../rules/dockerfile/prefer-minimal-final-image';
import { RuleTester } from '../../rule-tester';

const GO_DISTROLESS = `FROM golang:1.22.5-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api
USER 65532:65532
ENTRYPOINT ["/api"]
`;

const JAVA_JRE = `FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre-jammy
COPY --from=build /src/target/app.jar /app/app.jar
USER 10001
CMD ["java", "-jar", "/app/app.jar"]
`;

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    { name: 'Go on distroless', code: GO_DISTROLESS },
    { name: 'Java on a JRE', code: JAVA_JRE },
    { name: 'Node full image is an interpreted runtime', code: 'FROM node:20.11\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n' },
    { name: 'Python full image is an interpreted runtime', code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["python", "-m", "app"]\n' },
    { name: 'Go built onto scratch', code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' },
    { name: 'a development Dockerfile may use the toolchain', code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nCMD ["go", "run", "./cmd/api"]\n', filename: 'Dockerfile.dev' },
    { name: 'a devcontainer may use the toolchain', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet tool install -g dotnet-ef\n', filename: '.devcontainer/Dockerfile' },
    { name: 'slim JDK image', code: 'FROM openjdk:17-slim\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' },
    { name: 'unresolvable base', code: 'ARG RUNTIME_IMAGE\nFROM ${RUNTIME_IMAGE}\nCOPY app /app\n' },
    { name: 'nginx serving static files', code: 'FROM node:20.11 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
  ],
  invalid: [
    {
      name: 'single-stage Go build runs on the SDK',
      code: 'FROM golang:1.22-bookworm\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/api ./cmd/api\nEXPOSE 8080\nCMD ["api"]\n',
      errors: [{ messageId: 'toolchainImage', line: 1, column: 6, endLine: 1, endColumn: 26, message: 'golang:1.22-bookworm' }],
    },
    {
      name: 'final stage builds on a toolchain stage',
      code: 'FROM rust:1.79 AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n\nFROM build\nCMD ["/src/target/release/api"]\n',
      errors: [{ messageId: 'toolchainImage', line: 6, column: 6, endColumn: 11, message: 'rust:1.79' }],
    },
    {
      name: 'Java service on a full JDK',
      code: 'FROM eclipse-temurin:21-jdk\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      errors: [{ messageId: 'toolchainImage', line: 1, message: 'Java (JDK)' }],
    },
    {
      name: 'Maven image in the final stage',
      code: 'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\nCMD ["java", "-jar", "target/app.jar"]\n',
      errors: [{ messageId: 'toolchainImage', line: 1, message: 'eclipse-temurin:<version>-jre' }],
    },
    {
      name: '.NET SDK image',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n',
      errors: [{ messageId: 'toolchainImage', line: 1, column: 6, endColumn: 38, message: 'dotnet/aspnet' }],
    },
  ],
  evidence: [
    { name: 'multi-stage onto distroless', code: GO_DISTROLESS, evidence: ['multi-stage build, final stage on gcr.io/distroless/static-debian12:nonroot'] },
    { name: 'multi-stage onto a JRE', code: JAVA_JRE, evidence: ['multi-stage build, final stage on eclipse-temurin:21-jre-jammy'] },
    { name: 'single-stage slim image', code: 'FROM python:3.12-slim-bookworm\nCOPY . /app\nCMD ["python", "/app/main.py"]\n', evidence: ['final stage on python:3.12-slim-bookworm'] },
    { name: 'alpine', code: 'FROM node:20.11-alpine3.20\nCOPY . /app\nCMD ["node", "/app/server.js"]\n', evidence: ['final stage on node:20.11-alpine3.20'] },
  ],
});
