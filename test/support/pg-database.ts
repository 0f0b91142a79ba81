import { inject } from 'vitest';
import { createDatabaseAt, dropDatabaseAt } from './pg-cluster.ts';

export interface PgTestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database in the run's throwaway cluster (test/support/pg-global-setup.ts). */
export async function freshPgDatabase(): Promise<PgTestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error(`No PostgreSQL for this test: ${inject('pgStartError')}`);
  const url = await createDatabaseAt(adminUrl);
  const name = new URL(url).pathname.slice(1);
  return { url, drop: () => dropDatabaseAt(adminUrl, name) };
}
