import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../rules';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../../server/src/engine/config';
import { activeRules, formatMessage } from '../../../server/src/engine/linter';
import { SourceText } from '../../../server/src/engine/source';

describe('formatMessage', () => {
  it('fills every placeholder, spaces inside the braces or not, the same key twice', () => {
    assert.equal(formatMessage('{{a}} and {{ b }} then {{a}}.', { a: 'x', b: 2 }), 'x and 2 then x.');
  });

  it('keeps a placeholder the data lacks as written', () => {
    assert.equal(formatMessage('Set {{  name }} to {{value}}', { value: 'v' }), 'Set {{  name }} to v');
  });

  it('returns the template itself without data or placeholders', () => {
    assert.equal(formatMessage('No {{x}} here', undefined), 'No {{x}} here');
    assert.equal(formatMessage('Nothing to fill', { x: 1 }), 'Nothing to fill');
  });

  it('gives the same answers on a template seen before', () => {
    const template = '{{who}} said {{what}}';
    assert.equal(formatMessage(template, { who: 'a', what: 'b' }), 'a said b');
    assert.equal(formatMessage(template, { who: 'c', what: 'd' }), 'c said d');
  });
});

describe('activeRules', () => {
  it('answers per configuration: a rule turned off or an item disabled drops out', () => {
    const all = activeRules(ALL_RULES, 'dockerfile', DEFAULT_CONFIG);
    const first = all[0];
    assert.ok(first);
    const off: ResolvedConfig = { ...DEFAULT_CONFIG, rules: new Map([[first.id, 'off']]) };
    const withoutItem: ResolvedConfig = { ...DEFAULT_CONFIG, disabledItems: new Set([first.meta.item]) };
    assert.ok(!activeRules(ALL_RULES, 'dockerfile', off).includes(first));
    assert.ok(!activeRules(ALL_RULES, 'dockerfile', withoutItem).includes(first));
    assert.deepEqual(activeRules(ALL_RULES, 'dockerfile', DEFAULT_CONFIG), all);
    assert.ok(activeRules(ALL_RULES, 'dockerfile', DEFAULT_CONFIG).every((rule) => rule.target === 'dockerfile'));
  });

  it('answers per rule list and per phase', () => {
    const [rule] = activeRules(ALL_RULES, 'dockerfile', DEFAULT_CONFIG);
    assert.ok(rule);
    assert.deepEqual(activeRules([rule], 'dockerfile', DEFAULT_CONFIG), [rule]);
    assert.deepEqual(activeRules([rule], 'k8s', DEFAULT_CONFIG), []);
    assert.deepEqual(activeRules([rule], 'dockerfile', DEFAULT_CONFIG, true), []);
  });
});

describe('SourceText positions', () => {
  const texts = ['a\nbc\n\nd', 'a\r\nbc\r\n\r\nd', 'a\rbc\r\rd', 'a\r\nb\nc\rd\n', '', '\n', 'no break'];
  for (const text of texts) {
    it(`maps offsets to lines and back in ${JSON.stringify(text)}`, () => {
      const source = new SourceText('f', text);
      // The reference: a line starts after \n, after \r\n, and after a \r not followed by \n.
      let line = 0;
      let character = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(source.positionAt(offset), { line, character }, `offset ${offset}`);
        const c = text[offset];
        if (c === '\n' || (c === '\r' && text[offset + 1] !== '\n')) {
          line++;
          character = 0;
        } else {
          character++;
        }
      }
      assert.equal(source.lineCount, line + 1);
      for (let l = 0; l <= line; l++) assert.equal(source.offsetAt({ line: l, character: 0 }), source.lineStart(l));
    });
  }
});
