import { dataDirAuditKey } from '../../../server/store/audit-key.ts';
import { openPostgresStore } from '../../../server/store/postgres/store.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';

/**
 * Where a test's Kasa keeps its data: the SQLite file in `dataDir`, or the PostgreSQL database at
 * `databaseUrl`. Either way the audit key is the one kept in `dataDir` (liveEnv hands it to the
 * server as AUDIT_KEY), so the test opens the very store the server uses.
 */
export interface StackStore {
  dataDir: string;
  databaseUrl?: string | null;
}

export function openStackStore(where: StackStore): Promise<Store> {
  if (where.databaseUrl) return openPostgresStore({ url: where.databaseUrl, auditKey: dataDirAuditKey(where.dataDir) });
  return Promise.resolve(openSqliteStore({ dataDir: where.dataDir }));
}
