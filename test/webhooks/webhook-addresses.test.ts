import { isPrivateAddress, resolveWebhookHost } from '@hotline/api/services';
import { describe, expect, it } from 'vitest';

const refused = [
  // IPv4: this network, private, shared (CGNAT), loopback, link-local (cloud metadata), reserved
  ['0.0.0.0', '0.255.255.255', '10.0.0.1', '10.255.255.255', '100.64.0.1', '100.127.255.255'],
  ['127.0.0.1', '127.255.255.254', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.168.1.1'],
  ['192.0.0.1', '192.0.2.1', '198.18.0.1', '198.19.255.255', '198.51.100.1', '203.0.113.1'],
  ['224.0.0.1', '239.255.255.255', '240.0.0.1', '255.255.255.255'],
  // IPv6: unspecified, loopback, IPv4-compatible, IPv4-mapped in every spelling, IPv4-translated
  ['::', '::1', '::127.0.0.1', '::7f00:1', '::8.8.8.8', '::ffff:127.0.0.1', '::ffff:7f00:1'],
  ['::ffff:8.8.8.8', '0:0:0:0:0:ffff:a00:1', '0000:0000:0000:0000:0000:ffff:0a00:0001', '::FFFF:A9FE:A9FE'],
  ['::ffff:0:a00:1', '::ffff:0:127.0.0.1'],
  // NAT64, local-use NAT64, discard, Teredo, documentation, 6to4
  ['64:ff9b::7f00:1', '64:ff9b::127.0.0.1', '64:ff9b::8.8.8.8', '64:ff9b:1::a00:1', '100::1'],
  ['2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:db8::1', '2002:7f00:1::1', '2002:808:808::1'],
  // unique local, link-local, site-local, multicast
  ['fc00::1', 'fd12:3456:789a::1', 'fe80::1', 'FE80::1', 'febf:ffff::1', 'fec0::1', 'feff::1', 'ff02::1'],
].flat();

const allowed = [
  ['8.8.8.8', '1.1.1.1', '93.184.216.34', '9.255.255.255', '11.0.0.1', '100.63.255.255', '100.128.0.1'],
  ['126.255.255.255', '128.0.0.1', '169.253.255.255', '172.15.255.255', '172.32.0.1', '192.169.0.1'],
  ['198.17.255.255', '198.20.0.1', '223.255.255.255'],
  ['2606:4700:4700::1111', '2a00:1450:4001:82a::200e', '2001:4860:4860::8888', '2001:1::1', '2003::1'],
  ['64:ff9a::1', '64:ff9b:2::1', 'fbff::1', '::1:0:0:1'],
].flat();

describe('webhook address ranges', () => {
  it.each(refused)('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(allowed)('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('treats names (not addresses) as unknown: the resolver decides', () => {
    expect(isPrivateAddress('localhost')).toBe(false);
  });
});

describe('resolveWebhookHost', () => {
  const answer = (addresses: string[]) => async () => addresses;
  const refusePrivate = { refusePrivate: true };

  it('checks every address of a name and connects to the first', async () => {
    expect(
      await resolveWebhookHost('hooks.example', refusePrivate, answer(['93.184.216.34', '8.8.8.8'])),
    ).toBe('93.184.216.34');
    await expect(
      resolveWebhookHost('hooks.example', refusePrivate, answer(['93.184.216.34', '10.0.0.1'])),
    ).rejects.toThrow(/private/);
    await expect(resolveWebhookHost('hooks.example', refusePrivate, answer([]))).rejects.toThrow(
      /does not resolve/,
    );
  });

  it('checks address literals without a lookup, bracketed IPv6 too', async () => {
    const never = async () => {
      throw new Error('looked up');
    };
    await expect(resolveWebhookHost('[::ffff:7f00:1]', refusePrivate, never)).rejects.toThrow(/private/);
    await expect(resolveWebhookHost('169.254.169.254', refusePrivate, never)).rejects.toThrow(/private/);
    expect(await resolveWebhookHost('[2606:4700:4700::1111]', refusePrivate, never)).toBe(
      '2606:4700:4700::1111',
    );
  });

  it('lets private addresses through only when allowed (development, WEBHOOK_ALLOW_PRIVATE)', async () => {
    expect(await resolveWebhookHost('hooks.local', { refusePrivate: false }, answer(['127.0.0.1']))).toBe(
      '127.0.0.1',
    );
  });
});
