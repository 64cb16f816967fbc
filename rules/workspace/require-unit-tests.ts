import * as path from 'node:path';
import type { FileKind } from '../../server/src/engine/classify';
import { isTestPath } from '../../server/src/engine/classify';
import type { ProjectFile, ProjectView } from '../../server/src/engine/project';
import type { SourceText } from '../../server/src/engine/source';
import { stackOf } from '../../server/src/engine/stack';
import { defineRule } from '../define-rule';
import { hasService, lineOffset, lineSpan } from './support/service-files';

const SOURCE_KINDS: readonly FileKind[] = ['typescript', 'javascript', 'go', 'rust', 'java', 'python'];
/** Test paths that hold data or doubles rather than tests. */
const NOT_TESTS = /(^|\/)(testdata|fixtures|__mocks__)\//i;
/** npm init's placeholder: a test script that only fails. */
const NPM_DEFAULT_TEST = /no test specified/;
/** Rust unit tests live next to the code, in `#[cfg(test)]` modules. */
const RUST_INLINE_TEST = /#\[(cfg\(test\)|(tokio::)?test)\]/;

interface Command {
  source: SourceText | undefined;
  pattern?: RegExp;
  note: string;
}

export default defineRule({
  id: 'workspace/require-unit-tests',
  target: 'workspace',
  meta: {
    item: 'testing.unit-tests',
    severity: 'warning',
    description: 'Require automated tests, and a command that runs them, in a workspace that holds a service.',
    rationale:
      'Without tests every change ships unverified: regressions are found by users, and nobody dares refactor the code that most needs it.',
    remediation:
      'Add unit tests next to the code (`*_test.go`, `*.test.ts`, `tests/`, `src/test/java`, `test_*.py`) and a command that runs them (`npm test`, `go test ./...`, `cargo test`, `mvn test`, `pytest`).',
  },
  messages: {},
  check(ctx) {
    const project = ctx.project;
    const tests = testFiles(project);
    if (tests.length === 0) {
      if (hasService(project)) {
        ctx.missing(
          'No tests found: no test files (`*_test.go`, `*.test.ts`, `tests/`, `src/test/java`, `test_*.py`, Rust `#[cfg(test)]` modules) in the workspace, so every change ships unverified. Add unit tests next to the code and a command that runs them (`npm test`, `go test ./...`, `cargo test`, `mvn test`, `pytest`).',
        );
      }
      return;
    }
    for (const file of tests.slice(0, 2)) {
      const source = project.source(file.path);
      ctx.evidence({ ...(source ? { source } : {}), note: `${tests.length} test file${tests.length === 1 ? '' : 's'}, among them ${file.path}` });
    }
    for (const command of testCommands(project, tests)) {
      const offset = command.source && command.pattern ? lineOffset(command.source.text, command.pattern) : undefined;
      ctx.evidence({
        ...(command.source ? { source: command.source } : {}),
        ...(command.source && offset !== undefined ? { span: lineSpan(command.source.text, offset) } : {}),
        note: command.note,
      });
    }
  },
});

function testFiles(project: ProjectView): ProjectFile[] {
  const files = project.files(SOURCE_KINDS);
  const tests = files.filter((f) => !f.production && isTestPath(f.path) && !NOT_TESTS.test(f.path));
  for (const file of files) {
    if (file.kind === 'rust' && file.production && RUST_INLINE_TEST.test(project.source(file.path)?.text ?? '')) tests.push(file);
  }
  return tests;
}

function testCommands(project: ProjectView, tests: readonly ProjectFile[]): Command[] {
  const commands: Command[] = [];
  const kinds = new Set(tests.map((t) => t.kind));
  for (const file of project.files()) {
    const base = path.posix.basename(file.path);
    if (!file.production) continue;
    const source = () => project.source(file.path);
    if (base === 'package.json') {
      const text = source()?.text;
      let script: unknown;
      try {
        script = text ? (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts?.['test'] : undefined;
      } catch {
        continue;
      }
      if (typeof script === 'string' && !NPM_DEFAULT_TEST.test(script)) commands.push({ source: source(), pattern: /^\s*"test"\s*:/, note: `test script in ${file.path} (${script})` });
    } else if (/^(GNU)?makefile$/i.test(base)) {
      if (/^test\s*:/m.test(source()?.text ?? '')) commands.push({ source: source(), pattern: /^test\s*:/, note: `\`make test\` target in ${file.path}` });
    } else if (base === 'go.mod' && kinds.has('go')) {
      commands.push({ source: source(), note: `Go tests run with \`go test ./...\` (${file.path})` });
    } else if (base === 'Cargo.toml' && kinds.has('rust')) {
      commands.push({ source: source(), note: `Rust tests run with \`cargo test\` (${file.path})` });
    } else if (base === 'pom.xml' && kinds.has('java')) {
      commands.push({ source: source(), note: `Maven runs the tests in \`mvn test\` (${file.path})` });
    } else if (/^build\.gradle(\.kts)?$/.test(base) && kinds.has('java')) {
      commands.push({ source: source(), note: `Gradle runs the tests in \`gradle test\` (${file.path})` });
    } else if (kinds.has('python') && (base === 'pytest.ini' || (base === 'pyproject.toml' && /^\[tool\.pytest/m.test(source()?.text ?? '')))) {
      commands.push({ source: source(), pattern: /^\[(tool\.)?pytest/, note: `pytest configured in ${file.path}` });
    }
  }
  if (kinds.has('python') && !commands.some((c) => c.note.startsWith('pytest')) && stackOf(project).dependencies.some((d) => d.name === 'pytest')) {
    const dep = stackOf(project).dependencies.find((d) => d.name === 'pytest');
    if (dep) commands.push({ source: project.source(dep.manifest), pattern: /pytest/i, note: `pytest declared in ${dep.manifest}` });
  }
  return commands;
}
