import { z } from 'zod';
import { parseCount } from '../shared/money.ts';
import type { CashoutSettings } from './cashout/types.ts';
import { hostRuleErrors, parseHttpUrl, publicOrigin, trustProxy } from './network-config.ts';
import { type CurrencyLimits, parseCurrencyLimits } from './currency-limits.ts';

/** Server configuration from the environment (design §4), validated once at start-up. */

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface PayseraCredentials {
  clientId: string;
  macKey: string;
}

export interface Config {
  port: number;
  host: string;
  tls: { certFile: string; keyFile: string } | null;
  dataDir: string;
  /** PostgreSQL connection string: set, the store is on PostgreSQL (several instances); null, SQLite in dataDir. */
  databaseUrl: string | null;
  mode: 'demo' | 'live';
  /** Null in demo mode: the embedded simulator gets credentials generated per start. */
  paysera: PayseraCredentials | null;
  payseraBaseUrl: string;
  /** Sent as MAC `ext` parameters: project_id, location_id when configured. */
  walletExtParams: Readonly<Record<string, string>>;
  reserveSeconds: number;
  /** The accepted currencies in CURRENCIES order (the first is the app's default), each with its limits. */
  limits: readonly CurrencyLimits[];
  maxCodeAttempts: number;
  walletTimeoutMs: number;
  /** HMAC key of the audit chain; null in demo mode without AUDIT_KEY (a key file in DATA_DIR is used). */
  auditKey: string | null;
  sessionIdleHours: number;
  logLevel: LogLevel;
  /** The address browsers use when it is not the server's own, e.g. a TLS-terminating proxy's; its host and Origin are accepted. */
  publicOrigin: string | null;
  /** CIDR blocks of reverse proxies whose X-Forwarded-For is believed; empty: none. */
  trustProxy: readonly string[];
  /** Printed at the head of every receipt (shop and location); null: the receipt names none. */
  shopName: string | null;
  /** Bearer token of `GET /metrics`; null: no metrics route. */
  metricsToken: string | null;
  /** Payouts only inside the cashier's open shift (NO_OPEN_SHIFT otherwise). */
  requireShift: boolean;
  /** A difference at a shift's close up to this (either way, per currency) needs no supervisor's sign-off. */
  tillToleranceCents: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

type Env = Record<string, string | undefined>;

const shown = (value: string) => JSON.stringify(value);

function integer(min: number, max: number) {
  return z.string().transform((value, ctx) => {
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${shown(value)} is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });
}

const positiveNumber = (max: number) =>
  z.string().transform((value, ctx) => {
    const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(n > 0 && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `${shown(value)} is not a number above 0 and at most ${max}` });
      return z.NEVER;
    }
    return n;
  });

const httpUrl = z.string().transform((value, ctx) => {
  const url = parseHttpUrl(value);
  if (!url) {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not an http(s) URL` });
    return z.NEVER;
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
});

// The value is never shown: a connection string usually carries a password.
const databaseUrl = z.string().transform((value, ctx) => {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || (url.hostname === '' && !url.searchParams.has('host'))) {
    ctx.addIssue({ code: 'custom', message: 'is not a postgres:// or postgresql:// URL with a host (the value is not shown, it may hold a password)' });
    return z.NEVER;
  }
  return value;
});

// Plain strings carry no value-echoing message, so the MAC key never shows up in a start-up error.
const text = z.string();

const level = z.string().transform((value, ctx) => {
  if (!(logLevels as readonly string[]).includes(value)) {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not one of ${logLevels.join(', ')}` });
    return z.NEVER;
  }
  return value as LogLevel;
});

const boolean = z.string().transform((value, ctx) => {
  const lower = value.toLowerCase();
  if (['true', '1', 'yes'].includes(lower)) return true;
  if (['false', '0', 'no'].includes(lower)) return false;
  ctx.addIssue({ code: 'custom', message: `${shown(value)} is not true or false` });
  return z.NEVER;
});

const cents = z.string().transform((value, ctx) => {
  const parsed = parseCount(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `${shown(value)} is not an amount like 0.50` });
    return z.NEVER;
  }
  return parsed.cents;
});

const schema = z.object({
  PORT: integer(0, 65535).default(8080),
  HOST: text.default('127.0.0.1'),
  TLS_CERT: text.optional(),
  TLS_KEY: text.optional(),
  DATA_DIR: text.default('./data'),
  DATABASE_URL: databaseUrl.optional(),
  PAYSERA_CLIENT_ID: text.optional(),
  PAYSERA_MAC_KEY: text.optional(),
  PAYSERA_BASE_URL: httpUrl.default('https://wallet.paysera.com/rest/v1/'),
  PAYSERA_PROJECT_ID: text.optional(),
  PAYSERA_LOCATION_ID: text.optional(),
  RESERVE_SECONDS: integer(30, 86_400).default(300),
  MAX_CODE_ATTEMPTS: integer(1, 20).default(3),
  WALLET_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  AUDIT_KEY: text.min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  SESSION_IDLE_HOURS: positiveNumber(24 * 30).default(12),
  LOG_LEVEL: level.default('info'),
  PUBLIC_ORIGIN: publicOrigin.optional(),
  TRUST_PROXY: trustProxy.optional(),
  SHOP_NAME: text.max(80, 'must be at most 80 characters, to fit a receipt').optional(),
  METRICS_TOKEN: text
    .min(16, 'must be at least 16 characters (e.g. openssl rand -hex 24)')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces, as a bearer token is sent')
    .optional(),
  REQUIRE_SHIFT: boolean.default(true),
  TILL_TOLERANCE: cents.default(0),
});

