/**
 * The tables the cluster code needs on PostgreSQL (the per-cash-out lease and the sweeper's turn
 * are advisory locks and need none). One migration step of the PostgreSQL store's list.
 * Times are milliseconds since the epoch from the instances' clocks, as the in-memory limiter counts them.
 * UNLOGGED: a throttle's admission and settlement wait for no WAL flush, and a PostgreSQL crash
 * empties the tables, which only lets a guesser start afresh, as a restart does to the in-memory limiter.
 */
export const clusterSchemaSql = `
CREATE UNLOGGED TABLE rate_limit_failures (
  scope text NOT NULL,
  key text NOT NULL,
  failures bigint[] NOT NULL CHECK (cardinality(failures) > 0),
  newest_at bigint NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX rate_limit_failures_purge ON rate_limit_failures (scope, newest_at);

CREATE UNLOGGED TABLE rate_limit_attempts (
  id uuid PRIMARY KEY,
  scope text NOT NULL,
  key text NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX rate_limit_attempts_key ON rate_limit_attempts (scope, key, expires_at);
CREATE INDEX rate_limit_attempts_purge ON rate_limit_attempts (scope, expires_at);
`;
