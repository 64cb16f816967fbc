import type { Stage } from '../../server/src/targets/dockerfile/document';
import { aptInstall } from '../../server/src/targets/dockerfile/packages';
import { parentOf } from '../../server/src/targets/dockerfile/stages';
import { defineRule } from '../define-rule';

/** `-o APT::Install-Recommends=false`, or `APT::Install-Recommends "0";` written to apt.conf.d. */
function turnsRecommendsOff(value: string): boolean {
  return /APT::Install-Recommends\s*[= ]\s*"?(false|0|no|off)"?/i.test(value);
}

export default defineRule({
  id: 'dockerfile/require-apt-no-install-recommends',
  target: 'dockerfile',
  meta: {
    item: 'container.build-hygiene',
    severity: 'info',
    description: 'Require `--no-install-recommends` on `apt-get install`.',
    rationale:
      'apt installs "recommended" packages by default: often dozens of megabytes of tools the service never uses, each one more to patch and more for an attacker to use, and a build that changes when the recommendations change.',
    remediation: 'Add `--no-install-recommends` to `apt-get install` and list the packages you need explicitly (for example `ca-certificates` next to `curl`).',
    fixable: true,
    related: ['hadolint:DL3015'],
  },
  messages: {
    missingFlag:
      '`{{command}} install` without `--no-install-recommends` also installs recommended packages, which bloat the image and widen its attack surface. Add `--no-install-recommends` and name the packages you need.',
  },
  check(ctx) {
    const doc = ctx.doc;
    // Whether `APT::Install-Recommends "0";` is in force at the end of each stage, which
    // the stages built on it inherit. Parents come first, so one pass in order suffices.
    const offAtEnd = new Map<Stage, boolean>();
    for (const stage of doc.stages) {
      const parent = parentOf(doc, stage);
      let off = parent ? (offAtEnd.get(parent) ?? false) : false;
      for (const run of doc.instructions('RUN', stage)) {
        for (const command of doc.shellCommands(run)) {
          if (command.words.some((w) => turnsRecommendsOff(w.value))) {
            off = true;
            continue;
          }
          const install = off ? undefined : aptInstall(command);
          if (!install) continue;
          if (command.args.some((w) => w.value === '--no-install-recommends' || w.value.startsWith('--no-install-recommends='))) continue;
          ctx.report({
            span: command.span,
            messageId: 'missingFlag',
            data: { command: command.name },
            fix:
              !doc.isExecForm(run)
                ? { title: 'Add --no-install-recommends', edits: [{ span: { start: install.span.end, end: install.span.end }, text: ' --no-install-recommends' }] }
                : undefined,
          });
        }
      }
      offAtEnd.set(stage, off);
    }
  },
});
