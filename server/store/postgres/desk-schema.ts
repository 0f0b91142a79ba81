/**
 * The cash desk's tables on PostgreSQL: the same tables, CHECKs and partial unique index as the
 * SQLite migration (../migrations.ts), with bigint cents and times. One step of pgMigrations.
 */
export const deskTables = `
  CREATE TABLE locations (
    id text PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    paysera_location_id text CHECK (paysera_location_id IS NULL OR paysera_location_id <> ''),
    disabled boolean NOT NULL DEFAULT false,
    created_at bigint NOT NULL
  );

  CREATE TABLE shifts (
    id text PRIMARY KEY,
    location_id text NOT NULL REFERENCES locations (id),
    cashier text NOT NULL CHECK (cashier <> ''),
    status text NOT NULL CHECK (status IN ('open', 'closing', 'closed')),
    opened_at bigint NOT NULL,
    closed_at bigint CHECK ((closed_at IS NULL) = (status = 'open')),
    signed_off_by text,
    signed_off_at bigint CHECK ((signed_off_at IS NULL) = (signed_off_by IS NULL))
  );
  CREATE UNIQUE INDEX shifts_one_current_per_cashier ON shifts (cashier) WHERE status <> 'closed';
  CREATE INDEX shifts_by_opened_at ON shifts (opened_at);

  CREATE TABLE shift_cash (
    shift_id text NOT NULL REFERENCES shifts (id),
    kind text NOT NULL CHECK (kind IN ('float', 'counted', 'expected')),
    currency text NOT NULL CHECK (length(currency) = 3),
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (shift_id, kind, currency)
  );

  CREATE TABLE shift_movements (
    id text PRIMARY KEY,
    shift_id text NOT NULL REFERENCES shifts (id),
    kind text NOT NULL CHECK (kind IN ('pay_in', 'drop')),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    currency text NOT NULL CHECK (length(currency) = 3),
    reason text NOT NULL CHECK (trim(reason) <> ''),
    at bigint NOT NULL,
    actor text NOT NULL CHECK (actor <> '')
  );
  CREATE INDEX shift_movements_by_shift_at ON shift_movements (shift_id, at);

  ALTER TABLE cashouts ADD COLUMN shift_id text REFERENCES shifts (id);
  ALTER TABLE cashouts ADD COLUMN paysera_location_id text;
  CREATE INDEX cashouts_by_shift_id ON cashouts (shift_id);
`;
