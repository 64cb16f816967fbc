import { createHash } from 'node:crypto';
import type { FileKind } from './classify';
import type { SourceText } from './source';
import type { ParseOutcome, Target } from '../targets/target';

/**
 * Parsed documents keyed by target, file kind and content, so a file is parsed once
 * per content whoever asks (diagnostics, code actions, the checklist, a template
 * reading its chart's values) and its tree is shared by all its rules. Least
 * recently used entries go first.
 */
export class ParseCache {
  private readonly entries = new Map<string, { outcome: ParseOutcome<unknown>; dispose: (() => void) | undefined }>();
  /** The last key parsed for each file: an edit supersedes it, so its tree goes at once rather than when it ages out. */
  private readonly latestByPath = new Map<string, string>();
  private retired: Array<() => void> = [];

  /** Frees superseded trees; called between lints, when nothing holds them. */
  sweep(): void {
    const retired = this.retired;
    this.retired = [];
    for (const dispose of retired) dispose();
  }

  constructor(private readonly capacity = 512) {}

  get<Parsed>(target: Target<Parsed, unknown>, source: SourceText, kind: FileKind): ParseOutcome<Parsed> {
    const key = `${target.name}\0${kind}\0${createHash('sha1').update(source.text).digest('base64')}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.outcome as ParseOutcome<Parsed>;
    }
    const pathKey = `${target.name}\0${source.path}`;
    const superseded = this.latestByPath.get(pathKey);
    const old = superseded !== undefined && superseded !== key ? this.entries.get(superseded) : undefined;
    let outcome: ParseOutcome<Parsed>;
    try {
      outcome = target.parse(source, kind, old?.outcome.doc as Parsed | undefined);
    } catch (error) {
      // A parser that gives up on hostile input (a stack overflow on deep nesting) is a
      // problem on that file, never a crashed scan or server.
      outcome = { doc: undefined, problems: [{ file: source.path, message: `Could not parse this file: ${(error as Error).message}` }] };
    }
    const doc = outcome.doc;
    const dispose = doc !== undefined && target.dispose ? () => target.dispose?.(doc) : undefined;
    if (superseded !== undefined && superseded !== key) {
      // A lint under way may still hold the old tree: it is freed at the next sweep.
      if (old?.dispose) this.retired.push(old.dispose);
      this.entries.delete(superseded);
    }
    this.latestByPath.set(pathKey, key);
    this.entries.set(key, { outcome, dispose });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        this.entries.get(oldest.value)?.dispose?.();
        this.entries.delete(oldest.value);
      }
    }
    return outcome;
  }

  clear(): void {
    this.sweep();
    for (const entry of this.entries.values()) entry.dispose?.();
    this.entries.clear();
    this.latestByPath.clear();
  }
}
