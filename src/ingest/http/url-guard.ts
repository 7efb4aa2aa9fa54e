import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { IngestError } from '../feeds/errors.ts';

/**
 * Refuses URLs that would make newsbot reach into the machine's own network: loopback,
 * private, link-local, CGNAT, cloud metadata, multicast and unspecified addresses, IPv4 and
 * IPv6 (IPv4-mapped and NAT64 forms included). Setting NEWSBOT_ALLOW_PRIVATE_URLS lifts it.
 */

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** Expands an IPv6 address into its eight 16-bit groups. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups].map((group) => parseInt(group, 16));
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-compatible, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | undefined {
  const groups = ipv6Groups(address);
  if (!groups) return undefined;
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && (g5 === 0xffff || g5 === 0)) return v4(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b) return v4(g6, g7);
  if (g0 === 0x2002) return v4(g1 ?? 0, g2 ?? 0);
  return undefined;
}

/** True when newsbot must not connect to this IP address (see the module comment). */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const bare = address.replace(/%.*$/, '');
    if (blocked.check(bare, 'ipv6')) return true;
    const inner = embeddedIpv4(bare);
    return inner !== undefined && blocked.check(inner, 'ipv4');
  }
  return true;
}

function refusal(url: string, address: string): IngestError {
  return new IngestError(
    'E_PRIVATE_ADDRESS',
    `${url}: refused, it points at a private or local address (${address}); only public http(s) URLs are fetched (set NEWSBOT_ALLOW_PRIVATE_URLS=1 to allow this on a trusted network)`,
  );
}

/**
 * Checks what can be checked before connecting: http(s) only, and no private IP literal.
 * Returns the parsed URL. Host names are checked later, at connect time, by `guardedLookup`.
 */
export function assertFetchableUrl(url: string, allowPrivate: boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new IngestError('E_UNSUPPORTED_URL', `${url}: not a valid URL; give an absolute http:// or https:// address`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new IngestError('E_UNSUPPORTED_URL', `${url}: only http:// and https:// URLs are fetched`);
  }
  if (parsed.username || parsed.password) {
    throw new IngestError('E_UNSUPPORTED_URL', `${url}: URLs with credentials are not fetched; remove the user:password@ part`);
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isBlockedAddress(host)) throw refusal(url, host);
  return parsed;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls connect that resolves the host and refuses the connection when any
 * address it resolves to is blocked. Because the socket connects to exactly the address
 * checked here, a DNS answer that changes between a check and the connect cannot slip through.
 */
export function guardedLookup(hostname: string, options: { family?: number | string; all?: boolean; hints?: number }, callback: LookupCallback): void {
  dnsLookup(hostname, { family: Number(options.family) || 0, hints: options.hints ?? 0, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isBlockedAddress(entry.address));
    if (refused) return callback(refusal(hostname, refused.address) as unknown as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
