import rule from '../../../../rules/dockerfile/require-non-root-user';
import { RuleTester } from '../../rule-tester';

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
  ],
  evidence: [{ name: 'reports the USER line', code: 'FROM alpine:3.20\nUSER 10001\nCMD ["/app"]\n', evidence: ['USER 10001'] }],
});
