import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../../rules';
import { DEFAULT_CONFIG } from '../../../../server/src/engine/config';
import { scanWorkspace, type ScanResult } from '../../../../server/src/engine/scan';

const rules = ALL_RULES.filter((r) => r.target === 'rust');
const fixture = (name: string) => path.join(__dirname, '../../../fixtures/source/rust', name);
const scan = (name: string): Promise<ScanResult> => scanWorkspace(fixture(name), { rules, config: DEFAULT_CONFIG });
const lines = (result: ScanResult) => result.findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}/${f.messageId}`).sort();

describe('test/fixtures/source/rust/well-built', () => {
  it('gets no finding from any Rust rule, with evidence for what it does right', async () => {
    const result = await scan('well-built');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(lines(result), []);
    const notes = result.evidence.map((e) => `${e.item} ${e.file}: ${e.note}`);
    for (const expected of [
      'reliability.graceful-shutdown src/main.rs: graceful shutdown (`with_graceful_shutdown`)',
      'reliability.graceful-shutdown src/main.rs: `tokio::signal` shutdown handling',
      'reliability.timeouts src/main.rs: reqwest client with `.timeout(…)`',
      'observability.structured-logging src/main.rs: `tracing::info!` structured logging',
      'observability.structured-logging src/routes.rs: `tracing::warn!` structured logging',
    ]) {
      assert.ok(notes.includes(expected), `missing evidence: ${expected}\n${notes.join('\n')}`);
    }
    assert.ok(!result.evidence.some((e) => e.file === 'src/old.rs'), 'nothing in a file no `mod` declares counts');
  });
});

describe('test/fixtures/source/rust/bad', () => {
  it('gets the findings a reviewer would raise, and none in src/old.rs, which is not compiled', async () => {
    const result = await scan('bad');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(lines(result), [
      'src/main.rs:10:5 rust/require-graceful-shutdown/noGracefulShutdown',
      'src/main.rs:9:5 rust/no-debug-print/print',
      'src/routes.rs:20:8 rust/no-todo-comments/marker',
      'src/routes.rs:21:18 rust/require-client-timeouts/builderNoTimeout',
      'src/routes.rs:21:45 rust/no-tls-verify-disabled/dangerFlag',
      'src/routes.rs:27:10 rust/no-unwrap-in-production/unwrap',
      'src/routes.rs:30:10 rust/no-unwrap-in-production/unwrap',
      'src/routes.rs:31:5 rust/no-debug-print/dbg',
      'src/routes.rs:33:9 rust/no-unwrap-in-production/unfinished',
      'src/routes.rs:6:27 rust/no-hardcoded-ip/ip',
      'src/routes.rs:7:29 rust/no-hardcoded-credentials/namedSecret',
    ]);
    const status = Object.fromEntries(result.checklist.map((e) => [e.item, e.status]));
    for (const item of ['security.tls', 'security.secrets', 'reliability.graceful-shutdown', 'reliability.timeouts', 'reliability.error-handling', 'observability.structured-logging', 'operations.code-hygiene']) {
      assert.equal(status[item], 'gap', item);
    }
  });
});
