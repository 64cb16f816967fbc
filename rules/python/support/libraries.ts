import type { SyntaxDocument } from '../../../server/src/targets/source/syntax-document';
import { calls, importedFrom, moduleFunction, type Call } from './syntax';

/** A library call that is evidence: functions (or classes) of a module, with the note to record. */
export interface LibraryCall {
  module: string;
  names: readonly string[];
  note: string;
}

/**
 * Calls of the listed functions, however the module is imported: `prometheus_client.Counter(…)`,
 * `Counter(…)` after `from prometheus_client import Counter`, and `metrics.get_meter(…)` after
 * `from opentelemetry import metrics` (a submodule imported from its package).
 */
export function libraryCalls(doc: SyntaxDocument, uses: readonly LibraryCall[]): Array<{ call: Call; note: string }> {
  const out: Array<{ call: Call; note: string }> = [];
  const all = calls(doc);
  for (const use of uses) {
    const dot = use.module.lastIndexOf('.');
    const parent = dot > 0 ? use.module.slice(0, dot) : undefined;
    const child = use.module.slice(dot + 1);
    const viaParent = parent !== undefined && importedFrom(doc, parent).get(child) === child;
    for (const call of all) {
      let fn = moduleFunction(doc, call, use.module);
      if (fn === undefined && viaParent && call.callee.startsWith(`${child}.`)) fn = call.callee.slice(child.length + 1);
      if (fn !== undefined && use.names.includes(fn)) out.push({ call, note: use.note });
    }
  }
  return out.sort((a, b) => a.call.node.startIndex - b.call.node.startIndex);
}
