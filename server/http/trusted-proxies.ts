import { BlockList, isIP } from 'node:net';

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is the IPv4 address 10.0.0.1. */
export function unmapIpv4(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** One TRUST_PROXY entry, an address or a CIDR block, as a CIDR ("10.0.0.1" → "10.0.0.1/32"); null when malformed. */
export function proxyCidr(entry: string): string | null {
  const [rawAddress, prefixText, ...extra] = entry.split('/');
  if (rawAddress === undefined || extra.length > 0) return null;
  const address = unmapIpv4(rawAddress);
  const family = isIP(address);
  if (family === 0) return null;
  const maxPrefix = family === 4 ? 32 : 128;
  if (prefixText === undefined) return `${address}/${maxPrefix}`;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > maxPrefix) return null;
  return `${address}/${Number(prefixText)}`;
}

export type ProxyMatcher = (address: string) => boolean;

/** Whether an address lies in one of the CIDR blocks that proxyCidr produced. */
export function proxyMatcher(cidrs: readonly string[]): ProxyMatcher {
  const blocks = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix = ''] = cidr.split('/');
    blocks.addSubnet(address, Number(prefix), isIP(address) === 4 ? 'ipv4' : 'ipv6');
  }
  return (candidate) => {
    const address = unmapIpv4(candidate);
    const family = isIP(address);
    return family !== 0 && blocks.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}
