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
}

export const DEFAULT_SETTINGS: ReadinessSettings = { enable: true, run: 'onType', rules: {} };

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
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    rules,
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
