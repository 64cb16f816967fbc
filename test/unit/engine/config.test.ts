import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../../server/src/engine/config';

const known = new Set(['dockerfile/require-non-root-user', 'dockerfile/require-healthcheck']);

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, '.readiness.yaml', known);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the configuration to be rejected');
}

describe('.readiness.yaml', () => {
  it('reads ignore globs, rule severities and disabled items', () => {
    const config = parseConfig(
      [
        'ignore: ["**/testdata/**", "examples/**"]',
        'rules:',
        '  dockerfile/require-healthcheck: off',
        '  dockerfile/require-non-root-user: error',
        'items:',
        '  deploy.network-policy: off',
        'maxFileSize: 2048',
      ].join('\n'),
      '.readiness.yaml',
      known,
    );
    assert.deepEqual(config.ignore, ['**/testdata/**', 'examples/**']);
    assert.equal(config.rules.get('dockerfile/require-healthcheck'), 'off');
    assert.equal(config.rules.get('dockerfile/require-non-root-user'), 'error');
    assert.deepEqual([...config.disabledItems], ['deploy.network-policy']);
    assert.equal(config.maxFileSize, 2048);
  });

  it('an empty file is the defaults', () => {
    const config = parseConfig('# nothing yet\n', '.readiness.yaml', known);
    assert.deepEqual(config.ignore, []);
    assert.equal(config.rules.size, 0);
  });

  const bad: Array<[string, string, number, RegExp]> = [
    ['a bad severity names the line of the key', 'rules:\n  dockerfile/require-healthcheck: loud\n', 2, /Invalid option.*rules\.dockerfile\/require-healthcheck/],
    ['an unknown top-level key', 'ignore: []\nrulez:\n  x: off\n', 2, /Unrecognized key.*rulez/],
    ['an unknown rule', 'rules:\n  dockerfile/require-healthcheck: off\n  dockerfile/no-such-rule: warning\n', 3, /unknown rule "dockerfile\/no-such-rule"/],
    ['an unknown item', 'items:\n\n  deploy.networkpolicy: off\n', 3, /unknown checklist item "deploy.networkpolicy"/],
    ['broken YAML', 'ignore: [a, b\nrules: {}\n', 2, /./],
    ['ignore must be a list', 'ignore: "examples/**"\n', 1, /expected array/],
    ['duplicate keys', 'rules: {}\nrules: {}\n', 2, /./],
  ];
  for (const [name, text, line, reason] of bad) {
    it(`rejects ${name} with file and line`, () => {
      const error = errorOf(text);
      assert.equal(error.file, '.readiness.yaml');
      assert.equal(error.line, line);
      assert.match(error.reason, reason);
      assert.match(error.message, new RegExp(`^\\.readiness\\.yaml:${line}: `));
    });
  }
});
