import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';

function ok(env: Record<string, string>) {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(`expected a valid config, got: ${result.errors.join('; ')}`);
  return result.config;
}

function errors(env: Record<string, string>) {
  const result = parseConfig(env);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.errors;
}

describe('TRUST_PROXY', () => {
  it('is empty by default and reads a comma-separated list of addresses and CIDR blocks', () => {
    expect(ok({}).trustProxy).toEqual([]);
    expect(Object.isFrozen(ok({}).trustProxy)).toBe(true);
    expect(Object.isFrozen(ok({ TRUST_PROXY: '10.0.0.1' }).trustProxy)).toBe(true);
    expect(ok({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['127.0.0.1/32', '10.0.0.0/8', 'fd00::/8']);
  });

  it('names the entry that is not an address or CIDR block', () => {
    expect(errors({ TRUST_PROXY: '10.0.0.0/8, proxy.lan' })).toEqual([
      'TRUST_PROXY: "proxy.lan" is not an IP address or a CIDR block like 10.0.0.0/8 or fd00::/8',
    ]);
    expect(errors({ TRUST_PROXY: '10.0.0.0/40' })[0]).toMatch(/^TRUST_PROXY: "10.0.0.0\/40" is not/);
  });
});

describe('HOST beyond loopback', () => {
  it('is refused without TLS or a trusted proxy, saying why and what to set', () => {
    const [message, ...rest] = errors({ HOST: '0.0.0.0' });
    expect(rest).toEqual([]);
    expect(message).toMatch(/^HOST: "0\.0\.0\.0" lets other machines connect, but without TLS .* clear text; set TLS_CERT and TLS_KEY, or TRUST_PROXY/);
    expect(errors({ HOST: '192.168.1.20' })[0]).toMatch(/^HOST: /);
    expect(errors({ HOST: '::' })[0]).toMatch(/^HOST: /);
  });

  it('is accepted with TLS, or behind a trusted proxy', () => {
    expect(ok({ HOST: '0.0.0.0', TLS_CERT: 'c.pem', TLS_KEY: 'k.pem' }).host).toBe('0.0.0.0');
    expect(ok({ HOST: '0.0.0.0', TRUST_PROXY: '10.0.0.5' }).host).toBe('0.0.0.0');
  });

  it('leaves loopback alone', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) expect(ok({ HOST: host }).host).toBe(host);
  });
});

describe('URLs', () => {
  it('normalises the Paysera URL from its one parse', () => {
    expect(ok({ PAYSERA_BASE_URL: 'HTTPS://Wallet.Paysera.com/rest/v1' }).payseraBaseUrl).toBe('https://wallet.paysera.com/rest/v1/');
    expect(errors({ PAYSERA_BASE_URL: 'not a url' })).toEqual(['PAYSERA_BASE_URL: "not a url" is not an http(s) URL']);
  });

  it('keeps PUBLIC_ORIGIN to an origin', () => {
    expect(ok({ PUBLIC_ORIGIN: 'https://kasa.example.com/' }).publicOrigin).toBe('https://kasa.example.com');
    expect(errors({ PUBLIC_ORIGIN: 'wss://kasa.example.com' })[0]).toMatch(/^PUBLIC_ORIGIN: /);
  });
});
