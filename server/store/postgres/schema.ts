import { advisoryLock } from './advisory-locks.ts';

/**
 * The PostgreSQL schema steps, applied in order by migrations.ts. The same tables and CHECKs as
 * the SQLite store (../migrations.ts); cents and unix-millisecond times are bigint, so no float
 * can land in them. No column can hold a reservation code: codes are never stored.
 */

export const coreTables = `
  CREATE TABLE users (
    username text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('cashier', 'supervisor', 'admin')),
    password_hash text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    created_at bigint NOT NULL
  );

  CREATE TABLE sessions (
    id_hash text PRIMARY KEY CHECK (length(id_hash) = 64),
    username text NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    created_at bigint NOT NULL,
    last_seen_at bigint NOT NULL
  );
  CREATE INDEX sessions_by_username ON sessions (username);
  CREATE INDEX sessions_by_last_seen_at ON sessions (last_seen_at);

  CREATE TABLE cashouts (
    id text PRIMARY KEY,
    status text NOT NULL CHECK (status IN ('created', 'reserved', 'confirmed', 'cancelled', 'expired', 'failed', 'in_doubt')),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    currency text NOT NULL CHECK (length(currency) = 3),
    transaction_key text,
    created_at bigint NOT NULL,
    expires_at bigint,
    cashier text NOT NULL,
    approved_by text,
    confirmed_at bigint,
    failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    error_code text,
    pending text CHECK (pending IN ('create', 'reserve', 'confirm', 'revoke')),
    updated_at bigint NOT NULL
  );
  CREATE INDEX cashouts_by_created_at ON cashouts (created_at);
  CREATE INDEX cashouts_by_status ON cashouts (status);
  CREATE INDEX cashouts_by_cashier_created_at ON cashouts (cashier, created_at);

  CREATE TABLE audit (
    seq bigint PRIMARY KEY CHECK (seq > 0),
    at bigint NOT NULL,
    actor text NOT NULL CHECK (actor <> ''),
    action text NOT NULL CHECK (action <> ''),
    cashout_id text,
    amount_cents bigint CHECK (amount_cents > 0),
    currency text,
    transaction_key text,
    outcome text NOT NULL CHECK (outcome <> ''),
    wallet_error text,
    prev_hash text NOT NULL CHECK (length(prev_hash) = 64),
    hash text NOT NULL CHECK (length(hash) = 64)
  );
  CREATE INDEX audit_by_at ON audit (at, seq);

  -- Takes the append lock, then reads the head: a volatile PL/pgSQL function reads with a snapshot
  -- taken after the lock is held, so it sees the append committed just before. One round trip.
  CREATE FUNCTION audit_head_for_append() RETURNS TABLE (seq bigint, hash text) LANGUAGE plpgsql VOLATILE AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(${advisoryLock.auditAppend});
    RETURN QUERY SELECT a.seq, a.hash FROM audit AS a ORDER BY a.seq DESC LIMIT 1;
  END $$;

  CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
  END $$;
  CREATE TRIGGER audit_refuses_update BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
  -- DELETE triggers do not fire on TRUNCATE.
  CREATE TRIGGER audit_refuses_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
`;

/** The audit chain's key record (../audit-key.ts): bound to the first key the store is opened with, once. */
export const auditKeyRecord = `
  CREATE TABLE audit_key (
    id integer PRIMARY KEY CHECK (id = 1),
    keyed_from bigint NOT NULL CHECK (keyed_from > 0),
    key_check text CHECK (key_check IS NULL OR length(key_check) = 64)
  );
  INSERT INTO audit_key (id, keyed_from, key_check) SELECT 1, coalesce(max(seq), 0) + 1, NULL FROM audit;

  CREATE FUNCTION audit_key_is_set_once() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD.key_check IS NULL AND NEW.keyed_from = OLD.keyed_from THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit key record is set once';
  END $$;
  CREATE TRIGGER audit_key_refuses_change BEFORE UPDATE OR DELETE ON audit_key
    FOR EACH ROW EXECUTE FUNCTION audit_key_is_set_once();
  CREATE TRIGGER audit_key_refuses_truncate BEFORE TRUNCATE ON audit_key
    FOR EACH STATEMENT EXECUTE FUNCTION audit_key_is_set_once();
`;
