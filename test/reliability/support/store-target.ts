import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDirAuditKey } from '../../../server/store/audit-key.ts';
import { openSqliteStore } from '../../../server/store/sqlite.ts';
import type { Store } from '../../../server/store/types.ts';

/**
 * Where the Kasa processes of a reliability test keep their data: a SQLite file in a temporary
 * DATA_DIR, or a fresh PostgreSQL database (DATABASE_URL) that several instances can share. The
 * test reaches the same store directly to seed accounts and to see what is still unsettled.
 */

export const storeKinds = ['sqlite'] as const;
export type StoreKind = (typeof storeKinds)[number];

export interface StoreTarget {
  kind: StoreKind;
  dataDir: string;
  /** What points a Kasa process at this store, the audit key included. */
  env: Record<string, string>;
  open(): Promise<Store>;
  remove(): Promise<void>;
}

export async function createStoreTarget(kind: StoreKind): Promise<StoreTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), `kasa-reliability-${kind}-`));
  // The key the accounts are seeded under; an operator keeps AUDIT_KEY outside DATA_DIR.
  const auditKey = dataDirAuditKey(dataDir);
  return {
    kind,
    dataDir,
    env: { DATA_DIR: dataDir, AUDIT_KEY: auditKey },
    open: async () => openSqliteStore({ dataDir, auditKey }),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}