const names = Object.keys(schema.shape);

/** Unset and empty variables both mean "use the default", as an empty line in .env usually intends. */
function present(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}

export function parseConfig(env: Env): ConfigResult {
  const parsed = schema.safeParse(present(env));
  const limits = parseCurrencyLimits(env);
  if (!parsed.success || !limits.ok) {
    const issues = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, errors: [...issues, ...(limits.ok ? [] : limits.errors)] };
  }
  const v = parsed.data;
  const errors: string[] = [];
  if ((v.PAYSERA_CLIENT_ID === undefined) !== (v.PAYSERA_MAC_KEY === undefined)) {
    const missing = v.PAYSERA_CLIENT_ID === undefined ? 'PAYSERA_CLIENT_ID' : 'PAYSERA_MAC_KEY';
    const other = missing === 'PAYSERA_CLIENT_ID' ? 'PAYSERA_MAC_KEY' : 'PAYSERA_CLIENT_ID';
    errors.push(`${missing}: is not set while ${other} is; set both for live mode or neither for demo mode`);
  }
  if ((v.TLS_CERT === undefined) !== (v.TLS_KEY === undefined)) {
    const missing = v.TLS_CERT === undefined ? 'TLS_CERT' : 'TLS_KEY';
    errors.push(`${missing}: is not set while ${missing === 'TLS_CERT' ? 'TLS_KEY' : 'TLS_CERT'} is; HTTPS needs both`);
  }
  errors.push(...hostRuleErrors(v));
  if (v.PAYSERA_CLIENT_ID !== undefined && v.AUDIT_KEY === undefined) {
    errors.push('AUDIT_KEY: is required in live mode, so that the audit chain cannot be rewritten by whoever copies the database');
  }
  if (errors.length > 0) return { ok: false, errors };

  const paysera = v.PAYSERA_CLIENT_ID !== undefined && v.PAYSERA_MAC_KEY !== undefined
    ? Object.freeze({ clientId: v.PAYSERA_CLIENT_ID, macKey: v.PAYSERA_MAC_KEY })
    : null;
  const walletExtParams: Record<string, string> = {};
  if (v.PAYSERA_PROJECT_ID !== undefined) walletExtParams.project_id = v.PAYSERA_PROJECT_ID;
  if (v.PAYSERA_LOCATION_ID !== undefined) walletExtParams.location_id = v.PAYSERA_LOCATION_ID;

  const config: Config = Object.freeze({
    port: v.PORT,
    host: v.HOST,
    tls: v.TLS_CERT !== undefined && v.TLS_KEY !== undefined ? Object.freeze({ certFile: v.TLS_CERT, keyFile: v.TLS_KEY }) : null,
    dataDir: v.DATA_DIR,
    databaseUrl: v.DATABASE_URL ?? null,
    mode: paysera ? 'live' : 'demo',
    paysera,
    payseraBaseUrl: v.PAYSERA_BASE_URL,
    walletExtParams: Object.freeze(walletExtParams),
    reserveSeconds: v.RESERVE_SECONDS,
    limits: limits.limits,
    maxCodeAttempts: v.MAX_CODE_ATTEMPTS,
    walletTimeoutMs: v.WALLET_TIMEOUT_MS,
    auditKey: v.AUDIT_KEY ?? null,
    sessionIdleHours: v.SESSION_IDLE_HOURS,
    logLevel: v.LOG_LEVEL,
    publicOrigin: v.PUBLIC_ORIGIN ?? null,
    trustProxy: v.TRUST_PROXY ?? Object.freeze([]),
    shopName: v.SHOP_NAME ?? null,
    metricsToken: v.METRICS_TOKEN ?? null,
    requireShift: v.REQUIRE_SHIFT,
    tillToleranceCents: v.TILL_TOLERANCE,
  });
  return { ok: true, config };
}

/** The limits and timings the cash-out workflow runs under, from the configuration. */
export function cashoutSettingsOf(config: Config): CashoutSettings {
  return {
    limits: config.limits,
    reserveSeconds: config.reserveSeconds,
    maxCodeAttempts: config.maxCodeAttempts,
    // Far longer than any request can plausibly take to reach Paysera once we stopped waiting for it.
    createGraceMs: 6 * config.walletTimeoutMs,
    // A write can reach Paysera until its sender's timeout; a second timeout covers Paysera's own work on it.
    writeGraceMs: 2 * config.walletTimeoutMs,
  };
}
