import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { isItemId } from './checklist-items';
import type { SeveritySetting } from './types';

export const CONFIG_FILE = '.readiness.yaml';
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const severitySetting = z.enum(['off', 'info', 'warning', 'error']);

/** The shape of `.readiness.yaml`; unknown keys are errors so a typo never goes unnoticed. */
export const configSchema = z
  .object({
    ignore: z.array(z.string().min(1)).optional().describe('Globs to skip, relative to the workspace root, on top of .gitignore.'),
    rules: z.record(z.string(), severitySetting).optional().describe('Rule id → off | info | warning | error.'),
    items: z
      .record(z.string(), z.union([z.literal('off'), z.literal('on')]))
      .optional()
      .describe('Checklist item id → off removes the item from the checklist and the report.'),
    maxFileSize: z.number().int().positive().optional().describe('Files larger than this many bytes are skipped (default 1 MiB).'),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

export interface ResolvedConfig {
  ignore: string[];
  rules: ReadonlyMap<string, SeveritySetting>;
  disabledItems: ReadonlySet<string>;
  maxFileSize: number;
  /** Where it came from, for messages; undefined for the defaults. */
  file: string | undefined;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  ignore: [],
  rules: new Map(),
  disabledItems: new Set(),
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  file: undefined,
};

/** A configuration problem, with the file and 1-based line a user needs to find it. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Loads `.readiness.yaml` (or an explicit file); the defaults when there is none. */
export function loadConfig(root: string, explicitFile?: string, knownRules?: ReadonlySet<string>): ResolvedConfig {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicitFile) throw new ConfigError(explicitFile, 1, 'file not found');
    return DEFAULT_CONFIG;
  }
  const display = explicitFile ?? CONFIG_FILE;
  return parseConfig(readFileSync(file, 'utf8'), display, knownRules);
}

export function parseConfig(text: string, displayName: string, knownRules?: ReadonlySet<string>): ResolvedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const firstError = doc.errors[0];
  if (firstError) throw new ConfigError(displayName, lineOf(firstError.pos[0]), firstError.message.split('\n')[0] ?? 'invalid YAML');
  const raw: unknown = doc.toJS() ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const issuePath = issue?.path.filter((p): p is string | number => typeof p !== 'symbol') ?? [];
    const keyPath = issue?.code === 'unrecognized_keys' ? [...issuePath, issue.keys[0] ?? ''] : issuePath;
    const where = keyPath.length ? ` at "${keyPath.join('.')}"` : '';
    throw new ConfigError(displayName, lineOf(offsetOfPath(doc, keyPath)), `${issue?.message ?? 'invalid configuration'}${where}`);
  }
  const config = parsed.data;
  for (const id of Object.keys(config.items ?? {})) {
    if (!isItemId(id)) throw new ConfigError(displayName, lineOf(offsetOfPath(doc, ['items', id])), `unknown checklist item "${id}"`);
  }
  if (knownRules) {
    for (const id of Object.keys(config.rules ?? {})) {
      if (!knownRules.has(id)) throw new ConfigError(displayName, lineOf(offsetOfPath(doc, ['rules', id])), `unknown rule "${id}"`);
    }
  }
  return {
    ignore: config.ignore ?? [],
    rules: new Map(Object.entries(config.rules ?? {})),
    disabledItems: new Set(Object.entries(config.items ?? {}).filter(([, v]) => v === 'off').map(([k]) => k)),
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    file: displayName,
  };
}

/** The offset of the key (or, failing that, the value) at a path, for error lines. */
function offsetOfPath(doc: Document, keyPath: ReadonlyArray<string | number>): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      if (isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isNode(node) && 'items' in node && Array.isArray(node.items) && typeof segment === 'number') {
      node = node.items[segment];
      if (isNode(node)) offset = node.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}
