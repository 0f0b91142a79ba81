import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { environmentWithDotEnv, parseDotEnv } from '../../server/dotenv.ts';

describe('parseDotEnv', () => {
  it('reads KEY=VALUE lines, quotes, export and comments', () => {
    const text = [
      '# Kasa settings',
      '',
      'PORT=9090',
      'export HOST = 0.0.0.0',
      'MAX_AMOUNT="750.00"',
      "PUBLIC_ORIGIN='https://kasa.example.com'",
      'LOG_LEVEL=debug # chatty while testing',
      'not a variable line',
      'DATA_DIR=C:\\kasa data\r',
    ].join('\n');
    expect(parseDotEnv(text)).toEqual({
      PORT: '9090',
      HOST: '0.0.0.0',
      MAX_AMOUNT: '750.00',
      PUBLIC_ORIGIN: 'https://kasa.example.com',
      LOG_LEVEL: 'debug',
      DATA_DIR: 'C:\\kasa data',
    });
  });
});

describe('environmentWithDotEnv', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('lets the real environment win over .env', () => {
    dir = mkdtempSync(join(tmpdir(), 'kasa-dotenv-'));
    writeFileSync(join(dir, '.env'), 'PORT=9090\nMAX_AMOUNT=750.00\n');
    const env = environmentWithDotEnv(dir, { PORT: '7070' });
    expect(parseConfig(env)).toMatchObject({ ok: true, config: { port: 7070, limits: [{ currency: 'EUR', maxAmountCents: 75_000 }] } });
  });

  it('works without a .env file', () => {
    dir = mkdtempSync(join(tmpdir(), 'kasa-dotenv-'));
    expect(environmentWithDotEnv(dir, { PORT: '7070' })).toEqual({ PORT: '7070' });
  });

  it('a bad variable in .env yields the named message', () => {
    dir = mkdtempSync(join(tmpdir(), 'kasa-dotenv-'));
    writeFileSync(join(dir, '.env'), 'MAX_AMOUNT=12,50\n');
    expect(parseConfig(environmentWithDotEnv(dir, {}))).toEqual({
      ok: false,
      errors: ['MAX_AMOUNT: "12,50" is not an amount like 1000.00'],
    });
  });
});
