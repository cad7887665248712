import { isIP } from 'node:net';

/** [first address, prefix length, what it is] */
type Range = readonly [string, number, string];

const V4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, '"this network"'],
  ['10.0.0.0', 8, 'private (10/8)'],
  ['100.64.0.0', 10, 'carrier-grade NAT (100.64/10)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private (172.16/12)'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation (TEST-NET-1)'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private (192.168/16)'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved / broadcast'],
];

const V6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard-only'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

function v4Bytes(ip: string): number[] {
  return ip.split('.').map((p) => Number(p));
}

/** 16 bytes of an IPv6 address (zone id dropped, embedded dotted quad accepted); null if malformed. */
export function v6Bytes(ip: string): number[] | null {
  let addr = ip.split('%', 1)[0]!.toLowerCase();
  const tail: number[] = [];
  const lastColon = addr.lastIndexOf(':');
  if (addr.slice(lastColon + 1).includes('.')) {
    const quad = addr.slice(lastColon + 1);
    if (isIP(quad) !== 4) return null;
    tail.push(...v4Bytes(quad));
    addr = `${addr.slice(0, lastColon + 1)}0:0`;
  }
  const halves = addr.split('::');
  if (halves.length > 2) return null;
  const words = (s: string) => (s === '' ? [] : s.split(':'));
  const head = words(halves[0]!);
  const rest = halves.length === 2 ? words(halves[1]!) : [];
  const fill = 8 - head.length - rest.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const w of all) {
    if (!/^[0-9a-f]{1,4}$/.test(w)) return null;
    const n = parseInt(w, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes.length === 16 ? bytes : null;
}

function inPrefix(bytes: number[], base: number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const i = bit / 8;
    const bits = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((base[i] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(ip: string): string | null {
  const bytes = v4Bytes(ip);
  for (const [base, prefix, name] of V4_RANGES) if (inPrefix(bytes, v4Bytes(base), prefix)) return name;
  return null;
}

/** An IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64, 6to4), or null. */
function embeddedV4(b: number[]): string | null {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const quad = (i: number) => b.slice(i, i + 4).join('.');
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return quad(12); // ::ffff:a.b.c.d
  if (zero(0, 12) && !zero(12, 16) && !(zero(12, 15) && b[15] === 1)) return quad(12); // ::a.b.c.d (deprecated)
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return quad(12); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return quad(2); // 2002::/16 6to4
  return null;
}

/**
 * Why `ip` must not be crawled (loopback, private, link-local, CGNAT, IPv6 unique-local …), or null for a public
 * address. IPv4 addresses embedded in IPv6 ones are checked as IPv4. Anything that is not an IP address is refused.
 */
export function nonPublicRange(ip: string): string | null {
  const family = isIP(ip.split('%', 1)[0]!);
  if (family === 4) return classifyV4(ip);
  if (family !== 6) return 'not an IP address';
  const bytes = v6Bytes(ip);
  if (!bytes) return 'malformed IPv6 address';
  const v4 = embeddedV4(bytes);
  if (v4) {
    const inner = classifyV4(v4);
    return inner ? `${inner} (embedded in IPv6)` : null;
  }
  for (const [base, prefix, name] of V6_RANGES) if (inPrefix(bytes, v6Bytes(base)!, prefix)) return name;
  return null;
}
