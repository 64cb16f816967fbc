import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { DockerfileDocument, Stage } from '../../server/src/targets/dockerfile/document';
import { instructionSummary, stageChain } from '../../server/src/targets/dockerfile/stages';
import type { FixDescriptor } from '../define-rule';
import { defineRule } from '../define-rule';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/**
 * The CMD and ENTRYPOINT the image runs with: the last of each in the final stage or the
 * stages it builds on. An ENTRYPOINT set in a later stage resets a CMD inherited from
 * an earlier one, as Docker does.
 */
function effective(doc: DockerfileDocument, stage: Stage): { cmd: Instruction | undefined; entrypoint: Instruction | undefined; hasShell: boolean } {
  let cmd: Instruction | undefined;
  let entrypoint: Instruction | undefined;
  let cmdDepth = -1;
  let entrypointDepth = -1;
  let hasShell = false;
  stageChain(doc, stage).forEach((s, depth) => {
    if (doc.instructions('SHELL', s).length > 0) hasShell = true;
    if (!cmd) {
      cmd = doc.instructions('CMD', s).pop();
      if (cmd) cmdDepth = depth;
    }
    if (!entrypoint) {
      entrypoint = doc.instructions('ENTRYPOINT', s).pop();
      if (entrypoint) entrypointDepth = depth;
    }
  });
  if (cmd && entrypoint && entrypointDepth < cmdDepth) cmd = undefined;
  return { cmd, entrypoint, hasShell };
}

/** Shell form that hands PID 1 over with `exec` (`CMD exec gunicorn --bind :$PORT app:app`). */
function startsWithExec(doc: DockerfileDocument, instruction: Instruction): boolean {
  return doc.shellCommands(instruction)[0]?.words[0]?.value === 'exec';
}

/** Exec form that only starts a shell (`["sh", "-c", "node server.js"]`): PID 1 is a shell again. */
function isShellWrapper(doc: DockerfileDocument, instruction: Instruction): boolean {
  const [program, flag, script] = (instruction as JSONInstruction).getJSONStrings().map((s) => s.getJSONValue());
  if (!program || !SHELLS.has(program.slice(program.lastIndexOf('/') + 1)) || flag !== '-c') return false;
  return !/^\s*exec\s/.test(script ?? '') && doc.shellCommands(instruction).length > 0;
}

/** The exec form of a shell-form instruction made of plain words, or undefined when the shell does real work in it. */
function execFormOf(doc: DockerfileDocument, instruction: Instruction): string | undefined {
  if (doc.ast.getEscapeCharacter() !== '\\') return undefined;
  const commands = doc.shellCommands(instruction);
  const command = commands[0];
  if (commands.length !== 1 || !command || command.operatorAfter !== undefined || command.nameWord !== command.words[0]) return undefined;
  for (const word of command.words) {
    const raw = doc.source.text.slice(word.span.start, word.span.end);
    // Quotes only group; outside them globs, redirections, `~` and braces are the shell's.
    const unquoted = raw.replace(/'[^']*'|"[^"]*"/g, '');
    if (/[\\$`]/.test(raw) || /[*?[\]{}~<>|&;()#]/.test(unquoted) || word.value === '') return undefined;
  }
  return `[${command.words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
}

export default defineRule({
  id: 'dockerfile/prefer-exec-form',
  target: 'dockerfile',
  meta: {
    item: 'container.build-hygiene',
    severity: 'warning',
    description: 'Prefer the exec (JSON array) form for the final `CMD` and `ENTRYPOINT`.',
    rationale:
      'In shell form Docker runs `/bin/sh -c "<command>"`: the shell is PID 1 and does not forward SIGTERM, so on every deploy, scale-down or node drain the application gets no chance to finish requests and close connections and is killed after the stop timeout.',
    remediation: 'Write `CMD ["executable", "arg", …]`; if you need variable expansion, keep the shell form but start the command with `exec`.',
    fixable: true,
    related: ['hadolint:DL3025', 'buildkit:JSONArgsRecommended'],
  },
  messages: {
    shellForm:
      '{{keyword}} uses the shell form, so /bin/sh runs as PID 1 and does not pass SIGTERM on: the application gets no graceful shutdown and is killed after the stop timeout. Use the exec form ({{keyword}} ["executable", "arg"]) or start the command with `exec`.',
    shellCmdArgs:
      'CMD uses the shell form while ENTRYPOINT uses the exec form, so the ENTRYPOINT receives "/bin/sh", "-c" and the command as its arguments instead of the ones intended. Write CMD as a JSON array of arguments.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const stage = doc.finalStage;
    if (!stage) return;
    const { cmd, entrypoint, hasShell } = effective(doc, stage);

    const convert = (instruction: Instruction, suggestion: boolean): FixDescriptor | undefined => {
      const args = instruction.getArgumentsRange();
      const exec = hasShell || !args ? undefined : execFormOf(doc, instruction);
      if (!exec || !args) return undefined;
      return { title: `Convert ${instruction.getKeyword()} to the exec form`, suggestion, edits: [{ span: doc.span(args), text: exec }] };
    };

    for (const instruction of [entrypoint, cmd]) {
      if (!instruction) continue;
      const keyword = instruction.getKeyword();
      if (doc.isExecForm(instruction)) {
        if (!isShellWrapper(doc, instruction)) ctx.evidence({ span: doc.span(instruction.getRange()), note: instructionSummary(doc, instruction) });
        continue;
      }
      if (doc.shellCommands(instruction).length === 0) continue;
      if (startsWithExec(doc, instruction)) {
        ctx.evidence({ span: doc.span(instruction.getRange()), note: `${instructionSummary(doc, instruction)} (shell form handing PID 1 over with exec)` });
        continue;
      }
      const span = doc.span(instruction.getRange());
      if (keyword === 'CMD' && entrypoint) {
        // With a shell-form ENTRYPOINT the CMD is never used; that ENTRYPOINT is the finding.
        if (doc.isExecForm(entrypoint)) ctx.report({ span, messageId: 'shellCmdArgs', fix: convert(instruction, false) });
        continue;
      }
      // Converting an ENTRYPOINT makes Docker append the CMD to it: a change to review.
      ctx.report({ span, messageId: 'shellForm', data: { keyword }, fix: convert(instruction, keyword === 'ENTRYPOINT' && cmd !== undefined) });
    }
  },
});
