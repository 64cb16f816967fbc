import { positionalArgs, type OptionSpec } from '../../server/src/targets/dockerfile/args';
import type { ShellCommand } from '../../server/src/targets/dockerfile/shell';
import { defineRule } from '../define-rule';

const DOWNLOADERS = new Set(['curl', 'wget']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh']);
const SHELL_OPTIONS: OptionSpec = { shortWithValue: 'oO', longWithValue: ['--rcfile', '--init-file'] };
const PYTHON_OPTIONS: OptionSpec = { shortWithValue: 'WX' };
const OTHER_OPTIONS: OptionSpec = { shortWithValue: 'IrM', longWithValue: ['--require', '--import'] };

/**
 * Whether a program in a pipeline runs its standard input as code: a shell or an
 * interpreter given no script of its own (`sh`, `bash -s -- --yes`, `python3 -`),
 * unlike `python3 -c "import json…"` or `bash ./install.sh` that only read data.
 */
function executesStdin(command: ShellCommand): boolean {
  const name = command.name;
  const args = command.args.map((a) => a.value);
  const shortGroups = args.filter((a) => /^-[A-Za-z]+$/.test(a));
  if (SHELLS.has(name)) {
    if (shortGroups.some((g) => g.includes('c'))) return false;
    if (shortGroups.some((g) => g.includes('s'))) return true;
    return firstScript(command, SHELL_OPTIONS) === undefined;
  }
  if (/^python[0-9.]*$/.test(name)) {
    if (shortGroups.some((g) => g.includes('c') || g.includes('m'))) return false;
    return firstScript(command, PYTHON_OPTIONS) === undefined;
  }
  if (name === 'perl' || name === 'ruby' || name === 'node') {
    if (args.some((a) => a === '-e' || a === '-E' || a === '--eval' || a === '-p' || a === '--print')) return false;
    return firstScript(command, OTHER_OPTIONS) === undefined;
  }
  return false;
}

/** `sh -c "$(curl -fsSL https://…)"`: the downloaded text is the script. */
function substitutedDownload(command: ShellCommand): string | undefined {
  if (!SHELLS.has(command.name)) return undefined;
  const flag = command.args.findIndex((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a.value));
  const script = flag >= 0 ? command.args[flag + 1]?.value : undefined;
  const match = script ? /^\s*\$\(\s*(curl|wget)\s/.exec(script) : null;
  return match?.[1];
}

/** The script file an interpreter is given, if any; `-` means standard input. */
function firstScript(command: ShellCommand, spec: OptionSpec): string | undefined {
  const first = positionalArgs(command, spec)[0]?.value;
  return first === '-' ? undefined : first;
}

export default defineRule({
  id: 'dockerfile/no-curl-pipe-shell',
  target: 'dockerfile',
  meta: {
    item: 'container.build-hygiene',
    severity: 'warning',
    description: 'Disallow piping a download straight into a shell or interpreter (`curl … | sh`).',
    rationale:
      'Whatever the server returns runs as root in the build, unverified: a compromised host, a hijacked DNS name or a changed script goes straight into the image, and nothing records what ran.',
    remediation: 'Download the script or archive to a file, verify its checksum or signature, then run it; better, install a pinned package or copy a pinned release binary.',
    fixable: false,
  },
  messages: {
    pipedToShell:
      'This RUN pipes {{downloader}} output straight into {{shell}}, so unverified remote code runs at build time and a compromised or changed script ends up in the image. Download it to a file, verify a checksum or signature, then run it.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const run of doc.instructions('RUN')) {
      const commands = doc.shellCommands(run);
      // The first command downstream of each one that runs its input as code, worked out
      // from the end of each pipeline so a long pipeline is walked once.
      const executor = new Map<ShellCommand, ShellCommand | undefined>();
      for (let i = commands.length - 1; i >= 0; i--) {
        const command = commands[i] as ShellCommand;
        const next = command.pipedTo;
        executor.set(command, next ? (executesStdin(next) ? next : executor.get(next)) : undefined);
      }
      for (const command of commands) {
        const substituted = substitutedDownload(command);
        if (substituted) {
          ctx.report({ span: command.span, messageId: 'pipedToShell', data: { downloader: substituted, shell: command.name } });
          continue;
        }
        if (!DOWNLOADERS.has(command.name)) continue;
        const shell = executor.get(command);
        if (shell) ctx.report({ span: { start: command.span.start, end: shell.span.end }, messageId: 'pipedToShell', data: { downloader: command.name, shell: shell.name } });
      }
    }
  },
});
