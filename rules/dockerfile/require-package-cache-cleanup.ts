import type { Env, ModifiableInstruction, Run } from 'dockerfile-ast';
import type { Edit } from '../../server/src/engine/types';
import { findLongOption, leadingAssignments } from '../../server/src/targets/dockerfile/args';
import { APK_OPTIONS, apkAdd, aptInstall, PIP_OPTIONS, pipInstall, YUM_FAMILY, yumInstall } from '../../server/src/targets/dockerfile/packages';
import type { ShellCommand } from '../../server/src/targets/dockerfile/shell';
import { stageChain } from '../../server/src/targets/dockerfile/stages';
import { defineRule } from '../define-rule';

/** Whether a RUN removes one of these paths (`rm -rf /var/lib/apt/lists/*`, `find /var/cache/apk -delete`). */
function removes(commands: readonly ShellCommand[], pattern: RegExp): boolean {
  return commands.some(
    (c) => (c.name === 'rm' || (c.name === 'find' && c.args.some((a) => a.value === '-delete'))) && c.args.some((a) => pattern.test(a.value)),
  );
}

const APT_LISTS = /^\/var\/lib\/apt\/lists(\/\*?)?$/;
const APK_CACHE = /^\/var\/cache\/apk(\/\*?)?$/;
const PIP_CACHE = /^(~|\/root|\$HOME|\$\{HOME\})\/\.cache(\/pip)?(\/\*?)?$/;
const YUM_CACHE = /^\/var\/cache\/(yum|dnf|tdnf)(\/\*?)?$/;

function hasCacheMount(run: Run): boolean {
  return (run as ModifiableInstruction).getFlags().some((f) => f.getName() === 'mount' && f.getOption('type')?.getValue() === 'cache');
}

function setsPipNoCache(word: string): boolean {
  return /^PIP_NO_CACHE_DIR=./.test(word);
}

