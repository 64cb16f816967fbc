import {
  DockerfileParser,
  type Dockerfile,
  type From,
  type Instruction,
  type JSONInstruction,
  type Run,
} from 'dockerfile-ast';
import type { SourceText, Span } from '../../engine/source';
import type { Range } from '../../engine/types';
// Installs the faster argument scan on dockerfile-ast's instructions before any parse.
import './instruction-arguments';
import { splitShellCommands, type ShellCommand } from './shell';

/** One build stage: a `FROM` and the instructions up to the next `FROM`. */
export interface Stage {
  index: number;
  from: From;
  /** The `AS name` of the stage, lower-cased as Docker compares it. */
  name: string | undefined;
  /** The image reference written after `FROM` (variables unexpanded). */
  image: string | undefined;
  /** The earlier stage this one builds on (`FROM builder`), if any. */
  parentStage: Stage | undefined;
  instructions: Instruction[];
}

/**
 * A parsed Dockerfile with its stages worked out: what rules need to reason about
 * multi-stage builds (the final stage is what runs) without re-deriving it.
 */
export class DockerfileDocument {
  readonly ast: Dockerfile;
  readonly stages: Stage[];
  private readonly shellCache = new Map<Instruction, ShellCommand[]>();

  constructor(readonly source: SourceText) {
    this.ast = DockerfileParser.parse(source.text);
    this.stages = buildStages(this.ast);
  }

  /** The stage the image runs: the last one. Undefined for a file with no `FROM`. */
  get finalStage(): Stage | undefined {
    return this.stages[this.stages.length - 1];
  }

  /** Instructions of the whole file (or one stage) with this keyword, upper-case. */
  instructions(keyword?: string, stage?: Stage): Instruction[] {
    const all = stage ? stage.instructions : this.ast.getInstructions();
    return keyword ? all.filter((i) => i.getKeyword() === keyword) : all;
  }

  /** The stage holding an instruction. */
  stageOf(instruction: Instruction): Stage | undefined {
    const line = instruction.getRange().start.line;
    let found: Stage | undefined;
    for (const stage of this.stages) {
      if (stage.from.getRange().start.line <= line) found = stage;
    }
    return found;
  }

  /** Whether the instruction is written in exec (JSON array) form. */
  isExecForm(instruction: Instruction): boolean {
    const json = instruction as Partial<JSONInstruction>;
    return typeof json.getOpeningBracket === 'function' && json.getOpeningBracket() !== null && json.getClosingBracket?.() !== null;
  }

  /**
   * The simple commands of a shell-form RUN (and of CMD/ENTRYPOINT/HEALTHCHECK), one
   * per `&&`/`;`/`|` segment, with spans. Heredoc bodies are read as scripts.
   */
  shellCommands(instruction: Instruction): ShellCommand[] {
    const cached = this.shellCache.get(instruction);
    if (cached) return cached;
    const commands = this.computeShellCommands(instruction);
    this.shellCache.set(instruction, commands);
    return commands;
  }

  private computeShellCommands(instruction: Instruction): ShellCommand[] {
    const escape = this.ast.getEscapeCharacter();
    if (this.isExecForm(instruction)) {
      const strings = (instruction as JSONInstruction).getJSONStrings();
      if (strings.length === 0) return [];
      const words = strings.map((s) => ({ value: s.getJSONValue(), span: this.span(s.getRange()) }));
      const first = words[0];
      const last = words[words.length - 1];
      if (!first || !last) return [];
      const name = first.value.slice(first.value.lastIndexOf('/') + 1);
      return [{ name, nameWord: first, words, args: words.slice(1), span: { start: first.span.start, end: last.span.end }, operatorAfter: undefined, pipedTo: undefined }];
    }
    const commands: ShellCommand[] = [];
    const argsRange = instruction.getArgumentsRange();
    const heredocs = instruction.getKeyword() === 'RUN' ? (instruction as Run).getHeredocs() : [];
    if (argsRange) {
      const start = this.source.offsetAt(argsRange.start);
      let end = this.source.offsetAt(argsRange.end);
      const firstHeredoc = heredocs[0];
      if (firstHeredoc) end = Math.min(end, this.source.lineEnd(firstHeredoc.getStartRange().start.line));
      commands.push(...splitShellCommands(this.source.text.slice(start, end), start, escape));
    }
    for (const heredoc of heredocs) {
      const content = heredoc.getContentRange();
      if (!content) continue;
      const start = this.source.offsetAt(content.start);
      const end = this.source.offsetAt(content.end);
      commands.push(...splitShellCommands(this.source.text.slice(start, end), start, escape));
    }
    return commands.filter((c) => !isHeredocMarker(c));
  }

  span(range: Range): Span {
    return { start: this.source.offsetAt(range.start), end: this.source.offsetAt(range.end) };
  }
}

function isHeredocMarker(command: ShellCommand): boolean {
  return command.name.startsWith('<<') && command.words.length === 1;
}

function buildStages(ast: Dockerfile): Stage[] {
  const stages: Stage[] = [];
  const byName = new Map<string, Stage>();
  let current: Stage | undefined;
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const image = from.getImage() ?? undefined;
      const name = from.getBuildStage()?.toLowerCase() ?? undefined;
      const parentStage = image ? byName.get(image.toLowerCase()) : undefined;
      current = { index: stages.length, from, name, image, parentStage, instructions: [instruction] };
      stages.push(current);
      if (name) byName.set(name, current);
    } else if (current) {
      current.instructions.push(instruction);
    }
  }
  return stages;
}
