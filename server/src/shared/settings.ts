/**
 * What the client and the server agree on: the settings section, command ids and
 * code action kinds. The client imports this file, so it stays free of engine code.
 */
import type { SeveritySetting } from '../engine/types';

export const SETTINGS_SECTION = 'readiness';

export type RunMode = 'onType' | 'onSave';

export interface ReadinessSettings {
  enable: boolean;
  run: RunMode;
  /** Rule id → severity, applied on top of `.readiness.yaml`. */
  rules: Readonly<Record<string, SeveritySetting>>;
  /** Checklist item id → off, on top of `.readiness.yaml`. */
  items: Readonly<Record<string, 'on' | 'off'>>;
  /** Globs of files to leave alone, on top of `.gitignore` and `.readiness.yaml`. */
  ignore: readonly string[];
}

export const DEFAULT_SETTINGS: ReadinessSettings = { enable: true, run: 'onType', rules: {}, items: {}, ignore: [] };

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'info', 'warning', 'error']);

/** Settings as a client sends them (any shape, possibly null) → a complete, valid object. */
export function normalizeSettings(raw: unknown): ReadinessSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const value = raw as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (typeof value.rules === 'object' && value.rules !== null) {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const items: Record<string, 'on' | 'off'> = {};
  if (typeof value.items === 'object' && value.items !== null) {
    for (const [id, state] of Object.entries(value.items as Record<string, unknown>)) {
      if (state === 'on' || state === 'off') items[id] = state;
      else if (typeof state === 'boolean') items[id] = state ? 'on' : 'off';
    }
  }
  const ignore = Array.isArray(value.ignore) ? value.ignore.filter((g): g is string => typeof g === 'string' && g.length > 0) : [];
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    rules,
    items,
    ignore,
  };
}

export const COMMANDS = {
  restartServer: 'readiness.restartServer',
  showOutput: 'readiness.showOutput',
  openRuleDocs: 'readiness.openRuleDocs',
  showReport: 'readiness.showReport',
  rescan: 'readiness.rescan',
  exportSarif: 'readiness.exportSarif',
  showOpenItems: 'readiness.showOpenItems',
  showAllItems: 'readiness.showAllItems',
  focusChecklist: 'readiness.checklist.focus',
} as const;

/** The argument of `readiness.openRuleDocs`. */
export interface OpenRuleDocsArgs {
  ruleId: string;
  /** `file://` URI of the rule's Markdown doc, as the server resolved it. */
  uri?: string;
}

export const FIX_ALL_KIND = 'source.fixAll.readiness';
