import { isBinaryFileSync } from 'isbinaryfile';

/** isbinaryfile reads at most its first 512 bytes, and 3 more to finish a UTF-8 sequence. */
const SNIFF_CHARS = 516;

/**
 * Whether a buffer's text looks binary, as isbinaryfile judges the file's bytes, without
 * encoding the whole text on every lint: only the characters that can make up the bytes
 * it reads are. A cut can split a surrogate pair only at the last character kept, whose
 * bytes start past those read.
 */
export function isBinaryText(text: string): boolean {
  if (text.length === 0) return false;
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  return isBinaryFileSync(Buffer.from(head, 'utf8'), { size: Buffer.byteLength(text, 'utf8') });
}
