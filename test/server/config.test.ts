import { describe, expect, it } from 'vitest';
import { cashoutSettingsOf, parseConfig } from '../../server/config.ts';

function ok(env: Record<string, string | undefined>) {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(`expected a valid config, got: ${result.errors.join('; ')}`);
  return result.config;
}

function errors(env: Record<string, string | undefined>) {
  const result = parseConfig(env);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.errors;
}

describe('parseConfig', () => {
  it('applies the documented defaults and starts in demo mode without credentials', () => {
    const config = ok({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      tls: null,
      dataDir: './data',
      databaseUrl: null,
      mode: 'demo',
      paysera: null,
      payseraBaseUrl: 'https://wallet.paysera.com/rest/v1/',
      walletExtParams: {},
      reserveSeconds: 300,
      limits: [{ currency: 'EUR', maxAmountCents: 100_000, supervisorThresholdCents: 30_000, dailyCapCents: null }],
      maxCodeAttempts: 3,
      walletTimeoutMs: 10_000,
      auditKey: null,
      sessionIdleHours: 12,
      logLevel: 'info',
      publicOrigin: null,
      shopName: null,
      requireShift: true,
      tillToleranceCents: 0,
      metricsToken: null,
    });
  });

  it('reads every variable', () => {
    const config = ok({
      PORT: '8443',
      HOST: '0.0.0.0',
      TLS_CERT: '/etc/kasa/cert.pem',
      TLS_KEY: '/etc/kasa/key.pem',
      DATA_DIR: '/var/lib/kasa',
      DATABASE_URL: 'postgresql://kasa:s3cret@db.internal:5432/kasa',
      PAYSERA_CLIENT_ID: 'wkVd93h2uS',
      PAYSERA_MAC_KEY: 'IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU',
      PAYSERA_BASE_URL: 'https://wallet-api.paysera.com/rest/v1',
      PAYSERA_PROJECT_ID: '19019492',
      PAYSERA_LOCATION_ID: '77',
      RESERVE_SECONDS: '600',
      MAX_AMOUNT: '2000',
      SUPERVISOR_THRESHOLD: '500.50',
      MAX_CODE_ATTEMPTS: '5',
      WALLET_TIMEOUT_MS: '8000',
      DAILY_CAP: '5000.00',
      AUDIT_KEY: 'an-audit-key-of-at-least-32-characters',
      SESSION_IDLE_HOURS: '8.5',
      LOG_LEVEL: 'debug',
      PUBLIC_ORIGIN: 'https://kasa.example.com',
      SHOP_NAME: 'Kasa, Gedimino pr. 1, Vilnius',
      REQUIRE_SHIFT: 'false',
      TILL_TOLERANCE: '2.50',
      METRICS_TOKEN: 'scrape-token-0123456789',
    });
    expect(config).toMatchObject({
      port: 8443,
      host: '0.0.0.0',
      tls: { certFile: '/etc/kasa/cert.pem', keyFile: '/etc/kasa/key.pem' },
      dataDir: '/var/lib/kasa',
      databaseUrl: 'postgresql://kasa:s3cret@db.internal:5432/kasa',
      mode: 'live',
      paysera: { clientId: 'wkVd93h2uS', macKey: 'IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU' },
      payseraBaseUrl: 'https://wallet-api.paysera.com/rest/v1/',
      walletExtParams: { project_id: '19019492', location_id: '77' },
      reserveSeconds: 600,
      limits: [{ currency: 'EUR', maxAmountCents: 200_000, supervisorThresholdCents: 50_050, dailyCapCents: 500_000 }],
      maxCodeAttempts: 5,
      walletTimeoutMs: 8000,
      auditKey: 'an-audit-key-of-at-least-32-characters',
      sessionIdleHours: 8.5,
      logLevel: 'debug',
      publicOrigin: 'https://kasa.example.com',
      shopName: 'Kasa, Gedimino pr. 1, Vilnius',
      requireShift: false,
      tillToleranceCents: 250,
      metricsToken: 'scrape-token-0123456789',
    });
  });

  it('returns a frozen config', () => {
    const config = ok({ PAYSERA_CLIENT_ID: 'id', PAYSERA_MAC_KEY: 'key-key-key', AUDIT_KEY: 'k'.repeat(32) });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.paysera)).toBe(true);
    expect(Object.isFrozen(config.walletExtParams)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(ok({ PAYSERA_CLIENT_ID: '', PAYSERA_MAC_KEY: '', PORT: '' })).toMatchObject({ mode: 'demo', port: 8080 });
  });

  it('names the variable and what is wrong with it, one message each', () => {
    expect(errors({ MAX_AMOUNT: '12,50' })).toEqual(['MAX_AMOUNT: "12,50" is not an amount like 1000.00']);
    expect(errors({ PORT: 'http', MAX_CODE_ATTEMPTS: '0' })).toEqual([
      'PORT: "http" is not a whole number from 0 to 65535',
      'MAX_CODE_ATTEMPTS: "0" is not a whole number from 1 to 20',
    ]);
    expect(errors({ LOG_LEVEL: 'loud' })[0]).toMatch(/^LOG_LEVEL: "loud" is not one of fatal, error/);
    expect(errors({ PAYSERA_BASE_URL: 'ftp://x' })[0]).toBe('PAYSERA_BASE_URL: "ftp://x" is not an http(s) URL');
    expect(errors({ PUBLIC_ORIGIN: 'https://kasa.example.com/app' })[0]).toMatch(/^PUBLIC_ORIGIN: .* is not an origin/);
    expect(errors({ SESSION_IDLE_HOURS: '0' })[0]).toMatch(/^SESSION_IDLE_HOURS: "0" is not a number above 0/);
    expect(errors({ DAILY_CAP: '-5' })[0]).toBe('DAILY_CAP: "-5" is not an amount like 1000.00');
    expect(errors({ SHOP_NAME: 'x'.repeat(81) })).toEqual(['SHOP_NAME: must be at most 80 characters, to fit a receipt']);
    expect(errors({ REQUIRE_SHIFT: 'maybe' })).toEqual(['REQUIRE_SHIFT: "maybe" is not true or false']);
    expect(errors({ TILL_TOLERANCE: '-1.00' })).toEqual(['TILL_TOLERANCE: "-1.00" is not an amount like 0.50']);
    expect(errors({ TILL_TOLERANCE: '0.505' })).toEqual(['TILL_TOLERANCE: "0.505" is not an amount like 0.50']);
  });

  it('refuses exactly one of the two Paysera credentials without echoing the key', () => {
    const onlyKey = errors({ PAYSERA_MAC_KEY: 'IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU' });
    expect(onlyKey).toHaveLength(1);
    expect(onlyKey[0]).toMatch(/^PAYSERA_CLIENT_ID: /);
    expect(onlyKey.join()).not.toContain('IrdTc8uQ');
    expect(errors({ PAYSERA_CLIENT_ID: 'wkVd93h2uS' })[0]).toMatch(/^PAYSERA_MAC_KEY: /);
  });

  it('refuses a short or unsendable METRICS_TOKEN, naming the variable and never echoing the token', () => {
    const short = errors({ METRICS_TOKEN: 'sesame-123' });
    expect(short).toEqual(['METRICS_TOKEN: must be at least 16 characters (e.g. openssl rand -hex 24)']);
    const spaced = errors({ METRICS_TOKEN: 'a token with spaces in it' });
    expect(spaced).toEqual(['METRICS_TOKEN: must be printable ASCII without spaces, as a bearer token is sent']);
    expect([...short, ...spaced].join()).not.toMatch(/sesame|token with/);
  });

  it('takes a postgres:// or postgresql:// DATABASE_URL and refuses anything else without showing it', () => {
    expect(ok({ DATABASE_URL: 'postgres://127.0.0.1/kasa' }).databaseUrl).toBe('postgres://127.0.0.1/kasa');
    expect(ok({ DATABASE_URL: 'postgresql:///kasa?host=/run/postgresql' }).databaseUrl).toBe('postgresql:///kasa?host=/run/postgresql');
    for (const bad of ['mysql://kasa:hunter2secret@db/kasa', 'postgres//kasa:hunter2secret@db/kasa', 'hunter2secret', 'postgres://kasa:hunter2secret@/kasa']) {
      const refused = errors({ DATABASE_URL: bad });
      expect(refused).toEqual(['DATABASE_URL: is not a postgres:// or postgresql:// URL with a host (the value is not shown, it may hold a password)']);
    }
  });

  it('refuses half a TLS setup', () => {
    expect(errors({ TLS_CERT: 'cert.pem' })[0]).toMatch(/^TLS_KEY: /);
  });

  it('refuses a supervisor threshold above the limit, and accepts it equal', () => {
    expect(errors({ MAX_AMOUNT: '100.00', SUPERVISOR_THRESHOLD: '100.01' })).toEqual([
      'SUPERVISOR_THRESHOLD: must not be above MAX_AMOUNT',
    ]);
    expect(ok({ MAX_AMOUNT: '100.00', SUPERVISOR_THRESHOLD: '100.00' }).limits[0]?.supervisorThresholdCents).toBe(10_000);
  });
});

describe('cashoutSettingsOf', () => {
  it('carries the limits over and waits six wallet timeouts before judging a lost create absent', () => {
    const parsed = parseConfig({ MAX_AMOUNT: '500.00', SUPERVISOR_THRESHOLD: '200.00', WALLET_TIMEOUT_MS: '2000' });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(cashoutSettingsOf(parsed.config)).toMatchObject({
      limits: [{ currency: 'EUR', maxAmountCents: 50_000, supervisorThresholdCents: 20_000, dailyCapCents: null }],
      reserveSeconds: 300,
      maxCodeAttempts: 3,
      createGraceMs: 12_000,
      writeGraceMs: 4_000,
    });
  });
});
