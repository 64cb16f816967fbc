import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ALL_RULES } from '../../../rules';
import { ConfigError, loadConfig } from '../engine/config';
import { scanWorkspace, type ScanResult } from '../engine/scan';
import { SEVERITY_RANK, type Severity } from '../engine/types';
import { TOOL_NAME, TOOL_VERSION } from '../shared/version';
import { formatJson } from './formats/json';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';
import { formatRulesJson, formatRulesReference, formatRulesText } from './formats/rules';
import { formatText } from './formats/text';
import { ProgressLine } from './progress';

const USAGE = `Usage:
  readiness scan [PATH…] [--format text|json|sarif|markdown] [--output FILE]
                 [--config FILE] [--fail-on error|warning|info|none] [--quiet] [--no-color]
  readiness report [PATH] [--output FILE] [--config FILE]
  readiness rules [--format text|json|markdown]
  readiness --version

Exit codes: 0 no finding at or above --fail-on (default error), 1 findings at or
above it, 2 usage, configuration or internal error.`;

export class UsageError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY: boolean;
  colorEnv: NodeJS.ProcessEnv;
}

const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`readiness: invalid configuration: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`readiness: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`readiness: internal error: ${(error as Error).message}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return scanCommand(rest, io, false);
    case 'report':
      return scanCommand(rest, io, true);
    case 'rules':
      return rulesCommand(rest, io);
    case '--version':
    case '-v':
      io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parse(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function scanCommand(args: readonly string[], io: CliIo, isReport: boolean): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    'fail-on': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'no-color': { type: 'boolean' },
    color: { type: 'boolean' },
  });
  const format = (isReport ? 'markdown' : ((values.format as string | undefined) ?? 'text')) as (typeof SCAN_FORMATS)[number];
  if (!SCAN_FORMATS.includes(format)) throw new UsageError(`unknown format "${String(values.format)}"`);
  const failOn = ((values['fail-on'] as string | undefined) ?? 'error') as (typeof FAIL_ON)[number];
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on takes error, warning, info or none, not "${failOn}"`);
  if (isReport && positionals.length > 1) throw new UsageError('report takes one PATH');

  const { root, include } = resolveTargets(positionals, io.cwd);
  const knownRules = new Set(ALL_RULES.map((r) => r.id));
  const config = loadConfig(root, values.config ? path.resolve(io.cwd, values.config as string) : undefined, knownRules);
  const progress = new ProgressLine(io.isTTY && !values.quiet && !values.output ? io.stderr : undefined);
  let result: ScanResult;
  try {
    result = await scanWorkspace(root, { rules: ALL_RULES, config, include, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.clear();
  }

  const useColor = !values.output && !values['no-color'] && (values.color === true || (io.isTTY && !io.colorEnv.NO_COLOR));
  const rendered =
    format === 'json'
      ? formatJson(result)
      : format === 'sarif'
        ? formatSarif(result, ALL_RULES)
        : format === 'markdown'
          ? formatMarkdown(result, { reportDir: reportDirOf(values.output as string | undefined, io.cwd, root) })
          : formatText(result, useColor, values.quiet === true);
  if (values.output) {
    const file = path.resolve(io.cwd, values.output as string);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, rendered);
  }
  else io.stdout(rendered);

  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn as Severity];
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}

/** The report's folder relative to the scanned root, when it is written inside it. */
function reportDirOf(output: string | undefined, cwd: string, root: string): string | undefined {
  if (!output) return undefined;
  const relative = path.relative(root, path.dirname(path.resolve(cwd, output)));
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
}

/** One folder is the root; several paths (or a file) are scanned under the current folder. */
function resolveTargets(positionals: readonly string[], cwd: string): { root: string; include: string[] | undefined } {
  if (positionals.length === 0) return { root: cwd, include: undefined };
  if (positionals.length === 1) {
    const only = path.resolve(cwd, positionals[0] as string);
    if (isDirectory(only)) return { root: only, include: undefined };
  }
  const include = positionals.map((p) => {
    const abs = path.resolve(cwd, p);
    if (!exists(abs)) throw new UsageError(`no such file or folder: ${p}`);
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${p} is outside the current folder; scan it as the only PATH`);
    return rel;
  });
  return { root: cwd, include };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    throw new UsageError(`no such file or folder: ${p}`);
  }
}

function exists(p: string): boolean {
  return existsSync(p);
}

function rulesCommand(args: readonly string[], io: CliIo): number {
  const { values } = parse(args, { format: { type: 'string', short: 'f' } });
  const format = (values.format as string | undefined) ?? 'text';
  if (format === 'json') io.stdout(formatRulesJson(ALL_RULES));
  else if (format === 'markdown') io.stdout(formatRulesReference(ALL_RULES));
  else if (format === 'text') io.stdout(formatRulesText(ALL_RULES));
  else throw new UsageError(`unknown format "${format}"`);
  return 0;
}
