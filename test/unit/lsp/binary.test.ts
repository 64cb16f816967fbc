import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBinaryFileSync } from 'isbinaryfile';
import { isBinaryText } from '../../../server/src/lsp/binary';

/** What the editor asked before: isbinaryfile over the bytes of the whole text. */
function wholeText(text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length > 0 && isBinaryFileSync(bytes);
}

describe('isBinaryText', () => {
  const samples: Array<[string, string]> = [
    ['empty', ''],
    ['plain text', 'FROM alpine:3.20\nRUN echo hi\n'.repeat(100)],
    ['a NUL early', 'ab\0cd'.repeat(200)],
    ['a NUL past the bytes read', `${'x'.repeat(600)}\0`],
    ['control characters', Array.from({ length: 2000 }, (_, i) => String.fromCharCode(i % 32)).join('')],
    ['noise', Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_535)).join('')],
    ['a PDF header', `%PDF-1.7\n${'x'.repeat(1000)}`],
    ['a BOM', `\ufeff${'é'.repeat(700)}`],
  ];
  for (const [name, text] of samples) {
    it(`agrees with the whole text's bytes: ${name}`, () => assert.equal(isBinaryText(text), wholeText(text)));
  }

  it('agrees wherever a multi-byte character or a surrogate pair falls around the bytes read', () => {
    for (const filler of ['é', '€', '😀', '\u0001']) {
      for (let prefix = 490; prefix <= 520; prefix++) {
        const text = `${'a'.repeat(prefix)}${filler.repeat(40)}${'b'.repeat(50)}`;
        assert.equal(isBinaryText(text), wholeText(text), `${JSON.stringify(filler)} after ${prefix}`);
      }
    }
  });
});
