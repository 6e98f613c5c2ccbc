-- The seat ledger and the per-date seat snapshot, in the job repository's database.
-- Portable between H2 and PostgreSQL; run at every startup, so only IF NOT EXISTS statements. A table
-- created by an older version keeps its old columns (e.g. plan VARCHAR(64)): a row it refuses makes that
-- organisation not billed (not_billed), it does not stop the night.

-- One row per invoice line ever issued. Never updated: corrections are new lines on later dates.
CREATE TABLE IF NOT EXISTS seat_ledger (
    billing_date            DATE          NOT NULL,
    org_id                  VARCHAR(255)  NOT NULL,
    line_type               VARCHAR(16)   NOT NULL,
    plan                    VARCHAR(128)  NOT NULL,
    seat_basis              VARCHAR(16)   NOT NULL,
    billable_standard       INTEGER       NOT NULL,
    support_only            INTEGER       NOT NULL,
    total_members           INTEGER       NOT NULL,
    required_seats          INTEGER       NOT NULL,
    included_support_seats  INTEGER       NOT NULL,
    purchased_before        INTEGER       NOT NULL,
    seats_invoiced          INTEGER       NOT NULL,
    unit_price              DECIMAL(19,4) NOT NULL,
    period_days             INTEGER       NOT NULL,
    billed_days             INTEGER       NOT NULL,
    amount                  DECIMAL(19,4) NOT NULL,
    currency                CHAR(3)       NOT NULL,
    invoice_id              VARCHAR(300)  NOT NULL,
    CONSTRAINT seat_ledger_pk PRIMARY KEY (billing_date, org_id, line_type)
);

-- Every organisation considered on a billing date, with the figures it was billed from.
CREATE TABLE IF NOT EXISTS seat_snapshot (
    billing_date            DATE          NOT NULL,
    org_id                  VARCHAR(255)  NOT NULL,
    standard                INTEGER       NOT NULL,
    support                 INTEGER       NOT NULL,
    admins                  INTEGER       NOT NULL,
    owners                  INTEGER       NOT NULL,
    billable_standard       INTEGER       NOT NULL,
    support_only            INTEGER       NOT NULL,
    total_members           INTEGER       NOT NULL,
    peak_billable_standard  INTEGER       NOT NULL,
    peak_total_members      INTEGER       NOT NULL,
    plan                    VARCHAR(128)  NOT NULL,
    not_billed_reason       VARCHAR(500),
    required_seats          INTEGER,
    support_ratio           INTEGER,
    seat_basis              VARCHAR(16),
    unit_price              DECIMAL(19,4),
    currency                CHAR(3),
    CONSTRAINT seat_snapshot_pk PRIMARY KEY (billing_date, org_id)
);

-- An organisation's snapshots by date: the latest before a date of an organisation not billed on the date
-- before (carried forward, DESIGN.md section 6) is one index seek, not a scan of the history.
CREATE INDEX IF NOT EXISTS seat_snapshot_org ON seat_snapshot (org_id, billing_date);

-- Organisations not billed on a date that have no seat_snapshot row: an id, figures or plan code that
-- fail validation, or a row the ledger refused. org_id is the id as shown (Identifiers.shown: escaped,
-- at most 64 characters and a length note), so any id fits.
CREATE TABLE IF NOT EXISTS not_billed (
    billing_date            DATE          NOT NULL,
    org_id                  VARCHAR(500)  NOT NULL,
    reason                  VARCHAR(1000) NOT NULL,
    CONSTRAINT not_billed_pk PRIMARY KEY (billing_date, org_id)
);

-- The lease of the process that bills (one row): renewed while it works, taken over once expired, so two
-- processes never bill at once and a killed run is restarted by the next start. expires_at is epoch
-- milliseconds on the database's clock.
CREATE TABLE IF NOT EXISTS billing_lease (
    name                    VARCHAR(64)   NOT NULL,
    holder                  VARCHAR(255)  NOT NULL,
    expires_at              BIGINT        NOT NULL,
    CONSTRAINT billing_lease_pk PRIMARY KEY (name)
);

-- required_seats .. currency: the terms each organisation was billed on and the seats they required (issue 11),
-- so finance's reports of a date come from the ledger alone; null for an organisation not billed and in rows
-- written before. A seat_snapshot table created before them gains them here.
ALTER TABLE seat_snapshot ADD COLUMN IF NOT EXISTS required_seats INTEGER;
ALTER TABLE seat_snapshot ADD COLUMN IF NOT EXISTS support_ratio INTEGER;
ALTER TABLE seat_snapshot ADD COLUMN IF NOT EXISTS seat_basis VARCHAR(16);
ALTER TABLE seat_snapshot ADD COLUMN IF NOT EXISTS unit_price DECIMAL(19,4);
ALTER TABLE seat_snapshot ADD COLUMN IF NOT EXISTS currency CHAR(3);
