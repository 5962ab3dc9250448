import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { checkText } from '../../domain/text-limits.js';
import { badInput } from '../../errors/app-error.js';

/** Loopback, private, link-local, CGNAT, unspecified and multicast ranges, v4 and v6. */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
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
  ['ff00::', 8],
  ['::ffff:0:0', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface UrlPolicy {
  /** Refuse hosts that resolve to loopback, private or link-local addresses. */
  refusePrivate: boolean;
}

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
  if (policy.refusePrivate) await refusePrivateHost(url.hostname);
  return url.toString();
}

/** Fails when any address of the host is not public (also used again before each delivery). */
export async function refusePrivateHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw badInput(`url host ${host} does not resolve`, 'url');
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw badInput('url resolves to a loopback, private or link-local address', 'url');
  }
}
