import { createHash } from 'node:crypto';
import type { SourceText } from './source';
import type { ParseOutcome, Target } from '../targets/target';

/**
 * Parsed documents keyed by target and content, so a file is parsed once per content
 * whoever asks (diagnostics, code actions, the checklist) and its tree is shared by
 * all its rules. Least recently used entries go first.
 */
export class ParseCache {
  private readonly entries = new Map<string, ParseOutcome<unknown>>();

  constructor(private readonly capacity = 256) {}

  get<Doc>(target: Target<Doc>, source: SourceText): ParseOutcome<Doc> {
    const key = `${target.name}\0${createHash('sha1').update(source.text).digest('base64')}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as ParseOutcome<Doc>;
    }
    const outcome = target.parse(source);
    this.entries.set(key, outcome);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return outcome;
  }

  clear(): void {
    this.entries.clear();
  }
}
