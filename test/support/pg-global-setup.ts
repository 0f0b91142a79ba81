import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway cluster, or '' when it could not start (see pgStartError). */
    pgAdminUrl: string;
    pgStartError: string;
  }
}

/**
 * One throwaway PostgreSQL cluster for the whole vitest run; each test file makes its own database
 * in it (test/support/pg-database.ts). A machine without PostgreSQL still runs every other test:
 * only the tests that ask for a database fail, with the reason.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const cluster = await startPgCluster();
    project.provide('pgAdminUrl', cluster.adminUrl);
    project.provide('pgStartError', '');
    return () => cluster.stop();
  } catch (error) {
    project.provide('pgAdminUrl', '');
    project.provide('pgStartError', error instanceof Error ? error.message : String(error));
    return async () => undefined;
  }
}
