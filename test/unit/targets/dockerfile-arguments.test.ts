import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { originalRawArguments, scanArguments } from '../../../server/src/targets/dockerfile/instruction-arguments';

type Scanned = Array<{ value: string; range: unknown }>;
type Internals = Parameters<typeof scanArguments>[0];

/** Both scans of every instruction (ONBUILD triggers included), as plain values. */
function bothScans(text: string): Array<{ ours: Scanned; library: Scanned }> {
  const original = originalRawArguments;
  assert.ok(original, 'dockerfile-ast still has getRawArguments');
  const out: Array<{ ours: Scanned; library: Scanned }> = [];
  const visit = (instruction: Instruction): void => {
    const internals = instruction as unknown as Internals;
    const plain = (args: ReturnType<typeof scanArguments>): Scanned => args.map((a) => ({ value: a.getValue(), range: a.getRange() }));
    out.push({ ours: plain(scanArguments(internals)), library: plain(original.call(internals)) });
  };
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    visit(instruction);
    if (instruction.getKeyword() === 'ONBUILD') {
      const trigger = (instruction as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction();
      if (trigger) visit(trigger);
    }
  }
  return out;
}

/** A deterministic generator (mulberry32), so a failure reproduces. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
  };
}

const KEYWORDS = ['RUN', 'CMD', 'ENV', 'COPY', 'FROM', 'ADD', 'LABEL', 'ARG', 'HEALTHCHECK', 'ONBUILD RUN', 'ENTRYPOINT', 'USER', 'EXPOSE', 'WORKDIR'];
const PIECES = ['a', 'bc', '--flag=x', '$', '${X}', '"', "'", '=', '#', ' ', '  ', '\t', '\\', '\\ ', '\\\n', '\\\r\n', ' \\ \n', '\n', '\r\n', '\n# comment\n', '\n  #x\n', '<<EOF', '`', '[', ']', ',', 'é', '💡'];

function randomDockerfile(random: (n: number) => number): string {
  const lines: string[] = random(4) === 0 ? ['# escape=`'] : [];
  const count = 1 + random(6);
  for (let l = 0; l < count; l++) {
    let line = `${KEYWORDS[random(KEYWORDS.length)]}${random(5) === 0 ? '' : ' '}`;
    const pieces = random(14);
    for (let p = 0; p < pieces; p++) line += PIECES[random(PIECES.length)];
    lines.push(line);
  }
  return lines.join(random(3) === 0 ? '\r\n' : '\n');
}

function dockerfilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...dockerfilesUnder(full));
    else if (/dockerfile/i.test(entry)) out.push(full);
  }
  return out;
}

describe('instruction argument scan', () => {
  it('matches dockerfile-ast on generated instructions', () => {
    const random = generator(20_240_601);
    for (let n = 0; n < 4000; n++) {
      const text = randomDockerfile(random);
      for (const { ours, library } of bothScans(text)) assert.deepStrictEqual(ours, library, JSON.stringify(text));
    }
  });

  it('matches dockerfile-ast on the Dockerfiles of the fixtures', () => {
    const files = dockerfilesUnder(path.resolve(__dirname, '../../fixtures'));
    assert.ok(files.length > 0);
    for (const file of files) {
      for (const { ours, library } of bothScans(readFileSync(file, 'utf8'))) assert.deepStrictEqual(ours, library, file);
    }
  });

  it('hands each caller its own array, since the library shifts flags off it', () => {
    const [run] = DockerfileParser.parse('RUN --mount=type=cache,target=/root apt-get install -y curl\n').getInstructions();
    assert.ok(run);
    const first = run.getArguments();
    first.length = 0;
    assert.deepStrictEqual(
      run.getArguments().map((a) => a.getValue()),
      ['apt-get', 'install', '-y', 'curl'],
    );
  });
});
