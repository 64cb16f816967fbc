/**
 * Code-hygiene detectors shared by the rules of every source language: work markers
 * left in comments (`TODO`, `FIXME`, `HACK`, `XXX`) and IP addresses written into the
 * code. Each language's rule finds its comments and string literals; these decide.
 */

export type TodoMarkerWord = 'TODO' | 'FIXME' | 'HACK' | 'XXX';

export interface TodoMarker {
  marker: TodoMarkerWord;
  /** Offset of the marker in the comment text given. */
  index: number;
  /** What follows the marker on its line, without a leading `:`, `(owner)` or `-`. */
  text: string;
}

/**
 * The first work marker of a comment's text, if any. Markers count in upper case as a
 * word of their own (`TODO`, `// FIXME: …`, `HACK(ana)`), and in any case when written
 * as a tag (`@todo`, `todo:`, `Fixme:`); prose such as "a todo list" is not a marker,
 * nor are placeholder runs like `XXXX` or `xxx-xxx`.
 */
export function todoMarker(commentText: string): TodoMarker | undefined {
  const pattern = /(^|[^A-Za-z0-9_])(@?)(TODO|FIXME|HACK|XXX|todo|fixme|hack|xxx|Todo|Fixme|Hack)(?![A-Za-z0-9_])(\([^)]*\))?(\s*[:-])?/g;
  for (let match = pattern.exec(commentText); match; match = pattern.exec(commentText)) {
    const word = match[3] as string;
    const tagged = match[2] === '@' || match[5] !== undefined;
    const upper = word === word.toUpperCase();
    if (!upper && !tagged) continue;
    // `XXX` as a placeholder in a sample value (`xxx-xxx`, `XXX.XXX`), not a marker.
    if (word.toUpperCase() === 'XXX' && /^[-.]x/i.test(commentText.slice(match.index + match[0].length - (match[5]?.length ?? 0)))) continue;
    const index = match.index + (match[1] as string).length + (match[2] as string).length;
    const end = match.index + match[0].length;
    const rest = commentText.slice(end);
    const text = (rest.split(/\r?\n/)[0] ?? '').replace(/\*+\/\s*$/, '').trim();
    return { marker: word.toUpperCase() as TodoMarkerWord, index, text };
  }
  return undefined;
}

/**
 * Addresses that are not a hardcoded host: loopback (`127.0.0.0/8`, `::1`), the
 * unspecified address (`0.0.0.0`, `::`) servers bind to, broadcast, the documentation
 * ranges (`192.0.2.0/24`, `198.51.100.0/24`, `203.0.113.0/24`, `2001:db8::/32`), link-local
 * addresses (`169.254.0.0/16`, the cloud metadata endpoint `169.254.169.254`, `fe80::/10`)
 * and netmasks (`255.255.255.0`). Private ranges (`10.0.0.0/8`, `192.168.0.0/16`…) are
 * reported: they are exactly the addresses that change between environments.
 */
function ignoredV4(octets: number[]): boolean {
  const [a, b] = octets as [number, number, number, number];
  const text = octets.join('.');
  if (a === 127 || a === 0) return true;
  if (text === '255.255.255.255') return true;
  if (a === 255) return true; // netmasks
  if (a === 169 && b === 254) return true;
  return /^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(text);
}

function ipv4(text: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  if (match.slice(1).some((o) => o.length > 1 && o.startsWith('0'))) return undefined;
  return octets;
}

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return false;
  const doubles = text.split('::').length - 1;
  if (doubles > 1) return false;
  let groups = text.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1];
  if (last?.includes('.')) {
    if (!ipv4(last)) return false;
    groups = [...groups.slice(0, -1), '0', '0'];
  }
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return doubles === 1 ? groups.length < 8 : groups.length === 8;
}

function ignoredV6(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower === '::' || lower === '::1' || /^0*(:0*){6}:0*1?$/.test(lower)) return true;
  if (/^fe[89ab][0-9a-f]?:/.test(lower)) return true;
  if (/^2001:0?db8:/.test(lower)) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  const v4 = mapped ? ipv4(mapped[1] as string) : undefined;
  return v4 !== undefined && ignoredV4(v4);
}

/**
 * The IP address a string value hardcodes, or undefined. The value is the address
 * (`10.0.3.17`, `2600:1f18::12`), an address with a port (`10.0.3.17:5432`,
 * `[2600:1f18::12]:443`) or a URL whose host is one (`http://10.0.3.17:9200/logs`).
 * CIDR ranges (`10.0.0.0/8`), version numbers that are not addresses (`1.2.300.4`),
 * and the addresses listed above are not reported.
 */
export function hardcodedIp(stringValue: string): string | undefined {
  let host = stringValue.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(host);
  if (url) host = url[1] as string;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(host);
  if (bracketed) host = bracketed[1] as string;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(host);
  if (withPort) host = withPort[1] as string;
  const v4 = ipv4(host);
  if (v4) return ignoredV4(v4) ? undefined : host;
  if (isIpv6(host)) return ignoredV6(host) ? undefined : host;
  return undefined;
}
