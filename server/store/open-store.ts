import { mkdirSync } from 'node:fs';
import { dataDirAuditKey } from './audit-key.ts';
import { StoreUnavailableError } from './errors.ts';
import { openPostgresStore } from './postgres/store.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export interface StoreChoice {
  /** DATABASE_URL; null: SQLite in `dataDir`. */
  databaseUrl: string | null;
  /** The SQLite file's folder, and where a key file lives when no AUDIT_KEY is given (demo mode). */
  dataDir: string;
  auditKey: string | null;
}

/**
 * The store the configuration asks for. A PostgreSQL database that cannot be reached stops the
 * start with one line naming DATABASE_URL and where it points, never the URL itself (it may carry
 * a password).
 */
export async function openConfiguredStore(choice: StoreChoice): Promise<Store> {
  const auditKey = choice.auditKey ?? undefined;
  if (choice.databaseUrl === null) return openSqliteStore({ dataDir: choice.dataDir, ...(auditKey !== undefined && { auditKey }) });
  let key = auditKey;
  if (key === undefined) {
    mkdirSync(choice.dataDir, { recursive: true });
    key = dataDirAuditKey(choice.dataDir);
  }
  try {
    return await openPostgresStore({ url: choice.databaseUrl, auditKey: key });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    throw new Error(`DATABASE_URL: the PostgreSQL database at ${whereItPoints(choice.databaseUrl)} cannot be reached (${reasonOf(error)}).`);
  }
}

function whereItPoints(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const host = url.host || url.searchParams.get('host') || 'localhost';
  return `${host}${url.pathname === '/' ? '' : url.pathname}`;
}

function reasonOf(error: StoreUnavailableError): string {
  const cause = error.cause;
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.replace(/\s+/g, ' ').trim();
}
