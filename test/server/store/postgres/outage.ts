import { runPgSql } from '../../../support/pg-tables.ts';

/**
 * Takes a test database away while clients are connected, the way an operator or a failover
 * would: no new connections, and the open ones ended. `restore` lets connections in again.
 */
export async function loseDatabase(adminUrl: string, url: string): Promise<{ restore(): Promise<void> }> {
  const name = new URL(url).pathname.slice(1);
  await runPgSql(adminUrl, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await runPgSql(adminUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  return {
    async restore() {
      await runPgSql(adminUrl, `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    },
  };
}
