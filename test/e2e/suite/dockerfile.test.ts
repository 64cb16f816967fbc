/**
 * A Dockerfile whose final stage runs as root, opened in a real editor: the
 * extension activates, the diagnostic reaches the editor, its quick fix repairs the
 * file and a `readiness.rules` override turns the rule off.
 *
 * The workspace is a throwaway copy of test/e2e/fixtures/workspace made by the
 * runner; every test still puts back what it changed, so the tests do not depend on
 * each other's order.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { say } from './say';

const EXTENSION_ID = 'readiness.readiness';
const RULE_ID = 'dockerfile/require-non-root-user';
const WAIT_MS = 30_000;

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

function ruleDiagnostic(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages
    .getDiagnostics(uri)
    .find((d) => d.source === 'readiness' && codeOf(d) === RULE_ID);
}

function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'no diagnostics';
  return all.map((d) => `${d.source ?? '?'}(${String(codeOf(d))}) line ${d.range.start.line}: ${d.message}`).join('\n');
}

/**
 * Resolves with the first truthy value of `probe`, checked whenever the diagnostics
 * change and on a short interval; rejects with `what` after `timeoutMs`.
 */
function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearInterval(interval);
      clearTimeout(timer);
      listener.dispose();
      fn();
    };
    const check = (): void => {
      let value: T | undefined | false;
      try {
        value = probe();
      } catch (err) {
        finish(() => reject(err));
        return;
      }
      if (value) {
        const found = value;
        finish(() => resolve(found));
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics(check);
    const interval = setInterval(check, 100);
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`))), timeoutMs);
    check();
  });
}

async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'restoring the Dockerfile failed');
  await document.save();
}

suite('Dockerfile in the editor', () => {
  let dockerfile: vscode.Uri;
  let document: vscode.TextDocument;
  let original: string;
  /**
   * Set when the extension never activated or never reported: the later tests then
   * fail at once instead of each waiting out its own timeout.
   */
  let broken: string | undefined;

  /** The rule's diagnostic, waited for unless an earlier test found it missing. */
  async function diagnosticPresent(): Promise<vscode.Diagnostic> {
    if (broken) throw new Error(`Not tried: ${broken}`);
    try {
      return await waitFor(`a ${RULE_ID} diagnostic`, () => ruleDiagnostic(dockerfile));
    } catch (err) {
      broken = `no ${RULE_ID} diagnostic ever reached the editor.`;
      throw new Error(`${(err as Error).message}\nDiagnostics on the Dockerfile:\n${describeDiagnostics(dockerfile)}`);
    }
  }

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the editor was opened without the fixture workspace');
    dockerfile = vscode.Uri.joinPath(folder.uri, 'Dockerfile');
    document = await vscode.workspace.openTextDocument(dockerfile);
    await vscode.window.showTextDocument(document);
    original = document.getText();
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('readiness').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    if (document) await replaceText(document, original);
  });

  test('the extension activates on a Dockerfile', async () => {
    assert.equal(document.languageId, 'dockerfile');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) {
      broken = `extension ${EXTENSION_ID} is not installed in the editor.`;
      assert.fail(broken);
    }
    await waitFor('the extension to activate', () => extension.isActive).catch((err: Error) => {
      broken = 'the extension never activated.';
      throw err;
    });
    // Measured, not asserted: the harness prints it with the results.
    const api = extension.exports as { activationMs?: unknown; serverReady?: Promise<number> } | undefined;
    assert.equal(typeof api?.activationMs, 'number', 'activate() returned no activation time');
    const serverMs = await api?.serverReady;
    say(`       activate() took ${(api?.activationMs as number).toFixed(0)} ms; the language server answered initialize ${serverMs?.toFixed(0)} ms after activation`);
  });

  test('a final stage without USER is reported on its FROM line', async () => {
    const diagnostic = await diagnosticPresent();
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /^The final stage never sets USER/);
  });

  test('the "Add USER" quick fix puts USER 10001 before CMD and clears the diagnostic', async () => {
    const diagnostic = await diagnosticPresent();
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      dockerfile,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const titles = (actions ?? []).map((a) => a.title);
    // A bare Command has a string `command`; a CodeAction has an object or none.
    const fix = (actions ?? []).find(
      (a): a is vscode.CodeAction => typeof a.command !== 'string' && a.title.startsWith('Add USER'),
    );
    assert.ok(fix, `no "Add USER" quick fix among: ${JSON.stringify(titles)}`);
    assert.equal(fix.title, 'Add USER 10001 before CMD');

    try {
      if (fix.edit) {
        assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
      }
      if (fix.command) {
        await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      }
      const lines = document.getText().split(/\r?\n/);
      const user = lines.indexOf('USER 10001');
      const cmd = lines.findIndex((l) => l.startsWith('CMD '));
      assert.ok(user >= 0, `no "USER 10001" line after the fix:\n${document.getText()}`);
      assert.equal(cmd, user + 1, `USER 10001 is not right before CMD:\n${document.getText()}`);
      await waitFor('the diagnostic to go away after the fix', () => ruleDiagnostic(dockerfile) === undefined);
    } finally {
      await replaceText(document, original);
    }
    await waitFor('the diagnostic to come back after undoing the fix', () => ruleDiagnostic(dockerfile));
  });

  test('"readiness.rules" set to off removes the diagnostic', async () => {
    await diagnosticPresent();
    const config = vscode.workspace.getConfiguration('readiness');
    try {
      await config.update('rules', { [RULE_ID]: 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('the diagnostic to go away with the rule off', () => ruleDiagnostic(dockerfile) === undefined);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the diagnostic to come back without the override', () => ruleDiagnostic(dockerfile));
  });
});
