import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import type { AnyRule } from '../../../../rules/define-rule';
import type { ItemId } from '../../../../server/src/engine/checklist-items';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { scanWorkspace, type ScanResult } from '../../../../server/src/engine/scan';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** Scans a temporary workspace of these files with these rules, as the CLI would. */
export async function scanFiles(files: Record<string, string>, rules: readonly AnyRule[]): Promise<ScanResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-ws-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return scanWorkspace(root, { rules, config: DEFAULT_CONFIG });
}

export function entryOf(result: ScanResult, item: ItemId) {
  const entry = result.checklist.find((e) => e.item === item);
  if (!entry) throw new Error(`no checklist entry for ${item}`);
  return entry;
}

export const EXPRESS_PACKAGE = JSON.stringify({ name: 'orders', version: '1.0.0', scripts: { start: 'node src/server.js' }, dependencies: { express: '^4.19.2' } }, null, 2) + '\n';
export const EXPRESS_SERVER = "const express = require('express');\n\nconst app = express();\napp.get('/orders', (req, res) => res.json([]));\napp.listen(8080);\n";
