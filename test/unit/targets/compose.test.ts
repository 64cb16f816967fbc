import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../rules';
import { DEFAULT_CONFIG } from '../../../server/src/engine/config';
import { lintFile } from '../../../server/src/engine/linter';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { SourceText } from '../../../server/src/engine/source';
import {
  composePurpose,
  interpolate,
  parseShortPort,
  parseShortVolume,
  shellWords,
  type ComposeDocument,
} from '../../../server/src/targets/compose/document';
import { composeTarget } from '../../../server/src/targets/compose/target';
import { targetOfKind } from '../../../server/src/targets';

function parse(text: string, path = 'compose.yaml') {
  return composeTarget.parse(new SourceText(path, text), 'compose');
}

function lint(text: string) {
  const workspace = { hasFile: () => false };
  return lintFile(new SourceText('compose.yaml', text), 'compose', { rules: ALL_RULES, config: DEFAULT_CONFIG, workspace, cache: new ParseCache() });
}

describe('compose target', () => {
  it('is the target of compose files', () => assert.equal(targetOfKind('compose'), 'compose'));

  it('reads services with their image and build', () => {
    const { doc, problems } = parse('services:\n  api:\n    build: ./api\n  db:\n    image: postgres:16.4\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(doc?.services.map((s) => [s.name, s.image, s.hasBuild]), [
      ['api', undefined, true],
      ['db', 'postgres:16.4', false],
    ]);
  });

  it('a file that does not parse is a problem, never a crash', () => {
    const text = 'services:\n  api:\n    image: "unterminated\n    ports: [8080\n';
    const outcome = parse(text);
    assert.ok(outcome.problems.length > 0);
    assert.match(outcome.problems[0]?.message ?? '', /YAML syntax error/);
    const result = lint(text);
    assert.deepEqual(result.findings, []);
    assert.ok(result.problems.length > 0);
  });

  it('services that are not maps are problems on their lines', () => {
    assert.match(parse('services:\n  - api\n  - db\n').problems[0]?.message ?? '', /`services` is not a map/);
    const { doc, problems } = parse('services:\n  api: ghcr.io/acme/api:1.0\n  db:\n    image: postgres:16.4\n');
    assert.deepEqual(problems.map((p) => [p.line, p.message.slice(0, 30)]), [[1, 'Service "api" is not a map of ']]);
    assert.deepEqual(doc?.services.map((s) => s.name), ['db']);
  });

  it('every rule survives odd but valid files', () => {
    for (const text of ['', '# nothing\n', 'version: "3.9"\n', 'services:\n', 'services: {}\n', 'services:\n  api: {}\n', 'services:\n  api:\n    environment: [1, {a: b}, null]\n    volumes: [{}, 42]\n    ports: [{}, null]\n', '- a\n- b\n']) {
      const result = lint(text);
      assert.deepEqual(result.problems.filter((p) => /Rule .* failed/.test(p.message)), [], text);
    }
  });

  it('follows merge keys and extends for fields, and flags services that extend another file', () => {
    const { doc } = parse(`x-common: &common
  restart: unless-stopped
  environment:
    LOG_LEVEL: info

services:
  base:
    image: ghcr.io/acme/api:1.0
    read_only: true
  api:
    <<: *common
    extends: base
    environment:
      PORT: "8080"
  worker:
    extends:
      file: common.yml
      service: worker
`);
    const api = (doc as ComposeDocument).service('api');
    assert.equal(api?.fieldPair('restart')?.inherited, true);
    assert.equal(api?.image, 'ghcr.io/acme/api:1.0');
    assert.equal(api?.fieldPair('read_only')?.inherited, true);
    assert.deepEqual(api?.environment().map((e) => e.name), ['PORT']);
    assert.equal((doc as ComposeDocument).service('worker')?.extendsOtherFile, true);
    assert.equal((doc as ComposeDocument).service('worker')?.isFragment, false);
  });

  it('merges environment maps through merge keys, own keys first', () => {
    const { doc } = parse('x-env: &env\n  LOG_LEVEL: info\n  PORT: "80"\nservices:\n  api:\n    image: a:1\n    environment:\n      <<: *env\n      PORT: "8080"\n');
    assert.deepEqual(doc?.service('api')?.environment().map((e) => `${e.name}=${e.value}`), ['PORT=8080', 'LOG_LEVEL=info']);
  });

  it('an extends cycle does not loop', () => {
    const { doc } = parse('services:\n  a:\n    extends: b\n  b:\n    extends: a\n');
    assert.equal(doc?.service('a')?.field('image'), undefined);
  });
});

