import { defineRule } from '../define-rule';
import { ciConfigs, findCommand, type CommandMatch } from './support/ci-configs';
import { BUILD_COMMANDS, matchCommand, ScriptIndex, TEST_COMMANDS } from './support/ci-commands';
import { hasService } from './support/service-files';

export default defineRule({
  id: 'workspace/require-ci',
  target: 'workspace',
  meta: {
    item: 'testing.ci',
    severity: 'warning',
    description: 'Require a CI configuration that runs the tests on every change.',
    rationale:
      'Without CI the tests run only when someone remembers to run them, on their own machine: a change that breaks behaviour is merged as soon as it compiles, and nobody sees it until production does.',
    remediation:
      'Add a CI pipeline (a GitHub Actions workflow, `.gitlab-ci.yml`, …) that installs dependencies, builds and runs the test suite on every push and pull request.',
    fixable: false,
  },
  messages: {
    noTests:
      '{{config}} runs `{{command}}` but never the tests, so a change that breaks behaviour is merged and shipped as long as it builds. Add a step that runs the test suite (`npm test`, `go test ./...`, `mvn verify`…).',
  },
  check(ctx) {
    const configs = ciConfigs(ctx.project);
    if (configs.length === 0) {
      if (hasService(ctx.project)) {
        ctx.missing('No CI configuration found (GitHub Actions, GitLab CI, CircleCI, Jenkinsfile, Azure Pipelines…), so nothing runs the build and the tests on every change.');
      }
      return;
    }
    const scripts = new ScriptIndex(ctx.project);
    const tests = new Map<string, CommandMatch>();
    const builds = new Map<string, CommandMatch>();
    for (const config of configs) {
      const test = findCommand(config, (line) => matchCommand(line, TEST_COMMANDS, scripts));
      if (test) tests.set(config.file.path, test);
      else {
        const build = findCommand(config, (line) => matchCommand(line, BUILD_COMMANDS, scripts));
        if (build) builds.set(config.file.path, build);
      }
    }
    // Another config may test what this one builds, or a pipeline outside the workspace may.
    const testedSomewhere = tests.size > 0 || configs.some((c) => c.delegatesTo !== undefined);
    let evidence = 0;
    for (const config of configs) {
      const test = tests.get(config.file.path);
      const build = builds.get(config.file.path);
      if (test) {
        ctx.evidence({ span: test.span, source: config.source, note: `${config.label} runs tests (${test.command})` });
        evidence++;
      } else if (build) {
        ctx.evidence({ span: build.span, source: config.source, note: `${config.label} runs ${build.command}` });
        evidence++;
        if (!testedSomewhere) ctx.report({ span: build.span, source: config.source, messageId: 'noTests', data: { config: config.label, command: build.command } });
      } else if (config.delegatesTo) {
        ctx.evidence({ source: config.source, note: `${config.label} calls ${config.delegatesTo}` });
        evidence++;
      }
    }
    if (evidence === 0 && hasService(ctx.project)) {
      ctx.missing(`The CI configuration (${configs.map((c) => c.label).join(', ')}) neither builds nor tests the code, so nothing runs the tests on every change.`);
    }
  },
});
