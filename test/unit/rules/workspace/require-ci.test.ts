import rule from '../../../../rules/workspace/require-ci';
import { RuleTester } from '../../rule-tester';

const CI = `name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm run lint
      - run: npm test -- --coverage
`;

const BUILD_ONLY = `name: build
on: [push]
jobs:
  image:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      # - run: npm test
      - run: |
          echo "building $GITHUB_SHA"
          docker build -t ghcr.io/acme/orders-api:$GITHUB_SHA .
`;

const STALE = `name: stale
on:
  schedule:
    - cron: "30 1 * * *"
jobs:
  stale:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/stale@v9
`;

const SERVICE = { 'package.json': '{ "name": "orders-api", "scripts": { "test": "vitest run", "ci": "npm run lint && vitest run --coverage" } }', 'src/server.ts': 'export {};\n' };

new RuleTester({ filename: '.github/workflows/ci.yml' }).run(rule, {
  valid: [
    { name: 'a workflow that runs the tests', code: CI, files: SERVICE },
    { name: 'a release workflow that builds, beside one that tests', filename: '.github/workflows/release.yml', code: BUILD_ONLY, files: { ...SERVICE, '.github/workflows/ci.yml': CI } },
    { name: 'GitLab CI running go test', filename: '.gitlab-ci.yml', code: 'stages: [test, build]\n\nunit:\n  stage: test\n  image: golang:1.22\n  script:\n    - go vet ./...\n    - go test -race ./...\n', files: ['go.mod'] },
    { name: 'a Jenkinsfile running mvn verify', filename: 'Jenkinsfile', code: "pipeline {\n  agent any\n  stages {\n    stage('Build') {\n      steps {\n        sh './mvnw -B verify'\n      }\n    }\n  }\n}\n", files: ['pom.xml'] },
    { name: 'an npm script that runs the tests', code: CI.replace('npm test -- --coverage', 'npm run ci'), files: SERVICE },
    { name: 'a Makefile target that runs the tests', code: CI.replace('npm test -- --coverage', 'make ci'), files: { ...SERVICE, Makefile: 'ci: lint unit\n\nlint:\n\tgolangci-lint run\n\nunit:\n\tgo test ./...\n' } },
    { name: 'a remote reusable workflow may run the tests', code: 'on: [push]\njobs:\n  build:\n    uses: acme/workflows/.github/workflows/node-service.yml@v3\n  image:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: docker build .\n', files: SERVICE },
    { name: 'no service, no CI: nothing applies', filename: 'docs/index.md', code: '# Handbook\n' },
    { name: 'a CI config under test fixtures is not this project\'s CI', filename: 'test/fixtures/repo/.github/workflows/ci.yml', code: BUILD_ONLY, files: { ...SERVICE, '.github/workflows/ci.yml': CI } },
  ],
  invalid: [
    {
      name: 'a workflow that builds an image but never tests',
      filename: '.github/workflows/build.yml',
      code: BUILD_ONLY,
      files: SERVICE,
      errors: [{ messageId: 'noTests', line: 11, column: 11, endLine: 11, endColumn: 23, message: 'GitHub Actions workflow build.yml runs `docker build` but never the tests' }],
      evidence: ['GitHub Actions workflow build.yml runs docker build'],
    },
    {
      name: 'skipped tests do not count',
      filename: '.gitlab-ci.yml',
      code: 'build:\n  image: maven:3.9-eclipse-temurin-21\n  script:\n    - mvn -B package -DskipTests\n',
      files: ['pom.xml'],
      errors: [{ messageId: 'noTests', line: 4, column: 7, endColumn: 10, message: 'GitLab CI runs `mvn`' }],
    },
  ],
  evidence: [
    {
      name: 'the test step is evidence, bot workflows are not',
      code: CI,
      files: { ...SERVICE, '.github/workflows/stale.yml': STALE, '.github/workflows/release.yml': BUILD_ONLY },
      evidence: ['GitHub Actions workflow ci.yml runs tests (npm test)', 'GitHub Actions workflow release.yml runs docker build'],
    },
  ],
  missing: [
    { name: 'a service with no CI at all', filename: 'src/server.ts', code: 'export {};\n', files: ['package.json', 'Dockerfile'], missing: 'No CI configuration found' },
    { name: 'only a stale-issue bot', filename: '.github/workflows/stale.yml', code: STALE, files: SERVICE, missing: 'neither builds nor tests the code' },
  ],
});
