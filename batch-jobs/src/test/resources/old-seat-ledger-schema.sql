-- The ledger schema before issue 7 (plan VARCHAR(64), no not_billed or billing_lease): an existing
-- database keeps it, since the schema script only creates what is missing.
-- The seat ledger and the per-date seat snapshot, in the job repository's database.
-- Portable between H2 and PostgreSQL; run at every startup, so only IF NOT EXISTS statements.

-- One row per invoice line ever issued. Never updated: corrections are new lines on later dates.
CREATE TABLE IF NOT EXISTS seat_ledger (
    billing_date            DATE          NOT NULL,
    org_id                  VARCHAR(255)  NOT NULL,
    line_type               VARCHAR(16)   NOT NULL,
    plan                    VARCHAR(64)   NOT NULL,
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
    plan                    VARCHAR(64)   NOT NULL,
    not_billed_reason       VARCHAR(500),
    CONSTRAINT seat_snapshot_pk PRIMARY KEY (billing_date, org_id)
);
