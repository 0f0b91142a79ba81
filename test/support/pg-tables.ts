import pg from 'pg';

/** Direct access to a test database's tables, as a tool other than Kasa would have it. */

/**
 * Empties every Kasa table of a migrated test database between tests, so a test file needs one
 * database, not one per test. The schema version and the bound audit key stay. The audit table
 * refuses DELETE through its trigger; as the cluster's superuser the test switches triggers off
 * for its own session (session_replication_role), which Kasa's own role could not do.
 */
export async function emptyPgTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('kasa_schema_version', 'audit_key')",
    );
    if (rows.length === 0) return;
    // DELETE, not TRUNCATE: on a handful of rows it costs a fraction of TRUNCATE's new files.
    await client.query(`SET session_replication_role = replica; ${rows.map((row) => `DELETE FROM ${row.name};`).join(' ')}`);
  } finally {
    await client.end();
  }
}

/** One statement on the test database through a connection of its own, as another tool would send it. */
export async function runPgSql(url: string, sql: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table in the public schema, as JSON lines: what a dump of the database would hold. */
export async function pgDump(url: string): Promise<string> {
  const tables = await runPgSql(url, "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const lines: string[] = [];
  for (const { name } of tables) {
    for (const row of await runPgSql(url, `SELECT row_to_json(t)::text AS line FROM ${name} AS t`)) lines.push(`${name} ${row.line}`);
  }
  return lines.join('\n');
}
