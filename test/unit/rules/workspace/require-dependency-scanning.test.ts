import rule from '../../../../rules/workspace/require-dependency-scanning';
import { RuleTester } from '../../rule-tester';

const DEPENDABOT = `version: 2
updates:
  - package-ecosystem: npm
    directory: /
    schedule:
      interval: weekly
  - package-ecosystem: docker
    directory: /
    schedule:
      interval: weekly
`;

const GO_CI = `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - run: go test ./...
      - name: Vulnerabilities
        run: |
          go install golang.org/x/vuln/cmd/govulncheck@latest
          govulncheck ./...
`;

new RuleTester({ filename: '.github/dependabot.yml' }).run(rule, {
  valid: [
    { name: 'Dependabot covering the npm manifest', code: DEPENDABOT, files: ['package.json', 'Dockerfile'] },
    { name: 'govulncheck in CI', filename: '.github/workflows/ci.yml', code: GO_CI, files: ['go.mod'] },
    { name: 'Renovate', filename: 'renovate.json', code: '{\n  "$schema": "https://docs.renovatebot.com/renovate-schema.json",\n  "extends": ["config:recommended"]\n}\n', files: ['package.json', 'go.mod'] },
    { name: 'Dependabot plus a scanner that covers the rest', code: DEPENDABOT, files: { 'package.json': '{}', 'go.mod': 'module x\n', '.github/workflows/ci.yml': GO_CI } },
    {
      name: 'Renovate that disables only some packages is still on',
      filename: '.github/renovate.json',
      code: '{\n  "extends": ["config:recommended"],\n  "packageRules": [{ "matchPackageNames": ["typescript"], "enabled": false }]\n}\n',
      files: ['package.json'],
    },
    { name: 'no manifest: nothing to scan', filename: 'README.md', code: '# Notes\n' },
    { name: 'a Dependabot file outside .github is not read by Dependabot, but nothing else applies either', filename: 'docs/dependabot.yml', code: DEPENDABOT },
  ],
  invalid: [
    {
      name: 'Dependabot watches npm but the Go module is left out',
      code: DEPENDABOT,
      files: ['package.json', 'services/worker/go.mod'],
      errors: [{ messageId: 'uncoveredEcosystem', line: 2, column: 1, endColumn: 8, message: 'Dependabot does not watch the gomod dependencies of services/worker/go.mod' }],
      evidence: ['Dependabot updates npm, docker'],
    },
  ],
  evidence: [
    { name: 'Dependabot ecosystems', code: DEPENDABOT, files: ['package.json'], evidence: ['Dependabot updates npm, docker'] },
    { name: 'a CI scanner step', filename: '.github/workflows/ci.yml', code: GO_CI, files: ['go.mod'], evidence: ['GitHub Actions workflow ci.yml runs govulncheck'] },
    {
      name: 'GitLab dependency scanning, npm audit and Trivy',
      filename: '.gitlab-ci.yml',
      code: 'include:\n  - template: Security/Dependency-Scanning.gitlab-ci.yml\n\naudit:\n  image: node:20\n  script:\n    - npm audit --audit-level=high\n    - trivy fs --exit-code 1 .\n',
      files: ['package.json'],
      evidence: ['GitLab CI runs npm audit', 'GitLab CI runs Trivy', 'GitLab CI runs GitLab dependency scanning'],
    },
    {
      name: 'Renovate in package.json and the OWASP plugin in pom.xml',
      filename: 'package.json',
      code: '{\n  "name": "web",\n  "renovate": {\n    "extends": ["config:recommended"]\n  }\n}\n',
      files: { 'pom.xml': '<project>\n  <build>\n    <plugins>\n      <plugin>\n        <groupId>org.owasp</groupId>\n        <artifactId>dependency-check-maven</artifactId>\n      </plugin>\n    </plugins>\n  </build>\n</project>\n' },
      evidence: ['Renovate config package.json', 'OWASP dependency-check plugin in pom.xml'],
    },
  ],
  missing: [
    { name: 'manifests and nothing that watches them', filename: 'package.json', code: '{ "name": "orders-api" }', files: ['go.mod'], missing: 'No Dependabot or Renovate config' },
    { name: 'a Renovate config that is switched off', filename: 'renovate.json', code: '{ "enabled": false }', files: ['Cargo.toml'], missing: 'dependencies with known vulnerabilities ship unnoticed' },
  ],
});
