/**
 * The tables the cluster code needs on PostgreSQL (the per-cash-out lease and the sweeper's turn
 * are advisory locks and need none). One migration step of the PostgreSQL store's list.
 * Times are milliseconds since the epoch from the instances' clocks, as the in-memory limiter counts them.
 */
export const clusterSchemaSql = `
CREATE TABLE rate_limit_failures (
  scope text NOT NULL,
  key text NOT NULL,
  failures bigint[] NOT NULL CHECK (cardinality(failures) > 0),
  newest_at bigint NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX rate_limit_failures_purge ON rate_limit_failures (scope, newest_at);

CREATE TABLE rate_limit_attempts (
  id uuid PRIMARY KEY,
  scope text NOT NULL,
  key text NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX rate_limit_attempts_key ON rate_limit_attempts (scope, key, expires_at);
CREATE INDEX rate_limit_attempts_purge ON rate_limit_attempts (scope, expires_at);
`;
