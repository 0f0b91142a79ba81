import type pg from 'pg';
import { advisoryLock } from './advisory-locks.ts';
import { connect, query } from './pool.ts';
import { clusterSchemaSql } from '../../cluster/postgres-schema.ts';
import { deskTables } from './desk-schema.ts';
import { auditKeyRecord, coreTables } from './schema.ts';

/**
 * The schema steps in the order they are applied; version n is the n-th entry. A step that has
 * shipped is never edited: a change is one more entry at the end of this list.
 */
export const pgMigrations: readonly string[] = [coreTables, auditKeyRecord, clusterSchemaSql, deskTables];

/**
 * Brings the schema up to `steps`, each step in its own transaction and recorded in
 * kasa_schema_version. Instances starting together wait on one advisory lock, so each step runs once.
 */
export async function migratePg(pool: pg.Pool, steps: readonly string[] = pgMigrations): Promise<void> {
  const client = await connect(pool);
  let broken = false;
  try {
    await query(client, `SELECT pg_advisory_lock(${advisoryLock.migrations})`);
    try {
      await query(client, 'CREATE TABLE IF NOT EXISTS kasa_schema_version (version integer PRIMARY KEY CHECK (version > 0), applied_at bigint NOT NULL)');
      const { rows } = await query<{ version: number | null }>(client, 'SELECT max(version) AS version FROM kasa_schema_version');
      const current = rows[0]?.version ?? 0;
      if (current > steps.length) {
        throw new Error(`The database schema (version ${current}) is newer than this Kasa (version ${steps.length}); upgrade Kasa.`);
      }
      for (const [index, sql] of steps.entries()) {
        if (index < current) continue;
        await query(client, 'BEGIN');
        try {
          await query(client, sql);
          await query(client, 'INSERT INTO kasa_schema_version (version, applied_at) VALUES ($1, $2)', [index + 1, Date.now()]);
          await query(client, 'COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${advisoryLock.migrations})`).catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A session that may still hold the lock is closed rather than pooled.
    client.release(broken);
  }
}
