/**
 * Test entry loaded by the editor's extension host (`extensionTestsPath`), both by
 * `@vscode/test-electron` (test/e2e/runTest.ts) and by the offline code-server
 * harness (scripts/editor-test.mjs). It runs the mocha suites and resolves when all
 * passed; it rejects otherwise, which the editor turns into a non-zero exit.
 *
 * Output is one preformatted string per console.log call, each starting with
 * `LOG_TAG`, since a browser workbench forwards the extension host's console
 * without applying printf-style formats. The last line is
 * `readiness-e2e-result {json}` with the counts, for a harness that only sees the
 * console.
 */
import Mocha from 'mocha';
import { say } from './say';

export { LOG_TAG } from './say';
export const RESULT_MARKER = 'readiness-e2e-result';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  passes: string[];
  failures: { title: string; message: string }[];
}

/** Every suite file, in run order. Listed so the bundle holds exactly these. */
const SUITES: Record<string, () => Promise<unknown>> = {
  'dockerfile.test': () => import('./dockerfile.test'),
  'workspace.test': () => import('./workspace.test'),
};

/** A spec-like reporter that also fills `result`. */
function reporterFor(result: SuiteResult): typeof Mocha.reporters.Base {
  const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_PENDING, EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;
  return class EditorReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const started = Date.now();
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (suite.title) say(suite.fullTitle());
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        result.passed++;
        result.passes.push(test.fullTitle());
        say(`  ok   ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        result.pending++;
        say(`  skip ${test.title}`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Runnable, err: unknown) => {
        result.failed++;
        const message = err instanceof Error ? err.message : String(err);
        result.failures.push({ title: test.fullTitle(), message });
        say(`  FAIL ${test.title}`);
        for (const line of message.split('\n')) say(`         ${line}`);
      });
      runner.once(EVENT_RUN_END, () => {
        say(`${result.passed} passing, ${result.failed} failing, ${result.pending} pending (${Date.now() - started} ms)`);
      });
    }
  };
}

export async function run(): Promise<void> {
  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, passes: [], failures: [] };
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: reporterFor(result) });

  // The suites are bundled into this file, so they are registered here the way
  // mocha's own file loader would: the UI's globals first, then the module.
  for (const [name, load] of Object.entries(SUITES)) {
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, name, mocha);
    await load();
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, name, mocha);
  }

  await new Promise<void>((resolve) => mocha.run(() => resolve()));

  console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`);
  if (result.failed > 0) {
    throw new Error(`${result.failed} editor test(s) failed.`);
  }
  if (result.passed === 0) {
    throw new Error('No editor test ran.');
  }
}
