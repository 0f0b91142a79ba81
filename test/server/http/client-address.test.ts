import { describe, expect, it } from 'vitest';
import { forwardedClientAddress } from '../../../server/http/client-address.ts';
import { proxyCidr, proxyMatcher, unmapIpv4 } from '../../../server/http/trusted-proxies.ts';

describe('proxyCidr', () => {
  it('turns addresses and CIDR blocks of both families into CIDR blocks', () => {
    expect(proxyCidr('10.0.0.1')).toBe('10.0.0.1/32');
    expect(proxyCidr('10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(proxyCidr('fd00::/8')).toBe('fd00::/8');
    expect(proxyCidr('::1')).toBe('::1/128');
    expect(proxyCidr('::ffff:192.168.1.1')).toBe('192.168.1.1/32');
  });

  it('refuses what is not an address or has an impossible prefix', () => {
    for (const bad of ['proxy.lan', '10.0.0.256', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/-1', '']) {
      expect(proxyCidr(bad)).toBeNull();
    }
  });
});

describe('proxyMatcher', () => {
  const trusted = proxyMatcher(['10.0.0.0/8', '192.168.1.7/32', 'fd00::/8']);

  it('matches inside the blocks, IPv4-mapped peers included, and nothing outside', () => {
    expect(trusted('10.200.3.4')).toBe(true);
    expect(trusted('::ffff:10.1.1.1')).toBe(true);
    expect(trusted('192.168.1.7')).toBe(true);
    expect(trusted('fd12:3456::1')).toBe(true);
    expect(trusted('11.0.0.1')).toBe(false);
    expect(trusted('192.168.1.8')).toBe(false);
    expect(trusted('fe80::1')).toBe(false);
    expect(trusted('not an address')).toBe(false);
  });

  it('trusts nobody when the list is empty', () => {
    expect(proxyMatcher([])('127.0.0.1')).toBe(false);
  });

  it('unmaps only IPv4-mapped IPv6 addresses', () => {
    expect(unmapIpv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(unmapIpv4('::1')).toBe('::1');
  });
});

describe('forwardedClientAddress', () => {
  const trusted = proxyMatcher(['10.0.0.0/8']);

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(forwardedClientAddress('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9');
    expect(forwardedClientAddress('203.0.113.9', '198.51.100.1', proxyMatcher([]))).toBe('203.0.113.9');
  });

  it('takes the right-most entry that is not a trusted proxy, so a client cannot choose its address', () => {
    expect(forwardedClientAddress('10.0.0.2', '198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(forwardedClientAddress('::ffff:10.0.0.2', 'spoofed-by-client, 1.2.3.4, 198.51.100.1, 10.0.0.3', trusted)).toBe('198.51.100.1');
    expect(forwardedClientAddress('10.0.0.2', '1.2.3.4,198.51.100.1', trusted)).toBe('198.51.100.1');
  });

  it('reads ports and brackets proxies put on entries', () => {
    expect(forwardedClientAddress('10.0.0.2', '198.51.100.1:51234', trusted)).toBe('198.51.100.1');
    expect(forwardedClientAddress('10.0.0.2', '[2001:db8::7]:443', trusted)).toBe('2001:db8::7');
    expect(forwardedClientAddress('10.0.0.2', '2001:db8::7', trusted)).toBe('2001:db8::7');
  });

  it('stops at an entry that is no address and keeps the last trusted hop', () => {
    expect(forwardedClientAddress('10.0.0.2', 'garbage', trusted)).toBe('10.0.0.2');
    expect(forwardedClientAddress('10.0.0.2', '198.51.100.1, garbage, 10.0.0.5', trusted)).toBe('10.0.0.5');
  });

  it('falls back to the left-most hop when every hop is a trusted proxy, and to the peer without the header', () => {
    expect(forwardedClientAddress('10.0.0.2', '10.0.0.9, 10.0.0.3', trusted)).toBe('10.0.0.9');
    expect(forwardedClientAddress('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
  });
});
