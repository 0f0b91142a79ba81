import { isIP } from 'node:net';
import { z } from 'zod';
import { proxyCidr } from './http/trusted-proxies.ts';

/** The variables about where Kasa is reached from: PUBLIC_ORIGIN, TRUST_PROXY and the HOST rule. */

const shown = (value: string) => JSON.stringify(value);

/** The one place a configured URL is parsed; null unless it is http(s). */
export function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

export const publicOrigin = z.string().transform((value, ctx) => {
  const url = parseHttpUrl(value);
  if (!url || url.origin !== value.replace(/\/$/, '')) {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not an origin like https://kasa.example.com` });
    return z.NEVER;
  }
  return url.origin;
});

/** Comma-separated addresses or CIDR blocks → CIDR blocks. */
export const trustProxy = z.string().transform((value, ctx) => {
  const cidrs: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const cidr = proxyCidr(entry);
    if (cidr === null) {
      ctx.addIssue({ code: 'custom', message: `${shown(entry)} is not an IP address or a CIDR block like 10.0.0.0/8 or fd00::/8` });
      return z.NEVER;
    }
    cidrs.push(cidr);
  }
  return Object.freeze(cidrs);
});

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** HOST beyond loopback needs TLS on Kasa or a TLS-terminating proxy in front, else passwords cross the network in clear. */
export function hostRuleErrors(v: { HOST: string; TLS_CERT?: string | undefined; TRUST_PROXY?: readonly string[] | undefined }): string[] {
  if (isLoopback(v.HOST) || v.TLS_CERT !== undefined || (v.TRUST_PROXY?.length ?? 0) > 0) return [];
  return [
    `HOST: ${shown(v.HOST)} lets other machines connect, but without TLS their passwords and session cookies ` +
      'would cross the network in clear text; set TLS_CERT and TLS_KEY, or TRUST_PROXY to the address of the ' +
      'TLS-terminating proxy in front of Kasa, or keep HOST on loopback (127.0.0.1)',
  ];
}
