import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { checkText } from '../../domain/text-limits.js';
import { badInput } from '../../errors/app-error.js';

/**
 * Addresses a webhook must not reach: loopback, private, link-local, shared (CGNAT), unspecified,
 * multicast, reserved, documentation and benchmarking ranges; in IPv6 also every form that embeds
 * an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo), since that IPv4 address may be private.
 */
const blockedV4 = new BlockList();
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
  blockedV4.addSubnet(network, prefix, 'ipv4');
}
// A list of its own: a BlockList holding ::ffff:0:0/96 matches every IPv4 address checked against it.
const blockedV6 = new BlockList();
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::a.b.c.d)
  ['::ffff:0:0', 96], // IPv4-mapped
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT)
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is one a webhook must not reach; false for anything that is not an address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? blockedV4.check(address, 'ipv4') : blockedV6.check(address, 'ipv6');
}

export interface UrlPolicy {
  /** Refuse hosts that resolve to loopback, private or link-local addresses. */
  refusePrivate: boolean;
}

/** A host's addresses (dns.lookup by default; tests inject one that answers differently each time). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const systemResolve: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true })).map((entry) => entry.address);

/** Checks a webhook URL: http(s), no credentials, and (in production) a public address. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy): Promise<string> {
  const text = checkText('url', raw);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('url is not a valid URL', 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badInput('url must be http or https', 'url');
  if (url.username || url.password) throw badInput('url must not carry credentials', 'url');
  if (policy.refusePrivate) await resolveWebhookHost(url.hostname, policy);
  return url.toString();
}

/**
 * Resolves a webhook host once and returns the address to connect to; under `refusePrivate` fails
 * when any of its addresses is not public. Delivery connects to exactly this address (no second
 * lookup), so a name that changes between check and connection (DNS rebinding) changes nothing.
 */
export async function resolveWebhookHost(
  hostname: string,
  policy: UrlPolicy,
  resolve: ResolveHost = systemResolve,
): Promise<string> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw badInput(`url host ${host} does not resolve`, 'url');
  }
  const [first] = addresses;
  if (!first) throw badInput(`url host ${host} does not resolve`, 'url');
  if (policy.refusePrivate && addresses.some(isPrivateAddress)) {
    throw badInput('url resolves to a loopback, private or link-local address', 'url');
  }
  return first;
}
