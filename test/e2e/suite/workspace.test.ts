/**
 * The workspace-level experience in a real editor: the checklist view exists and the
 * report command opens the Markdown assessment of the folder.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const WAIT_MS = 30_000;

async function eventually<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

suite('The readiness checklist and report', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension('readiness.readiness');
    assert.ok(extension, 'the extension is not installed');
    await extension.activate();
  });

  test('"Readiness: Show Report" opens the assessment of the folder as Markdown', async () => {
    await vscode.commands.executeCommand('readiness.showReport');
    const report = await eventually('the report document', () =>
      vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText().startsWith('# Production readiness')),
    );
    const text = report.getText();
    assert.match(text, /\*\*Verdict: (Ready|Ready with gaps|Not ready|Not assessed)\*\* — score \*\*\d+\/100\*\*/);
    assert.match(text, /\[Dockerfile:1\]\(Dockerfile#L1\)/, 'the finding links to its line');
    assert.match(text, /## Next steps/);
  });

  test('the checklist view can be shown', async () => {
    await vscode.commands.executeCommand('readiness.checklist.focus');
    await vscode.commands.executeCommand('readiness.rescan');
  });
});
