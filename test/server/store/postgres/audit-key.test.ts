import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../../server/store/postgres/store.ts';
import { freshPgDatabase, type PgTestDatabase } from '../../../support/pg-database.ts';
import { runPgSql } from '../../../support/pg-tables.ts';

const key = 'audit-key-for-pg-key-tests-0123456789ab';
let database: PgTestDatabase;

beforeEach(async () => {
  database = await freshPgDatabase();
});

afterEach(async () => {
  await database.drop();
});

describe('the audit key on PostgreSQL', () => {
  it('binds the first key any instance brings, and refuses an instance with another one', async () => {
    const [first, second] = await Promise.all([openPostgresStore({ url: database.url, auditKey: key }), openPostgresStore({ url: database.url, auditKey: key })]);
    try {
      await first.appendAudit({ actor: 'anna', action: 'cashout.confirm', amountCents: 100, currency: 'EUR', outcome: 'ok' });
      expect(await second.verifyAudit()).toMatchObject({ ok: true, count: 1 });
      await expect(openPostgresStore({ url: database.url, auditKey: 'another-key-0123456789abcdefghijklmn' })).rejects.toThrow(/kept with another key/);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect(await runPgSql(database.url, 'SELECT keyed_from FROM audit_key')).toEqual([{ keyed_from: '1' }]);
    expect(JSON.stringify(await runPgSql(database.url, 'SELECT * FROM audit_key'))).not.toContain(key);
  });

  it('refuses to move or remove the key record, and to empty the audit table', async () => {
    await (await openPostgresStore({ url: database.url, auditKey: key })).close();
    await expect(runPgSql(database.url, 'UPDATE audit_key SET keyed_from = 5')).rejects.toThrow(/set once/);
    await expect(runPgSql(database.url, 'DELETE FROM audit_key')).rejects.toThrow(/set once/);
    await expect(runPgSql(database.url, 'TRUNCATE audit_key')).rejects.toThrow(/set once/);
    await expect(runPgSql(database.url, 'TRUNCATE audit')).rejects.toThrow(/append-only/);
  });

  it('refuses to open once the key record was altered behind its triggers', async () => {
    await (await openPostgresStore({ url: database.url, auditKey: key })).close();
    await runPgSql(database.url, 'ALTER TABLE audit_key DISABLE TRIGGER audit_key_refuses_change; UPDATE audit_key SET keyed_from = 5');
    await expect(openPostgresStore({ url: database.url, auditKey: key })).rejects.toThrow(/kept with another key, or its key record was altered/);
  });
});
