import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hardcodedIp, todoMarker } from '../../../../rules/support/code-hygiene';

describe('rules/support/code-hygiene', () => {
  describe('todoMarker', () => {
    it('finds upper-case markers as words, with their text', () => {
      assert.deepEqual(todoMarker(' TODO: make configurable'), { marker: 'TODO', index: 1, text: 'make configurable' });
      assert.deepEqual(todoMarker(' FIXME(ana) retries leak'), { marker: 'FIXME', index: 1, text: 'retries leak' });
      assert.equal(todoMarker('# HACK - skip auth')?.marker, 'HACK');
      assert.equal(todoMarker(' XXX this is wrong')?.marker, 'XXX');
    });
    it('finds tags in any case', () => {
      assert.equal(todoMarker('* @todo validate')?.marker, 'TODO');
      assert.equal(todoMarker(' Fixme: later')?.marker, 'FIXME');
      assert.equal(todoMarker(' todo: later')?.marker, 'TODO');
    });
    it('ignores prose and placeholders', () => {
      assert.equal(todoMarker(' keeps a todo list'), undefined);
      assert.equal(todoMarker(' a hack around the API'), undefined);
      assert.equal(todoMarker(' format: xxx-xxx-xxxx'), undefined);
      assert.equal(todoMarker(' XXXX-YYYY'), undefined);
      assert.equal(todoMarker(' TODOS are tracked in Jira'), undefined);
    });
  });

  describe('hardcodedIp', () => {
    it('finds addresses, with ports and in URLs', () => {
      assert.equal(hardcodedIp('10.0.3.17'), '10.0.3.17');
      assert.equal(hardcodedIp('10.0.3.17:5432'), '10.0.3.17');
      assert.equal(hardcodedIp('postgres://app@172.20.0.5:5432/db'), '172.20.0.5');
      assert.equal(hardcodedIp('http://[2600:1f18::12]:8080/'), '2600:1f18::12');
      assert.equal(hardcodedIp('2a00:1450:4001:82a:0:0:0:200e'), '2a00:1450:4001:82a:0:0:0:200e');
    });
    it('ignores loopback, unspecified, link-local, documentation ranges and netmasks', () => {
      for (const value of ['127.0.0.1', '127.1.2.3', '0.0.0.0', '::', '::1', 'localhost', '169.254.169.254', 'fe80::1', '192.0.2.1', '198.51.100.7', '203.0.113.9', '2001:db8::1', '255.255.255.0', '::ffff:127.0.0.1']) {
        assert.equal(hardcodedIp(value), undefined, value);
      }
    });
    it('ignores what is not one address', () => {
      for (const value of ['10.0.0.0/8', '1.2.300.4', '01.2.3.4', '12:30:00', 'a:b', 'v1.2.3', 'dead:beef', 'host 10.0.0.1 down']) assert.equal(hardcodedIp(value), undefined, value);
    });
  });
});
