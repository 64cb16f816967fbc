import rule from '../../../../rules/dockerfile/no-add-url';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    {
      name: 'ADD of a local archive and COPY',
      code: 'FROM debian:12-slim\nADD rootfs.tar.gz /\nCOPY config/ /etc/app/\nCMD ["/usr/bin/app"]\n',
    },
    {
      name: 'remote file with a checksum',
      code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n    https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /tini\nRUN chmod +x /tini\nENTRYPOINT ["/tini", "--"]\n',
    },
    {
      name: 'git source pinned to a commit',
      code: 'FROM golang:1.22 AS build\nADD https://github.com/acme/protos.git#5e2b0d1c8a7f6e5d4c3b2a1908f7e6d5c4b3a291 /src/protos\nRUN go build ./...\n',
    },
    {
      name: 'download verified in a RUN',
      code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/helm.tgz https://get.helm.sh/helm-v3.15.2-linux-amd64.tar.gz \\\n && echo "2694b91c3e501cff57caf650e639604a274645f61af2ea4d601677b746b44fe2  /tmp/helm.tgz" | sha256sum -c -\n',
    },
    { name: 'a folder that looks like a scheme', code: 'FROM nginx:1.27\nADD http-docs/ /usr/share/nginx/html/\n' },
  ],
  invalid: [
    {
      name: 'remote file without checksum',
      code: 'FROM eclipse-temurin:21-jre\nADD https://repo1.maven.org/maven2/io/opentelemetry/javaagent/opentelemetry-javaagent/2.5.0/opentelemetry-javaagent-2.5.0.jar /otel/agent.jar\nCMD ["java", "-javaagent:/otel/agent.jar", "-jar", "/app.jar"]\n',
      errors: [{ messageId: 'remoteUrl', line: 2, column: 5, endLine: 2, endColumn: 126, message: 'opentelemetry-javaagent-2.5.0.jar' }],
    },
    {
      name: 'http URL in exec form, with variables',
      code: 'FROM alpine:3.20\nARG TINI_VERSION=v0.19.0\nADD ["http://github.com/krallin/tini/releases/download/${TINI_VERSION}/tini", "/tini"]\n',
      errors: [{ messageId: 'remoteUrl', line: 3, column: 6, endColumn: 77 }],
    },
    {
      name: 'several sources',
      code: 'FROM nginx:1.27\nADD https://example.com/a.conf https://example.com/b.conf /etc/nginx/conf.d/\n',
      errors: [
        { messageId: 'remoteUrl', line: 2, column: 5, endColumn: 31 },
        { messageId: 'remoteUrl', line: 2, column: 32, endColumn: 58 },
      ],
    },
    {
      name: 'git sources on a branch',
      code: 'FROM python:3.12-slim\nADD --keep-git-dir=true https://github.com/acme/ml-models.git#main /models\nADD git@github.com:acme/private-config.git /config\nCMD ["python", "-m", "serve"]\n',
      errors: [
        { messageId: 'gitSource', line: 2, column: 25, endColumn: 67 },
        { messageId: 'gitSource', line: 3, column: 5, endColumn: 43 },
      ],
    },
    {
      name: 'an empty checksum does not count',
      code: 'FROM alpine:3.20\nADD --checksum= https://dl.example.com/tool /usr/local/bin/tool\n',
      errors: [{ messageId: 'remoteUrl', line: 2 }],
    },
  ],
});
