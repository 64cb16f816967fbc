import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { SourceText } from '../../../server/src/engine/source';
import type { Target } from '../../../server/src/targets/target';

interface Parsed {
  text: string;
  previous: string | undefined;
}

/** A target that records what it was asked to parse and what it was offered to reuse. */
function recordingTarget(): { target: Target<Parsed>; disposed: string[] } {
  const disposed: string[] = [];
  const target: Target<Parsed> = {
    name: 'fake',
    parse: (source, _kind, previous) => ({ doc: { text: source.text, previous: previous?.text }, problems: [] }),
    comments: () => [],
    dispose: (parsed) => disposed.push(parsed.text),
  };
  return { target, disposed };
}

describe('ParseCache', () => {
  it('parses each content once and shares the result', () => {
    const { target } = recordingTarget();
    const cache = new ParseCache();
    const a = cache.get(target, new SourceText('a.txt', 'one'), 'dockerfile');
    const b = cache.get(target, new SourceText('a.txt', 'one'), 'dockerfile');
    assert.equal(a, b);
  });

  it('offers the superseded parse of the same file for reuse, and frees it at the next sweep', () => {
    const { target, disposed } = recordingTarget();
    const cache = new ParseCache();
    cache.get(target, new SourceText('a.txt', 'v1'), 'dockerfile');
    const second = cache.get(target, new SourceText('a.txt', 'v2'), 'dockerfile');
    assert.equal(second.doc?.previous, 'v1');
    assert.deepEqual(disposed, []);
    cache.sweep();
    assert.deepEqual(disposed, ['v1']);
    // The retired parse is never handed out again: going back to v1 parses afresh.
    const third = cache.get(target, new SourceText('a.txt', 'v1'), 'dockerfile');
    assert.equal(third.doc?.previous, 'v2');
  });

  it('offers nothing for a file parsed the first time or for another file', () => {
    const { target } = recordingTarget();
    const cache = new ParseCache();
    assert.equal(cache.get(target, new SourceText('a.txt', 'v1'), 'dockerfile').doc?.previous, undefined);
    assert.equal(cache.get(target, new SourceText('b.txt', 'v2'), 'dockerfile').doc?.previous, undefined);
  });

  it('turns a parser that throws into a problem on the file', () => {
    const cache = new ParseCache();
    const target: Target<Parsed> = {
      name: 'throws',
      parse: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      comments: () => [],
    };
    const outcome = cache.get(target, new SourceText('deep.yaml', '['), 'yaml');
    assert.equal(outcome.doc, undefined);
    assert.match(outcome.problems[0]?.message ?? '', /Could not parse this file: Maximum call stack/);
  });
});
