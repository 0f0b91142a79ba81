/**
 * Schema migrations in the order they are applied; `PRAGMA user_version` records how many ran.
 * A migration that has shipped is never edited: changes go into a new entry at the end.
 * Tables are STRICT so that a float or a string can never land in a cents column.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    username TEXT PRIMARY KEY NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL CHECK (length(id_hash) = 64),
    username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX sessions_by_username ON sessions (username);
  CREATE INDEX sessions_by_last_seen_at ON sessions (last_seen_at);

  CREATE TABLE cashouts (
    id TEXT PRIMARY KEY NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('created', 'reserved', 'confirmed', 'cancelled', 'expired', 'failed', 'in_doubt')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    transaction_key TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    cashier TEXT NOT NULL,
    approved_by TEXT,
    confirmed_at INTEGER,
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    error_code TEXT,
    pending TEXT CHECK (pending IN ('create', 'reserve', 'confirm', 'revoke')),
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX cashouts_by_created_at ON cashouts (created_at);
  CREATE INDEX cashouts_by_status ON cashouts (status);
  CREATE INDEX cashouts_by_cashier_created_at ON cashouts (cashier, created_at);

  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY CHECK (seq > 0),
    at INTEGER NOT NULL,
    actor TEXT NOT NULL CHECK (actor <> ''),
    action TEXT NOT NULL CHECK (action <> ''),
    cashout_id TEXT,
    amount_cents INTEGER CHECK (amount_cents > 0),
    currency TEXT,
    transaction_key TEXT,
    outcome TEXT NOT NULL CHECK (outcome <> ''),
    wallet_error TEXT,
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
  ) STRICT;
  CREATE INDEX audit_by_at ON audit (at);
  CREATE TRIGGER audit_refuses_update BEFORE UPDATE ON audit
  BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
  END;
  CREATE TRIGGER audit_refuses_delete BEFORE DELETE ON audit
  BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
  END;
  `,
  // The audit chain's key record (audit-key.ts). Rows already written stay plain SHA-256; the
  // first key the store is opened with is bound here, with the row it applies from, once.
  `
  CREATE TABLE audit_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    keyed_from INTEGER NOT NULL CHECK (keyed_from > 0),
    key_check TEXT CHECK (key_check IS NULL OR length(key_check) = 64)
  ) STRICT;
  INSERT INTO audit_key (id, keyed_from, key_check) SELECT 1, coalesce(max(seq), 0) + 1, NULL FROM audit;
  CREATE TRIGGER audit_key_is_set_once BEFORE UPDATE ON audit_key
  WHEN OLD.key_check IS NOT NULL OR NEW.keyed_from <> OLD.keyed_from
  BEGIN
    SELECT RAISE(ABORT, 'the audit key record is set once');
  END;
  CREATE TRIGGER audit_key_refuses_delete BEFORE DELETE ON audit_key
  BEGIN
    SELECT RAISE(ABORT, 'the audit key record is set once');
  END;
  `,
  // The cash desk (desk-types.ts): locations, one current shift per cashier, the cash counted per
  // currency, the pay-ins and drops between, and the shift and Paysera location each cash-out was
  // paid out under. Cash-outs written before have neither (null).
  `
  CREATE TABLE locations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    paysera_location_id TEXT CHECK (paysera_location_id IS NULL OR paysera_location_id <> ''),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE shifts (
    id TEXT PRIMARY KEY NOT NULL,
    location_id TEXT NOT NULL REFERENCES locations (id),
    cashier TEXT NOT NULL CHECK (cashier <> ''),
    status TEXT NOT NULL CHECK (status IN ('open', 'closing', 'closed')),
    opened_at INTEGER NOT NULL,
    closed_at INTEGER CHECK ((closed_at IS NULL) = (status = 'open')),
    signed_off_by TEXT,
    signed_off_at INTEGER CHECK ((signed_off_at IS NULL) = (signed_off_by IS NULL))
  ) STRICT;
  CREATE UNIQUE INDEX shifts_one_current_per_cashier ON shifts (cashier) WHERE status <> 'closed';
  CREATE INDEX shifts_by_opened_at ON shifts (opened_at);

  CREATE TABLE shift_cash (
    shift_id TEXT NOT NULL REFERENCES shifts (id),
    kind TEXT NOT NULL CHECK (kind IN ('float', 'counted', 'expected')),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (shift_id, kind, currency)
  ) STRICT;

  CREATE TABLE shift_movements (
    id TEXT PRIMARY KEY NOT NULL,
    shift_id TEXT NOT NULL REFERENCES shifts (id),
    kind TEXT NOT NULL CHECK (kind IN ('pay_in', 'drop')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    reason TEXT NOT NULL CHECK (trim(reason) <> ''),
    at INTEGER NOT NULL,
    actor TEXT NOT NULL CHECK (actor <> '')
  ) STRICT;
  CREATE INDEX shift_movements_by_shift_at ON shift_movements (shift_id, at);

  ALTER TABLE cashouts ADD COLUMN shift_id TEXT REFERENCES shifts (id);
  ALTER TABLE cashouts ADD COLUMN paysera_location_id TEXT;
  CREATE INDEX cashouts_by_shift_id ON cashouts (shift_id);
  `,
];
