import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceText } from '../../../server/src/engine/source';
import {
  findLongOption,
  findShortOption,
  leadingAssignments,
  longOptionValue,
  positionalArgs,
  removalSpan,
  subcommand,
} from '../../../server/src/targets/dockerfile/args';
import { DockerfileDocument } from '../../../server/src/targets/dockerfile/document';
import { apkAdd, aptInstall, APT_OPTIONS, pipInstall, yumInstall } from '../../../server/src/targets/dockerfile/packages';
import { splitShellCommands, type ShellCommand } from '../../../server/src/targets/dockerfile/shell';
import { baseImage, isStageReference, lastInChain, parseImageRef, resolvedImage, stageChain } from '../../../server/src/targets/dockerfile/stages';

function command(text: string): ShellCommand {
  const [first] = splitShellCommands(text, 0);
  assert.ok(first);
  return first;
}

describe('shell argument helpers', () => {
  it('finds short options alone and in groups, but not inside an option value', () => {
    const curl = { shortWithValue: 'oH' };
    assert.equal(findShortOption(command('curl -fsSLk https://x'), 'k', curl)?.index, 5);
    assert.equal(findShortOption(command('curl -k https://x'), 'k', curl)?.word.value, '-k');
    assert.equal(findShortOption(command('curl -ok https://x'), 'k', curl), undefined, '`k` is the value of -o');
    assert.equal(findShortOption(command('curl -o -k https://x'), 'k', curl), undefined, '`-k` is the value of -o');
    assert.equal(findShortOption(command('curl -- -k'), 'k', curl), undefined, 'after -- nothing is an option');
    assert.equal(findShortOption(command('curl --insecure x'), 'k', curl), undefined);
  });

  it('finds long options with or without a value', () => {
    const pip = command('pip install --index-url=https://pypi.org/simple --trusted-host pypi.org requests');
    const spec = { longWithValue: ['--trusted-host'] };
    assert.equal(findLongOption(pip, '--trusted-host', spec)?.value, '--trusted-host');
    assert.equal(longOptionValue(pip, '--trusted-host', spec), 'pypi.org');
    assert.equal(longOptionValue(pip, '--index-url', spec), 'https://pypi.org/simple');
    assert.deepEqual(
      positionalArgs(pip, spec).map((w) => w.value),
      ['install', 'requests'],
    );
  });

  it('reads the subcommand after options that take values', () => {
    assert.equal(subcommand(command('apt-get -y -o Dpkg::Options::=--force-confold install nginx'), APT_OPTIONS)?.value, 'install');
    assert.equal(subcommand(command('apt-get -q -c /etc/apt.conf install nginx'), APT_OPTIONS)?.value, 'install');
  });

  it('lists the assignments before the program', () => {
    assert.deepEqual(
      leadingAssignments(command('CGO_ENABLED=0 GOOS=linux go build ./...')).map((w) => w.value),
      ['CGO_ENABLED=0', 'GOOS=linux'],
    );
  });

  it('removes a word with the blanks before it, or after it at the start of a line', () => {
    const source = new SourceText('Dockerfile', 'curl -k -fsSL x');
    const k = command('curl -k -fsSL x').args[0];
    assert.ok(k);
    assert.deepEqual(removalSpan(source, k), { start: 4, end: 7 });
  });

  it('skips reserved words that open compound commands', () => {
    const commands = splitShellCommands('if [ -f /x ]; then apt-get install -y jq; else pip install requests; fi', 0);
    assert.deepEqual(
      commands.map((c) => c.name),
      ['[', 'apt-get', 'pip', 'fi'],
    );
    assert.equal(commands[1]?.words[0]?.value, 'apt-get', 'the keyword is not part of the command');
  });
});

describe('package-manager commands', () => {
  it('recognises installs and ignores other subcommands', () => {
    assert.ok(aptInstall(command('sudo apt-get -y install curl')));
    assert.ok(aptInstall(command('apt install curl')));
    assert.equal(aptInstall(command('apt-get -y remove install-info')), undefined);
    assert.ok(apkAdd(command('apk --no-cache add curl')));
    assert.ok(apkAdd(command('apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add tool')));
    assert.equal(pipInstall(command('python3 -m pip install -r requirements.txt'))?.install.value, 'install');
    assert.equal(pipInstall(command('pip3.12 --quiet install x'))?.install.value, 'install');
    assert.equal(pipInstall(command('pip download x')), undefined);
    assert.equal(pipInstall(command('uv pip install x')), undefined);
    assert.ok(yumInstall(command('dnf -y --setopt=tsflags=nodocs install nginx')));
    assert.ok(yumInstall(command('microdnf install -y java-21-openjdk-headless')));
  });
});

describe('image references and stages', () => {
  it('splits references as Docker reads them', () => {
    assert.deepEqual(parseImageRef('node:20.11-slim'), { raw: 'node:20.11-slim', repository: 'node', registry: undefined, path: 'node', name: 'node', tag: '20.11-slim', digest: undefined });
    const local = parseImageRef('localhost:5000/team/api');
    assert.equal(local.registry, 'localhost:5000');
    assert.equal(local.tag, undefined);
    assert.equal(local.path, 'team/api');
    const hub = parseImageRef('docker.io/library/nginx:1.27@sha256:abc');
    assert.equal(hub.path, 'nginx');
    assert.equal(hub.tag, '1.27');
    assert.equal(hub.digest, 'sha256:abc');
    assert.equal(parseImageRef('mcr.microsoft.com/dotnet/sdk:8.0').path, 'dotnet/sdk');
  });

  it('resolves global ARG defaults in FROM and follows stage references', () => {
    const text = [
      'ARG GO_VERSION=1.22',
      'ARG BASE',
      'ARG RUNTIME',
      'FROM golang:${GO_VERSION}-alpine AS Build',
      'HEALTHCHECK CMD true',
      'FROM ${BASE}',
      'FROM ${RUNTIME:-gcr.io/distroless/static-debian12}',
      'FROM build',
      'ARG GO_VERSION=9',
      '',
    ].join('\n');
    const doc = new DockerfileDocument(new SourceText('Dockerfile', text));
    const [build, unknown, runtime, final] = doc.stages;
    assert.ok(build && unknown && runtime && final);
    assert.equal(resolvedImage(doc, build), 'golang:1.22-alpine');
    assert.equal(resolvedImage(doc, unknown), undefined);
    assert.equal(resolvedImage(doc, runtime), 'gcr.io/distroless/static-debian12');
    assert.ok(isStageReference(doc, final));
    assert.ok(!isStageReference(doc, build));
    assert.deepEqual(
      stageChain(doc, final).map((s) => s.index),
      [3, 0],
    );
    assert.equal(baseImage(doc, final)?.image, 'golang:1.22-alpine');
    assert.equal(lastInChain(doc, final, 'HEALTHCHECK')?.getKeyword(), 'HEALTHCHECK');
  });
});
