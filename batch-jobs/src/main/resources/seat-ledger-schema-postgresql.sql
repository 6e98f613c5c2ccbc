-- PostgreSQL only, after seat-ledger-schema.sql: the order of the ledger's paged reads, a date's rows by
-- org_id COLLATE "C" (Java's order, which the job merges in). The primary keys compare org_id in its own
-- collation, which never serves that order (not even on a database whose locale is C), so without these each
-- page of 10,000 organisations was a scan and sort of the whole date. On an existing ledger the first start
-- with this script builds them (about a second per million rows, writes to the table wait meanwhile); to build them
-- without blocking, run these statements with CREATE INDEX CONCURRENTLY before that start.
CREATE INDEX IF NOT EXISTS seat_ledger_date_org_c ON seat_ledger (billing_date, org_id COLLATE "C", line_type);
CREATE INDEX IF NOT EXISTS seat_snapshot_date_org_c ON seat_snapshot (billing_date, org_id COLLATE "C");