export default defineRule({
  id: 'dockerfile/require-package-cache-cleanup',
  target: 'dockerfile',
  meta: {
    item: 'container.build-hygiene',
    severity: 'info',
    description: 'Require package-manager caches to be cleaned in the same RUN that fills them, in the final image.',
    rationale:
      'A cache deleted in a later layer still ships in the earlier one: apt lists, apk indexes, pip wheels and yum metadata add tens to hundreds of megabytes to every pull and scale-up and carry nothing the service uses.',
    remediation:
      'Clean in the same RUN: `rm -rf /var/lib/apt/lists/*` after `apt-get install`, `apk add --no-cache`, `pip install --no-cache-dir`, `yum`/`dnf clean all`; or use a `RUN --mount=type=cache` cache mount.',
    fixable: true,
    related: ['hadolint:DL3009', 'hadolint:DL3019', 'hadolint:DL3042', 'hadolint:DL3032', 'hadolint:DL3040'],
  },
  messages: {
    aptLists:
      'This RUN installs packages with {{command}} but leaves the package lists in /var/lib/apt/lists, adding tens of megabytes to the final image for nothing. End the same RUN with `&& rm -rf /var/lib/apt/lists/*`.',
    apkCache:
      '`apk add` without `--no-cache` leaves the package index in /var/cache/apk, adding megabytes to every pull of the final image. Add `--no-cache` so nothing is cached.',
    pipCache:
      '`pip install` without `--no-cache-dir` leaves pip\'s download cache in the final image, often tens of megabytes. Add `--no-cache-dir` (or set `ENV PIP_NO_CACHE_DIR=1`).',
    yumCache:
      'This RUN installs packages with {{manager}} but never runs `{{manager}} clean all`, so the package cache and metadata stay in the final image. End the same RUN with `&& {{manager}} clean all`.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const final = doc.finalStage;
    if (!final) return;
    // Build stages are discarded: only the final stage and the stages it builds on ship.
    const chain = stageChain(doc, final).reverse();
    let pipNoCache = false;
    const noted = new Set<string>();
    const evidence = (run: Run, note: string): void => {
      const span = doc.span(run.getRange());
      if (noted.has(`${span.start}:${note}`)) return;
      noted.add(`${span.start}:${note}`);
      ctx.evidence({ span, note });
    };
    for (const stage of chain) {
      for (const instruction of doc.instructions(undefined, stage)) {
        const keyword = instruction.getKeyword();
        if (keyword === 'ENV') {
          if ((instruction as Env).getProperties().some((p) => p.getName() === 'PIP_NO_CACHE_DIR' && (p.getValue() ?? '') !== '')) pipNoCache = true;
          continue;
        }
        if (keyword !== 'RUN') continue;
        const run = instruction as Run;
        const commands = doc.shellCommands(run);
        if (hasCacheMount(run)) {
          if (commands.some((c) => aptInstall(c) || apkAdd(c) || pipInstall(c) || yumInstall(c))) {
            evidence(run, 'package cache kept out of the image with RUN --mount=type=cache');
          }
          continue;
        }
        const last = commands[commands.length - 1];
        const canAppend = last !== undefined && !doc.isExecForm(run) && run.getHeredocs().length === 0;
        const append = (text: string): Edit[] => (last ? [{ span: { start: last.span.end, end: last.span.end }, text }] : []);
        let runPipNoCache = pipNoCache;

        const firstApt = commands.find((c) => aptInstall(c));
        if (firstApt) {
          if (!removes(commands, APT_LISTS)) {
            ctx.report({
              span: firstApt.span,
              messageId: 'aptLists',
              data: { command: `${firstApt.name} install` },
              fix: canAppend ? { title: 'Remove the apt lists in the same RUN', edits: append(' && rm -rf /var/lib/apt/lists/*') } : undefined,
            });
          } else {
            evidence(run, `${firstApt.name} install followed by rm -rf /var/lib/apt/lists/*`);
          }
        }

        const firstYum = commands.find((c) => yumInstall(c));
        if (firstYum) {
          const manager = firstYum.name;
          const cleaned =
            commands.some((c) => YUM_FAMILY.has(c.name) && c.args.some((a) => a.value === 'clean')) || removes(commands, YUM_CACHE);
          if (!cleaned) {
            ctx.report({
              span: firstYum.span,
              messageId: 'yumCache',
              data: { manager },
              fix: canAppend ? { title: `Run ${manager} clean all in the same RUN`, edits: append(` && ${manager} clean all`) } : undefined,
            });
          } else {
            evidence(run, `${manager} install followed by ${manager} clean all`);
          }
        }

        const apkCleaned = removes(commands, APK_CACHE);
        const pipCleaned = removes(commands, PIP_CACHE);
        for (const command of commands) {
          if (command.name === 'export' && command.args.some((a) => setsPipNoCache(a.value))) runPipNoCache = true;
          const add = apkAdd(command);
          if (add) {
            if (findLongOption(command, '--no-cache', APK_OPTIONS)) {
              evidence(run, 'apk add --no-cache');
            } else if (!apkCleaned) {
              ctx.report({
                span: command.span,
                messageId: 'apkCache',
                fix: doc.isExecForm(run) ? undefined : { title: 'Add --no-cache', edits: [{ span: { start: add.span.end, end: add.span.end }, text: ' --no-cache' }] },
              });
            }
          }
          const pip = pipInstall(command);
          if (pip) {
            const noCache = findLongOption(pip.pip, '--no-cache-dir', PIP_OPTIONS) !== undefined;
            if (noCache) {
              evidence(run, 'pip install --no-cache-dir');
            } else if (!runPipNoCache && !pipCleaned && !leadingAssignments(command).some((a) => setsPipNoCache(a.value))) {
              ctx.report({
                span: command.span,
                messageId: 'pipCache',
                fix: doc.isExecForm(run)
                  ? undefined
                  : { title: 'Add --no-cache-dir', edits: [{ span: { start: pip.install.span.end, end: pip.install.span.end }, text: ' --no-cache-dir' }] },
              });
            }
          }
        }
      }
    }
  },
});
