import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../../rules/dockerfile/require-dockerignore';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { lintFile } from '../../../../server/src/engine/linter';
import { ParseCache } from '../../../../server/src/engine/parse-cache';
import { SourceText } from '../../../../server/src/engine/source';
import { RuleTester } from '../../rule-tester';

const NODE_API = `FROM node:20.11-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
`;

new RuleTester({ filename: 'services/api/Dockerfile' }).run(rule, {
  valid: [
    { name: '.dockerignore beside the Dockerfile', code: NODE_API, files: ['services/api/.dockerignore'] },
    { name: 'Dockerfile-specific ignore file', code: NODE_API, files: ['services/api/Dockerfile.dockerignore'] },
    { name: '.dockerignore of an enclosing folder (monorepo context)', code: NODE_API, files: ['.dockerignore'] },
    { name: 'root Dockerfile', code: NODE_API, filename: 'Dockerfile', files: ['.dockerignore'] },
    {
      name: 'copies named paths only',
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY cmd/ ./cmd/\nCOPY internal/ ./internal/\nRUN go build -o /api ./cmd/api\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /api /api\n',
    },
    { name: 'COPY --from=stage . is not the build context', code: 'FROM node:20.11 AS build\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist .\n' },
  ],
  invalid: [
    {
      name: 'COPY . . without .dockerignore',
      code: NODE_API,
      errors: [{ messageId: 'missing', line: 5, column: 6, endLine: 5, endColumn: 7, message: 'COPY .' }],
    },
    {
      name: 'ADD ./ in a build stage, reported once per file',
      code: 'FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /src\nADD ./ /src/\nRUN mvn -B package\nCOPY . /again\n\nFROM eclipse-temurin:21-jre\nCOPY --from=build /src/target/app.jar /app.jar\n',
      filename: 'Dockerfile',
      errors: [{ messageId: 'missing', line: 3, column: 5, endColumn: 7, message: 'ADD ./' }],
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY [".", "/app"]\nCMD ["python", "main.py"]\n',
      errors: [{ messageId: 'missing', line: 3, column: 7, endColumn: 10 }],
    },
    {
      name: 'a .dockerignore elsewhere does not count',
      code: NODE_API,
      files: ['services/worker/.dockerignore'],
      errors: [{ messageId: 'missing', line: 5 }],
    },
  ],
  evidence: [{ name: '.dockerignore present', code: NODE_API, files: ['services/api/.dockerignore'], evidence: ['.dockerignore present'] }],
});

it('dockerfile/require-dockerignore suggests creating a starter .dockerignore beside the Dockerfile', () => {
  const code = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "main.py"]\n';
  const result = lintFile(new SourceText('services/ml/Dockerfile', code), 'dockerfile', {
    rules: [rule],
    config: DEFAULT_CONFIG,
    workspace: { hasFile: () => false },
    cache: new ParseCache(),
  });
  const fix = result.findings[0]?.fixes[0];
  assert.ok(fix, 'a fix is offered');
  assert.equal(fix.suggestion, true);
  assert.equal(fix.title, 'Create services/ml/.dockerignore');
  const edit = fix.edits[0];
  assert.ok(edit);
  assert.equal(edit.file, 'services/ml/.dockerignore');
  assert.equal(edit.create, true);
  assert.deepEqual(edit.span, { start: 0, end: 0 });
  const lines = edit.text.split('\n');
  for (const entry of ['.git', '.env', '*.log', 'Dockerfile*', '.dockerignore', 'node_modules/', '__pycache__/']) {
    assert.ok(lines.includes(entry), `starter lacks ${entry}`);
  }
  assert.ok(edit.text.endsWith('\n'));
});
