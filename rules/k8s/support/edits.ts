import type { YAMLMap } from 'yaml';
import type { SourceText } from '../../../server/src/engine/source';
import type { Edit } from '../../../server/src/engine/types';
import { spanOf } from '../../../server/src/targets/yaml/nodes';

/**
 * An edit that adds lines to a block-style container map, after its last line and at
 * its keys' indentation; undefined for flow-style maps (`{name: x}`), which a line
 * edit would break.
 */
export function containerInsertion(source: SourceText, container: YAMLMap, lines: readonly string[]): Edit | undefined {
  if (container.flow) return undefined;
  const first = container.items[0];
  const firstKey = spanOf(first?.key);
  const span = spanOf(container);
  if (!firstKey || !span) return undefined;
  const indent = source.positionAt(firstKey.start).character;
  const lastLine = source.positionAt(Math.max(span.start, span.end - 1)).line;
  const at = source.lineEnd(lastLine);
  const eol = source.eol;
  return { span: { start: at, end: at }, text: lines.map((l) => `${eol}${' '.repeat(indent)}${l}`).join('') };
}
