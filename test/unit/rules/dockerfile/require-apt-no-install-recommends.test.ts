import rule from '../../../../rules/dockerfile/require-apt-no-install-recommends';
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

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    { name: 'well-built Python service', code: PYTHON_SERVICE },
    'FROM debian:12\nRUN apt-get update',
    { name: 'ignores apk', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl' },
    { name: 'apt-get options before install', code: 'FROM ubuntu:24.04\nRUN apt-get -y -o Dpkg::Options::=--force-confnew --no-install-recommends install nginx\n' },
    { name: 'recommends turned off with -o', code: 'FROM ubuntu:24.04\nRUN apt-get install -y -o APT::Install-Recommends=false git\n' },
    {
      name: 'recommends turned off globally first',
      code: 'FROM debian:12-slim AS base\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\n\nFROM base\nRUN apt-get update && apt-get install -y ca-certificates\n',
    },
    { name: 'install is a package name, not the subcommand', code: 'FROM debian:12\nRUN apt-get -y remove install-info\n' },
    { name: 'apt-cache is not apt-get', code: 'FROM debian:12\nRUN apt-cache policy install\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y curl',
      errors: [{ messageId: 'missingFlag', line: 2, column: 5, endLine: 2, endColumn: 28 }],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl',
    },
    {
      name: 'reports each command in a chain',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install jq && apt-get install git',
      errors: [
        { messageId: 'missingFlag', column: 23 },
        { messageId: 'missingFlag', column: 45 },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends jq && apt-get install --no-install-recommends git',
    },
    {
      name: 'multi-line install in a build stage, with sudo and apt',
      code: 'FROM ubuntu:24.04 AS build\nRUN apt-get update \\\n && sudo apt-get -y install \\\n      build-essential \\\n      cmake\nRUN apt install -y ninja-build\n',
      errors: [
        { messageId: 'missingFlag', line: 3, column: 5, endLine: 5, endColumn: 12, message: '`apt-get install`' },
        { messageId: 'missingFlag', line: 6, column: 5, message: '`apt install`' },
      ],
      output:
        'FROM ubuntu:24.04 AS build\nRUN apt-get update \\\n && sudo apt-get -y install --no-install-recommends \\\n      build-essential \\\n      cmake\nRUN apt install --no-install-recommends -y ninja-build\n',
    },
    {
      name: 'global setting in another, unrelated stage does not count',
      code: 'FROM debian:12 AS tools\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\n\nFROM debian:12\nRUN apt-get install -y nginx\n',
      errors: [{ messageId: 'missingFlag', line: 5 }],
      output: 'FROM debian:12 AS tools\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\n\nFROM debian:12\nRUN apt-get install --no-install-recommends -y nginx\n',
    },
    {
      name: 'exec-form RUN: reported without a fix',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ messageId: 'missingFlag', line: 2, column: 6, endColumn: 40 }],
    },
  ],
});
