import rule from '../../../../rules/dockerfile/no-curl-pipe-shell';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'Dockerfile' }).run(rule, {
  valid: [
    {
      name: 'download, verify, then run',
      code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://sh.rustup.rs \\\n && echo "a3cb081f88a6789d104518b30d4aa410009cd08c3822a1226991d6cf0442a0f8  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh -y --profile minimal\n',
    },
    { name: 'piping into tar', code: 'FROM alpine:3.20\nRUN wget -qO- https://github.com/golangci/golangci-lint/releases/download/v1.59.1/golangci-lint-1.59.1-linux-amd64.tar.gz | tar -xz -C /usr/local\n' },
    { name: 'piping JSON into a python one-liner', code: 'FROM python:3.12-slim\nRUN curl -s https://pypi.org/pypi/requests/json | python3 -c "import sys, json; print(json.load(sys.stdin)[\'info\'][\'version\'])"\n' },
    { name: 'piping a key into gpg', code: 'FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key | gpg --dearmor -o /etc/apt/keyrings/nodesource.gpg\n' },
    { name: 'curl in CMD is not a build step', code: 'FROM alpine:3.20\nHEALTHCHECK CMD curl -fsS http://localhost:8080/healthz | grep ok\n' },
    { name: 'sh -c with its own script reads data', code: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/list.txt | sh -c "cat > /etc/list.txt"\n' },
  ],
  invalid: [
    {
      name: 'curl | bash',
      code: 'FROM node:20.11-bookworm\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\nRUN apt-get install -y nodejs\n',
      errors: [{ messageId: 'pipedToShell', line: 2, column: 5, endLine: 2, endColumn: 62, message: 'curl output straight into bash' }],
    },
    {
      name: 'wget -O- | sh with sudo, in a chain',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && wget -qO- https://get.docker.com | sudo sh \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'pipedToShell', line: 3, column: 5, endLine: 3, endColumn: 47, message: 'wget output straight into sh' }],
    },
    {
      name: 'through tee into a shell with arguments',
      code: 'FROM golang:1.22 AS build\nRUN curl -sSfL https://raw.githubusercontent.com/golangci/golangci-lint/master/install.sh | tee /tmp/i.sh | sh -s -- -b /usr/local/bin v1.59.1\n',
      errors: [{ messageId: 'pipedToShell', line: 2, column: 5, message: 'into sh' }],
    },
    {
      name: 'into python',
      code: 'FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | python3 -\n',
      errors: [{ messageId: 'pipedToShell', line: 2, column: 5, endColumn: 60, message: 'python3' }],
    },
    {
      name: 'sh -c "$(curl …)"',
      code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"\n',
      errors: [{ messageId: 'pipedToShell', line: 2, column: 5, message: 'curl' }],
    },
  ],
});
