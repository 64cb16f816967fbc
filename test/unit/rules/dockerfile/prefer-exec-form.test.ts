import rule from '../../../../rules/dockerfile/prefer-exec-form';
import { RuleTester } from '../../rule-tester';

const GO_SERVICE = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api
USER 65532:65532
ENTRYPOINT ["/api"]
CMD ["serve", "--port=8080"]
`;

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    { name: 'exec-form ENTRYPOINT and CMD', code: GO_SERVICE },
    {
      name: 'shell form only in a build stage',
      code: 'FROM node:20.11 AS build\nWORKDIR /app\nCOPY . .\nCMD npm run build\n\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'shell form that hands PID 1 over with exec',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD exec gunicorn --bind 0.0.0.0:$PORT --workers 2 app:app\n',
    },
    { name: 'an earlier, overridden CMD does not matter', code: 'FROM node:20.11-slim\nCMD node old.js\nCMD ["node", "server.js"]\n' },
    { name: 'a CMD reset by a later ENTRYPOINT', code: 'FROM node:20.11-slim AS base\nCMD npm start\n\nFROM base\nENTRYPOINT ["node", "server.js"]\n' },
    { name: 'no CMD at all (inherited from the base image)', code: 'FROM nginx:1.27-alpine\nCOPY default.conf /etc/nginx/conf.d/default.conf\n' },
  ],
  invalid: [
    {
      name: 'shell-form CMD of a Node service',
      code: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD node dist/server.js\n',
      errors: [{ messageId: 'shellForm', line: 5, column: 1, endLine: 5, endColumn: 24, message: 'CMD uses the shell form' }],
      output: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "dist/server.js"]\n',
    },
    {
      name: 'shell-form ENTRYPOINT with quotes and a continuation',
      code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app/app.jar\nENTRYPOINT java -XX:MaxRAMPercentage=75 \\\n    -jar "/app/app.jar"\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 1, endLine: 4, endColumn: 24, message: 'ENTRYPOINT uses the shell form' }],
      output: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app/app.jar\nENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]\n',
    },
    {
      name: 'shell features: reported without a fix',
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD gunicorn --bind 0.0.0.0:$PORT app:app\n',
      errors: [{ messageId: 'shellForm', line: 3 }],
    },
    {
      name: 'a chain of commands: reported without a fix',
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD python manage.py migrate && python manage.py runserver 0.0.0.0:8000\n',
      errors: [{ messageId: 'shellForm', line: 3 }],
    },
    {
      name: 'shell-form CMD used as ENTRYPOINT arguments',
      code: 'FROM nginx:1.27-alpine\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD nginx -g "daemon off;"\n',
      errors: [{ messageId: 'shellCmdArgs', line: 3, column: 1, endColumn: 27 }],
      output: 'FROM nginx:1.27-alpine\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["nginx", "-g", "daemon off;"]\n',
      evidence: ['ENTRYPOINT ["/docker-entrypoint.sh"]'],
    },
    {
      name: 'shell-form ENTRYPOINT with a CMD: the conversion is a suggestion, the CMD is not reported',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /api .\nFROM alpine:3.20\nCOPY --from=build /api /usr/local/bin/api\nENTRYPOINT api\nCMD ["--port", "8080"]\n',
      errors: [{ messageId: 'shellForm', line: 5, message: 'ENTRYPOINT' }],
      output: 'FROM golang:1.22 AS build\nRUN go build -o /api .\nFROM alpine:3.20\nCOPY --from=build /api /usr/local/bin/api\nENTRYPOINT ["api"]\nCMD ["--port", "8080"]\n',
    },
    {
      name: 'inherited shell-form CMD',
      code: 'FROM python:3.12-slim AS base\nCMD python -m worker\n\nFROM base\nCOPY . /app\n',
      errors: [{ messageId: 'shellForm', line: 2 }],
      output: 'FROM python:3.12-slim AS base\nCMD ["python", "-m", "worker"]\n\nFROM base\nCOPY . /app\n',
    },
  ],
  evidence: [
    { name: 'exec-form ENTRYPOINT and CMD', code: GO_SERVICE, evidence: ['ENTRYPOINT ["/api"]', 'CMD ["serve", "--port=8080"]'] },
    {
      name: 'shell form with exec',
      code: 'FROM python:3.12-slim\nCMD exec gunicorn --bind 0.0.0.0:$PORT app:app\n',
      evidence: ['CMD exec gunicorn --bind 0.0.0.0:$PORT app:app (shell form handing PID 1 over with exec)'],
    },
    { name: 'a shell started in exec form is no evidence', code: 'FROM node:20.11-slim\nCMD ["sh", "-c", "node server.js"]\n', evidence: [] },
  ],
});