describe('compose syntax helpers', () => {
  it('interpolates defaults and leaves unknown variables unknown', () => {
    assert.deepEqual(interpolate('postgres:${PG_TAG:-16}'), { text: 'postgres:16', hasVariables: true });
    assert.deepEqual(interpolate('${A-x}/${B:-y}'), { text: 'x/y', hasVariables: true });
    assert.deepEqual(interpolate('${IMAGE}'), { text: undefined, hasVariables: true });
    assert.deepEqual(interpolate('${TOKEN:?required}'), { text: undefined, hasVariables: true });
    assert.deepEqual(interpolate('$$HOME'), { text: '$HOME', hasVariables: false });
    assert.equal(interpolate('${A:-${B}}').text, undefined);
  });

  it('parses the short port syntax', () => {
    assert.deepEqual(parseShortPort('5432:5432'), { hostIp: undefined, published: '5432', target: '5432', protocol: undefined, known: true });
    assert.deepEqual(parseShortPort('127.0.0.1:5432:5432/tcp'), { hostIp: '127.0.0.1', published: '5432', target: '5432', protocol: 'tcp', known: true });
    assert.deepEqual(parseShortPort('[::1]:6001:6001'), { hostIp: '::1', published: '6001', target: '6001', protocol: undefined, known: true });
    assert.deepEqual(parseShortPort('127.0.0.1::5432'), { hostIp: '127.0.0.1', published: undefined, target: '5432', protocol: undefined, known: true });
    assert.deepEqual(parseShortPort('9090-9091:8080-8081'), { hostIp: undefined, published: '9090-9091', target: '8080-8081', protocol: undefined, known: true });
    assert.deepEqual(parseShortPort('3000'), { hostIp: undefined, published: undefined, target: '3000', protocol: undefined, known: true });
    assert.equal(parseShortPort('${BIND}:5432:5432').known, false);
  });

  it('parses the short volume syntax', () => {
    assert.deepEqual(parseShortVolume('pgdata:/var/lib/postgresql/data'), { type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data', readOnly: false });
    assert.deepEqual(parseShortVolume('./conf:/etc/app:ro'), { type: 'bind', source: './conf', target: '/etc/app', readOnly: true });
    assert.deepEqual(parseShortVolume('/var/lib/mysql'), { type: 'anonymous', source: undefined, target: '/var/lib/mysql', readOnly: false });
    assert.deepEqual(parseShortVolume('C:\\data:/data:rw'), { type: 'bind', source: 'C:\\data', target: '/data', readOnly: false });
    assert.deepEqual(parseShortVolume('${DATA_DIR:-./data}:/data'), { type: 'bind', source: '${DATA_DIR:-./data}', target: '/data', readOnly: false });
  });

  it('splits commands like a shell', () => {
    assert.deepEqual(shellWords('redis-server --save "" --appendonly no'), ['redis-server', '--save', '', '--appendonly', 'no']);
    assert.deepEqual(shellWords(`sh -c 'npm run migrate && node server.js'`), ['sh', '-c', 'npm run migrate && node server.js']);
  });

  it('tells deployed files from development and test ones by name', () => {
    assert.equal(composePurpose('compose.yaml'), 'production');
    assert.equal(composePurpose('deploy/docker-compose.prod.yml'), 'production');
    assert.equal(composePurpose('docker-compose.override.yml'), 'production');
    assert.equal(composePurpose('docker-compose.dev.yml'), 'development');
    assert.equal(composePurpose('compose.local.yaml'), 'development');
    assert.equal(composePurpose('docker-compose-test.yml'), 'test');
    assert.equal(composePurpose('docker-compose.ci.yml'), 'test');
  });
});
