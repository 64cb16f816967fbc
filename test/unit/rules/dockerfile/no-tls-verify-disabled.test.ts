import rule from '../../../../rules/dockerfile/no-tls-verify-disabled';
import { RuleTester } from '../../rule-tester';

const PYTHON_SERVICE = `FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY certs/corp-root.crt /usr/local/share/ca-certificates/corp-root.crt
RUN update-ca-certificates
RUN curl -fsSL --cacert /usr/local/share/ca-certificates/corp-root.crt -o /tmp/wheel.whl https://pkgs.corp.example/wheel.whl
RUN pip install --no-cache-dir --cert /etc/ssl/certs/ca-certificates.crt -r requirements.txt
CMD ["python", "-m", "app"]
`;

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    { name: 'trusts a private CA instead', code: PYTHON_SERVICE },
    { name: 'k as the value of -o or -H', code: 'FROM alpine:3.20\nRUN curl -fsSLo k https://example.com/k && curl -H k:v -sSfo /tmp/x https://example.com\nRUN curl -sSLok https://example.com/file\n' },
    { name: 'k after --', code: 'FROM alpine:3.20\nRUN curl -fsSL -- -k\n' },
    { name: 'strict-ssl kept on', code: 'FROM node:20.11-slim\nRUN npm config set strict-ssl true && npm config set cafile /etc/ssl/certs/corp.pem\n' },
    { name: 'sslVerify kept on', code: 'FROM alpine/git:2.45.2\nRUN git config --global http.sslVerify true\n' },
    { name: 'verification switches left on', code: 'FROM node:20.11-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 GIT_SSL_NO_VERIFY=false NPM_CONFIG_STRICT_SSL=true\n' },
    { name: 'a reference is not a value', code: 'FROM node:20.11-slim\nARG NODE_TLS_REJECT_UNAUTHORIZED\nENV NODE_TLS_REJECT_UNAUTHORIZED=${NODE_TLS_REJECT_UNAUTHORIZED}\n' },
    { name: 'curl -k in a HEALTHCHECK is not a RUN', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -fk https://localhost/healthz || exit 1\n' },
  ],
  invalid: [
    {
      name: 'curl -k',
      code: 'FROM node:20\nRUN curl -k -fsSL https://deb.nodesource.com/setup_20.x -o /tmp/setup.sh\n',
      errors: [{ messageId: 'curlInsecure', line: 2, column: 10, endLine: 2, endColumn: 12, message: '`curl -k`' }],
      output: 'FROM node:20\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x -o /tmp/setup.sh\n',
    },
    {
      name: 'k inside combined short options, and --insecure',
      code: 'FROM debian:12-slim\nRUN curl -fsSLk https://get.example.com/tool -o /usr/local/bin/tool \\\n && curl --insecure --retry 3 -O https://mirror.example.com/data.tgz\n',
      errors: [
        { messageId: 'curlInsecure', line: 2, column: 10, endColumn: 16, message: '`curl -fsSLk`' },
        { messageId: 'curlInsecure', line: 3, column: 10, endColumn: 20, message: '`curl --insecure`' },
      ],
      output: 'FROM debian:12-slim\nRUN curl -fsSL https://get.example.com/tool -o /usr/local/bin/tool \\\n && curl --retry 3 -O https://mirror.example.com/data.tgz\n',
    },
    {
      name: 'wget --no-check-certificate in a build stage',
      code: 'FROM golang:1.22 AS build\nRUN wget --no-check-certificate -qO /tmp/go.tgz https://dl.example.com/go.tgz\nRUN go build ./...\n\nFROM gcr.io/distroless/static-debian12\n',
      errors: [{ messageId: 'wgetNoCheck', line: 2, column: 10, endColumn: 32 }],
      output: 'FROM golang:1.22 AS build\nRUN wget -qO /tmp/go.tgz https://dl.example.com/go.tgz\nRUN go build ./...\n\nFROM gcr.io/distroless/static-debian12\n',
    },
    {
      name: 'pip --trusted-host',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --trusted-host pypi.corp.example --index-url https://pypi.corp.example/simple -r requirements.txt\nRUN python -m pip config set global.trusted-host pypi.corp.example\n',
      errors: [
        { messageId: 'pipTrustedHost', line: 2, column: 32, endColumn: 46 },
        { messageId: 'pipTrustedHost', line: 3, column: 30, endColumn: 49 },
      ],
    },
    {
      name: 'npm and yarn strict-ssl off',
      code: 'FROM node:20.11-slim\nRUN npm config set strict-ssl false && npm ci\nRUN npm --strict-ssl=false install -g pnpm@9\nRUN yarn config set enableStrictSsl false\n',
      errors: [
        { messageId: 'npmStrictSsl', line: 2, column: 20, endColumn: 36, message: 'makes npm accept' },
        { messageId: 'npmStrictSsl', line: 3, column: 9, endColumn: 27 },
        { messageId: 'npmStrictSsl', line: 4, column: 21, endColumn: 42, message: 'makes yarn accept' },
      ],
    },
    {
      name: 'git sslVerify off',
      code: 'FROM alpine/git:2.45.2\nRUN git config --global http.sslVerify false\nRUN git -c http.https://git.corp.example/.sslVerify=false clone https://git.corp.example/acme/app.git\n',
      errors: [
        { messageId: 'gitSslVerify', line: 2, column: 25, endColumn: 45 },
        { messageId: 'gitSslVerify', line: 3, column: 12, endColumn: 58 },
      ],
    },
    {
      name: 'environment switches in ENV, ARG and RUN',
      code: [
        'FROM node:20.11-slim',
        'ENV NODE_ENV=production NODE_TLS_REJECT_UNAUTHORIZED=0',
        'ARG GIT_SSL_NO_VERIFY=1',
        'RUN PYTHONHTTPSVERIFY=0 python3 fetch.py && export npm_config_strict_ssl=false && npm ci',
        'CMD ["node", "server.js"]',
      ].join('\n'),
      errors: [
        { messageId: 'envDisablesVerify', line: 2, column: 25, endColumn: 55, message: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate verification for every Node.js' },
        { messageId: 'envDisablesVerify', line: 3, column: 5, endColumn: 24, message: 'git' },
        { messageId: 'envDisablesVerify', line: 4, column: 5, endColumn: 24, message: 'Python' },
        { messageId: 'envDisablesVerify', line: 4, column: 52, endColumn: 79, message: 'npm registry' },
      ],
    },
  ],
});
