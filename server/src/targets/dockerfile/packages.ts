// Package-manager commands of RUN lines, recognised the same way by every rule.
import { subcommand, type OptionSpec } from './args';
import type { ShellCommand, ShellWord } from './shell';

export const APT_OPTIONS: OptionSpec = {
  shortWithValue: 'octa',
  longWithValue: ['--option', '--config-file', '--target-release', '--default-release', '--host-architecture'],
};

export const APK_OPTIONS: OptionSpec = {
  shortWithValue: 'Xpt',
  longWithValue: ['--repository', '--root', '--virtual', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--cache-max-age'],
};

export const PIP_OPTIONS: OptionSpec = {
  shortWithValue: 'rcetifC',
  longWithValue: [
    '--requirement', '--constraint', '--editable', '--target', '--index-url', '--extra-index-url', '--find-links', '--trusted-host',
    '--cache-dir', '--prefix', '--root', '--src', '--platform', '--python-version', '--implementation', '--abi', '--upgrade-strategy',
    '--progress-bar', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--global-option',
    '--config-settings', '--python', '--only-binary', '--no-binary', '--report',
  ],
};

export const YUM_OPTIONS: OptionSpec = {
  shortWithValue: 'cdexR',
  longWithValue: ['--config', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '--exclude', '--setopt', '--repo', '--repoid', '--forcearch'],
};

export const YUM_FAMILY = new Set(['yum', 'dnf', 'microdnf', 'tdnf']);

/** The `install` word of `apt-get install`/`apt install`, after options such as `-y` or `-o X=1`. */
export function aptInstall(command: ShellCommand): ShellWord | undefined {
  if (command.name !== 'apt-get' && command.name !== 'apt') return undefined;
  const sub = subcommand(command, APT_OPTIONS);
  return sub?.value === 'install' ? sub : undefined;
}

/** The `add` word of `apk add`. */
export function apkAdd(command: ShellCommand): ShellWord | undefined {
  if (command.name !== 'apk') return undefined;
  const sub = subcommand(command, APK_OPTIONS);
  return sub?.value === 'add' ? sub : undefined;
}

/**
 * `pip install …` and `python -m pip install …`: the install word and the command
 * seen from pip's point of view (its arguments start after `pip`).
 */
export function pipInstall(command: ShellCommand): { install: ShellWord; pip: ShellCommand } | undefined {
  let pip: ShellCommand | undefined;
  if (/^pip[0-9.]*$/.test(command.name)) pip = command;
  else if (/^python[0-9.]*$/.test(command.name) && command.args[0]?.value === '-m' && /^pip[0-9.]*$/.test(command.args[1]?.value ?? '')) {
    pip = { ...command, args: command.args.slice(2) };
  }
  if (!pip) return undefined;
  const sub = subcommand(pip, PIP_OPTIONS);
  return sub?.value === 'install' ? { install: sub, pip } : undefined;
}

/** The `install` word of `yum`/`dnf`/`microdnf`/`tdnf install`. */
export function yumInstall(command: ShellCommand): ShellWord | undefined {
  if (!YUM_FAMILY.has(command.name)) return undefined;
  const sub = subcommand(command, YUM_OPTIONS);
  return sub?.value === 'install' || sub?.value === 'groupinstall' || sub?.value === 'reinstall' ? sub : undefined;
}
