package org.seatreconciler.batch.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;

import org.seatreconciler.schemas.events.Identifiers;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.billing.SeatRequirement;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seat ledger, the per-date seat snapshot and the organisations not billed. Writes are one JDBC batch
 * per table and chunk, each row inserted only if its key is absent, in one statement that H2 and
 * PostgreSQL both run ({@code INSERT ... SELECT ... WHERE NOT EXISTS}): a chunk replayed after a crash never
 * bills twice, and no row costs a query of its own. Rows come back sorted by org_id in Java, not by the
 * database's collation, which differs between H2 and PostgreSQL locales.
 */
public class LedgerRepository implements BillingHistory {

    private static final Logger log = LoggerFactory.getLogger(LedgerRepository.class);

    private static final String INSERT_SNAPSHOT = "INSERT INTO seat_snapshot (billing_date, org_id, standard, support,"
            + " admins, owners, billable_standard, support_only, total_members, peak_billable_standard,"
            + " peak_total_members, plan, not_billed_reason, required_seats, support_ratio, seat_basis, unit_price,"
            + " currency)"
            + " SELECT CAST(:date AS DATE), CAST(:org AS VARCHAR(255)), CAST(:standard AS INTEGER),"
            + " CAST(:support AS INTEGER), CAST(:admins AS INTEGER), CAST(:owners AS INTEGER), CAST(:b AS INTEGER),"
            + " CAST(:p AS INTEGER), CAST(:t AS INTEGER), CAST(:peakB AS INTEGER), CAST(:peakT AS INTEGER),"
            + " CAST(:plan AS VARCHAR(128)), CAST(:reason AS VARCHAR(1000)), CAST(:s AS INTEGER),"
            + " CAST(:r AS INTEGER), CAST(:basis AS VARCHAR(16)), CAST(:price AS DECIMAL(19,4)),"
            + " CAST(:currency AS CHAR(3))"
            + " WHERE NOT EXISTS (SELECT 1 FROM seat_snapshot WHERE billing_date = :date AND org_id = :org)";

    private static final String INSERT_LINE = "INSERT INTO seat_ledger (billing_date, org_id, line_type, plan,"
            + " seat_basis, billable_standard, support_only, total_members, required_seats, included_support_seats,"
            + " purchased_before, seats_invoiced, unit_price, period_days, billed_days, amount, currency, invoice_id)"
            + " SELECT CAST(:date AS DATE), CAST(:org AS VARCHAR(255)), CAST(:type AS VARCHAR(16)),"
            + " CAST(:plan AS VARCHAR(128)), CAST(:basis AS VARCHAR(16)), CAST(:b AS INTEGER), CAST(:p AS INTEGER),"
            + " CAST(:t AS INTEGER), CAST(:s AS INTEGER), CAST(:included AS INTEGER), CAST(:before AS INTEGER),"
            + " CAST(:seats AS INTEGER), CAST(:price AS DECIMAL(19,4)), CAST(:periodDays AS INTEGER),"
            + " CAST(:billedDays AS INTEGER), CAST(:amount AS DECIMAL(19,4)), CAST(:currency AS CHAR(3)),"
            + " CAST(:invoiceId AS VARCHAR(300))"
            + " WHERE NOT EXISTS (SELECT 1 FROM seat_ledger WHERE billing_date = :date AND org_id = :org"
            + " AND line_type = :type)";

    private static final String INSERT_NEW_SNAPSHOT = "INSERT INTO seat_snapshot (billing_date, org_id, standard,"
            + " support, admins, owners, billable_standard, support_only, total_members, peak_billable_standard,"
            + " peak_total_members, plan, not_billed_reason, required_seats, support_ratio, seat_basis, unit_price,"
            + " currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_NEW_LINE = "INSERT INTO seat_ledger (billing_date, org_id, line_type, plan,"
            + " seat_basis, billable_standard, support_only, total_members, required_seats, included_support_seats,"
            + " purchased_before, seats_invoiced, unit_price, period_days, billed_days, amount, currency, invoice_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_NOT_BILLED = "INSERT INTO not_billed (billing_date, org_id, reason)"
            + " SELECT CAST(:date AS DATE), CAST(:org AS VARCHAR(500)), CAST(:reason AS VARCHAR(1000))"
            + " WHERE NOT EXISTS (SELECT 1 FROM not_billed WHERE billing_date = :date AND org_id = :org)";

    private static final String SNAPSHOTS_OF_DATE = "SELECT * FROM seat_snapshot WHERE billing_date = :date";

    /**
     * The latest snapshot before :date of each organisation in not_billed on :date without a snapshot on it (an
     * undecodable record, a row the ledger refused). A derived table, so that the paging's org_id is its own.
     */
    private static final String OLDER_SNAPSHOTS_OF_NOT_BILLED = "SELECT * FROM (SELECT s.* FROM not_billed n"
            + " JOIN seat_snapshot s ON s.org_id = n.org_id AND s.billing_date = (SELECT MAX(o.billing_date)"
            + " FROM seat_snapshot o WHERE o.org_id = n.org_id AND o.billing_date < :date)"
            + " WHERE n.billing_date = :date AND NOT EXISTS (SELECT 1 FROM seat_snapshot p"
            + " WHERE p.billing_date = :date AND p.org_id = n.org_id)) older WHERE billing_date < :date";

    private static final int MAX_REASON = 1000;

    /** Rows fetched at a time by a cursor (PostgreSQL streams only with a fetch size, in a transaction). */
    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final NamedParameterJdbcTemplate cursors;
    private final TransactionTemplate reading;
    private final TransactionTemplate separately;
    private final Dialect dialect;
    private final int pageRows;

    /**
     * @param transactionManager of {@code dataSource}: cursors read inside a transaction, on one connection
     */
    public LedgerRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this(dataSource, transactionManager, OrgPages.PAGE_ROWS);
    }

    /** @param pageRows rows per page of a cursor (more than an organisation has on one date) */
    public LedgerRepository(DataSource dataSource, PlatformTransactionManager transactionManager, int pageRows) {
        this.pageRows = pageRows;
        this.batch = new NamedParameterJdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(batch);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.cursors = new NamedParameterJdbcTemplate(fetching);
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dialect = Dialect.of(dataSource);
    }

    /**
     * Runs {@code work}, which reads through this repository's cursors (a page of rows at a time, {@link OrgPages}),
     * in a transaction: the caller's, or a read-only one of its own.
     */
    public <R> R streaming(Supplier<R> work) {
        return reading.execute(status -> work.get());
    }

    /**
     * After a night's rows are written and before they are read back in pages. On PostgreSQL the planner
     * otherwise plans the pages with the statistics of before the night (autovacuum analyses later): at a
     * million organisations it estimated a hundred rows for the date and sorted the whole date for each page,
     * about 1 s a page; analysing takes about half a second. In a transaction of its own, short: ANALYZE's
     * lock would otherwise last as long as the caller's (the files step), and hold off autovacuum and the
     * schema script of a process starting meanwhile. A failure (e.g. the tables locked by a manual VACUUM for
     * longer than the lock timeout) is a warning: the files are then written as before, only slower. Also
     * warns if the indexes of the pages' order are missing or unusable: the schema script's errors are
     * ignored at startup (two processes race on it).
     *
     * @return false if the statistics could not be refreshed
     */
    public boolean refreshStatistics() {
        boolean refreshed = true;
        List<String> statements = dialect.refreshStatistics();
        if (!statements.isEmpty()) {
            try {
                separately.executeWithoutResult(status -> statements.forEach(sql -> jdbc.sql(sql).update()));
            } catch (DataAccessException e) {
                refreshed = false;
                log.warn("Could not refresh the ledger's statistics ({}); the night's files are written with the "
                        + "planner's older ones, more slowly", NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            }
        }
        List<String> missing = missingOrderIndexes();
        if (!missing.isEmpty()) {
            log.warn("Index(es) {} of the ledger are missing or invalid: each page of the night's reads scans and "
                    + "sorts the whole date (minutes at a million organisations). Create them as {} does (the "
                    + "job's database user must own the ledger tables; docs/operations.md, \"Upgrading\")", missing,
                    Dialect.POSTGRESQL_SCHEMA);
        }
        return refreshed;
    }

    /** The database this ledger is on, as far as its SQL differs. */
    public Dialect dialect() {
        return dialect;
    }

    /** The indexes of the paged reads' order ({@link Dialect#orderIndexes}) missing or unusable in the database. */
    public List<String> missingOrderIndexes() {
        List<String> expected = dialect.orderIndexes();
        if (expected.isEmpty()) {
            return List.of();
        }
        List<String> valid = jdbc.sql(Dialect.VALID_INDEXES).param("names", expected).query(String.class).list();
        return expected.stream().filter(name -> !valid.contains(name)).toList();
    }

    /** The seat snapshots of {@code date}, in org_id order; inside {@link #streaming}. */
    public OrgCursor<SeatSnapshot> snapshotCursor(LocalDate date) {
        return pages("seat_snapshot of " + date, SNAPSHOTS_OF_DATE, "",
                Map.of("date", date), LedgerRepository::snapshot, SeatSnapshot::orgId);
    }

    /** The invoice lines of {@code date}, in org_id order, an organisation's RENEWAL before its TRUE_UP. */
    public OrgCursor<InvoiceLine> lineCursor(LocalDate date) {
        return pages("seat_ledger of " + date, "SELECT * FROM seat_ledger WHERE billing_date = :date", ", line_type",
                Map.of("date", date), LedgerRepository::line, InvoiceLine::orgId);
    }

    /** The RENEWAL lines of {@code date}, in org_id order. */
    public OrgCursor<InvoiceLine> renewalCursor(LocalDate date) {
        return pages("RENEWAL lines of " + date, "SELECT * FROM seat_ledger WHERE billing_date = :date"
                + " AND line_type = :type", "", Map.of("date", date, "type", LineType.RENEWAL.name()),
                LedgerRepository::line, InvoiceLine::orgId);
    }

    /**
     * Seats invoiced per organisation on the dates {@code from} (included) to {@code to} (excluded), summed as the
     * organisations are asked for in org_id order; inside {@link #streaming}.
     */
    public SeatsCursor seatsCursor(LocalDate from, LocalDate to) {
        List<OrgCursor<SeatsCursor.SeatsRow>> dates = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            dates.add(pages("seat_ledger of " + d, "SELECT billing_date, org_id, seats_invoiced FROM seat_ledger"
                    + " WHERE billing_date = :date", ", line_type", Map.of("date", d),
                    (rs, i) -> new SeatsCursor.SeatsRow(rs.getString(2), rs.getInt(3)), SeatsCursor.SeatsRow::orgId));
        }
        return new SeatsCursor(dates);
    }

    /**
     * The seat snapshots {@code date} carries forward to the next date, in org_id order; inside {@link #streaming}:
     * those of {@code date}, and for each organisation not billed on it without one (not_billed), its latest
     * before it. An organisation billed once stays on the files after its daily records have aged out of
     * seats.org-daily, whatever dates it missed since (DESIGN.md section 6). The second read is bounded by
     * the organisations in not_billed on {@code date}, each one seek of the index seat_snapshot_org.
     */
    public OrgCursor<SeatSnapshot> carriedForwardCursor(LocalDate date) {
        Map<String, LocalDate> params = Map.of("date", date);
        OrgPages<SeatSnapshot> own = orgPages(SNAPSHOTS_OF_DATE, "billing_date, ", "", params,
                LedgerRepository::snapshot, SeatSnapshot::orgId);
        OrgPages<SeatSnapshot> older = orgPages(OLDER_SNAPSHOTS_OF_NOT_BILLED, "", "", params,
                LedgerRepository::snapshot, SeatSnapshot::orgId);
        return cursor("seat snapshots carried forward from " + date,
                new OrgMerge<>(own, older, SeatSnapshot::orgId), SeatSnapshot::orgId);
    }

    private <T> OrgCursor<T> pages(String what, String select, String orderTail, Map<String, ?> params,
            RowMapper<T> mapper, Function<T, String> orgOf) {
        return cursor(what, orgPages(select, "billing_date, ", orderTail, params, mapper, orgOf), orgOf);
    }

    private <T> OrgPages<T> orgPages(String select, String leading, String orderTail, Map<String, ?> params,
            RowMapper<T> mapper, Function<T, String> orgOf) {
        return new OrgPages<>(cursors, select, leading, dialect.inJavaOrder("org_id"), orderTail, params, mapper,
                orgOf, pageRows);
    }

    private static <T> OrgCursor<T> cursor(String what, java.util.Iterator<T> rows, Function<T, String> orgOf) {
        return new OrgCursor<>(what, StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows,
                Spliterator.ORDERED), false), orgOf);
    }

    /** The latest date before {@code date} with seat snapshots, or empty. */
    @Override
    public Optional<LocalDate> latestSnapshotDateBefore(LocalDate date) {
        // Dates are billed with no gap, so that is the day before, found by key; MAX(...) WHERE < scans the
        // table on H2, and is only needed for a ledger that has gaps from before the no-gap rule.
        boolean dayBefore = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM seat_snapshot WHERE billing_date = :date"
                + " FETCH FIRST 1 ROWS ONLY) one").param("date", date.minusDays(1)).query(Integer.class).single() > 0;
        if (dayBefore) {
            return Optional.of(date.minusDays(1));
        }
        return jdbc.sql("SELECT MAX(billing_date) FROM seat_snapshot WHERE billing_date < :date")
                .param("date", date).query(LocalDate.class).optional();
    }

    @Override
    public Map<String, Integer> seatsInvoiced(LocalDate from, LocalDate to) {
        return seatsPerOrg(jdbc.sql("SELECT org_id, SUM(seats_invoiced) AS seats FROM seat_ledger"
                + " WHERE billing_date >= :from AND billing_date < :to GROUP BY org_id")
                .param("from", from).param("to", to));
    }

    @Override
    public Map<String, Integer> renewals(LocalDate date) {
        return seatsPerOrg(jdbc.sql("SELECT org_id, seats_invoiced AS seats FROM seat_ledger"
                + " WHERE billing_date = :date AND line_type = :type")
                .param("date", date).param("type", LineType.RENEWAL.name()));
    }

    /** By key: one seek per date of the ledger's primary key, however many organisations each date holds. */
    @Override
    public List<InvoiceLine> lines(String orgId, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        List<LocalDate> dates = from.datesUntil(to).toList();
        return jdbc.sql("SELECT * FROM seat_ledger WHERE billing_date IN (:dates) AND org_id = :org")
                .param("dates", dates).param("org", orgId).query(LedgerRepository::line).list().stream()
                .sorted(Comparator.comparing(InvoiceLine::billingDate).thenComparing(InvoiceLine::lineType))
                .toList();
    }

    /**
     * The ledger as far as {@code orgId} is concerned: what each method of {@link BillingHistory} gives for that
     * organisation alone (the latest snapshot date stays the ledger's), read by key. An explanation of one
     * organisation reads this instead of every organisation's rows (at a million organisations those did not fit
     * the job's heap).
     */
    public BillingHistory history(String orgId) {
        return new BillingHistory() {
            @Override
            public Map<String, Integer> seatsInvoiced(LocalDate from, LocalDate to) {
                return lines(orgId, from, to).stream().collect(Collectors.groupingBy(InvoiceLine::orgId,
                        Collectors.summingInt(InvoiceLine::seatsInvoiced)));
            }

            @Override
            public Map<String, Integer> renewals(LocalDate date) {
                return lines(orgId, date, date.plusDays(1)).stream().filter(l -> l.lineType() == LineType.RENEWAL)
                        .collect(Collectors.toMap(InvoiceLine::orgId, InvoiceLine::seatsInvoiced));
            }

            @Override
            public List<SeatSnapshot> latestSnapshotsBefore(LocalDate date) {
                return latestSnapshotDateBefore(date).map(previous -> carriedForward(orgId, previous))
                        .orElse(List.of());
            }

            @Override
            public Optional<LocalDate> latestSnapshotDateBefore(LocalDate date) {
                return LedgerRepository.this.latestSnapshotDateBefore(date);
            }

            @Override
            public List<InvoiceLine> lines(String org, LocalDate from, LocalDate to) {
                return LedgerRepository.this.lines(org, from, to);
            }
        };
    }

    /** {@code orgId}'s snapshot of {@code date}, by key: none or one. */
    private List<SeatSnapshot> snapshot(LocalDate date, String orgId) {
        return jdbc.sql(SNAPSHOTS_OF_DATE + " AND org_id = :org").param("date", date).param("org", orgId)
                .query(LedgerRepository::snapshot).list();
    }

    /** What {@link #carriedForwardCursor} gives for {@code orgId}: its snapshot of {@code date}, or its older one. */
    private List<SeatSnapshot> carriedForward(String orgId, LocalDate date) {
        List<SeatSnapshot> own = snapshot(date, orgId);
        if (!own.isEmpty()) {
            return own;
        }
        return jdbc.sql("SELECT * FROM seat_snapshot WHERE org_id = :org AND billing_date = (SELECT MAX(o.billing_date)"
                + " FROM seat_snapshot o WHERE o.org_id = :org AND o.billing_date < :date)"
                + " AND EXISTS (SELECT 1 FROM not_billed n WHERE n.billing_date = :date AND n.org_id = :org)")
                .param("date", date).param("org", orgId).query(LedgerRepository::snapshot).list();
    }

    private static Map<String, Integer> seatsPerOrg(JdbcClient.StatementSpec query) {
        Map<String, Integer> seats = new HashMap<>();
        query.query((rs, i) -> Map.entry(rs.getString("org_id"), rs.getInt("seats"))).list()
                .forEach(e -> seats.put(e.getKey(), e.getValue()));
        return seats;
    }

    /**
     * Records a chunk: the seat snapshot of every sound organisation, the invoice lines, and the organisations
     * that are not sound as not billed. Three batched statements, whatever the chunk's size.
     */
    public void record(List<? extends OrgBilling> billings) {
        batch.batchUpdate(INSERT_SNAPSHOT, billings.stream().filter(OrgBilling::sound)
                .map(LedgerRepository::snapshotRow).toArray(SqlParameterSource[]::new));
        batch.batchUpdate(INSERT_LINE, billings.stream().flatMap(b -> b.line().stream())
                .map(LedgerRepository::lineRow).toArray(SqlParameterSource[]::new));
        batch.batchUpdate(INSERT_NOT_BILLED, billings.stream().filter(b -> !b.sound())
                .map(b -> notBilledRow(b.billingDate(), new NotBilled(Identifiers.shown(b.orgId()), b.notBilledReason())))
                .toArray(SqlParameterSource[]::new));
    }

    /**
     * Records a chunk whose rows are not in the ledger yet, as {@link #record} does but with plain INSERTs
     * (positional parameters, no existence check): a quarter less work for the database per row. Batch commits
     * a chunk's rows with the reader's position, so a restart never writes them again; a key already present
     * (a ledger changed behind the job's back) fails the statement, and the caller then uses {@link #record}.
     */
    public void recordNew(List<? extends OrgBilling> billings) {
        List<OrgBilling> sound = billings.stream().filter(OrgBilling::sound).map(b -> (OrgBilling) b).toList();
        batch.getJdbcTemplate().batchUpdate(INSERT_NEW_SNAPSHOT, sound, sound.size(),
                LedgerRepository::setSnapshotRow);
        List<InvoiceLine> lines = billings.stream().flatMap(b -> b.line().stream()).toList();
        batch.getJdbcTemplate().batchUpdate(INSERT_NEW_LINE, lines, lines.size(), LedgerRepository::setLineRow);
        List<NotBilled> unsound = billings.stream().filter(b -> !b.sound())
                .map(b -> new NotBilled(Identifiers.shown(b.orgId()), b.notBilledReason())).toList();
        if (!unsound.isEmpty()) {
            recordNotBilled(billings.get(0).billingDate(), unsound);
        }
    }

    /** Organisations of {@code date} recorded as not billed because the ledger refused their rows. */
    public int refusedOn(LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM not_billed WHERE billing_date = :date AND reason LIKE :refused")
                .param("date", date).param("refused", LedgerWriter.REFUSED + "%").query(Integer.class).single();
    }

    /** Records organisations as not billed on {@code date}, for reasons that left them without a snapshot. */
    public void recordNotBilled(LocalDate date, List<NotBilled> notBilled) {
        batch.batchUpdate(INSERT_NOT_BILLED, notBilled.stream()
                .map(n -> notBilledRow(date, n)).toArray(SqlParameterSource[]::new));
    }

    /** Everything the ledger holds for {@code date}. */
    public BilledDate billedDate(LocalDate date) {
        return new BilledDate(date, lines(date), snapshots(date), notBilled(date));
    }

    /**
     * What {@link #billedDate(LocalDate)} holds for {@code orgId} alone, read by key: its lines, its snapshot, and
     * its rows of not_billed (which name it as {@link Identifiers#shown} does).
     */
    public BilledDate billedDate(LocalDate date, String orgId) {
        List<SeatSnapshot> snapshot = snapshot(date, orgId);
        Stream<NotBilled> withSnapshot = snapshot.stream().filter(s -> s.notBilledReason() != null)
                .map(s -> new NotBilled(s.orgId(), s.notBilledReason()));
        Stream<NotBilled> without = jdbc.sql("SELECT org_id, reason FROM not_billed WHERE billing_date = :date"
                + " AND org_id IN (:orgs)").param("date", date).param("orgs", List.of(orgId, Identifiers.shown(orgId)))
                .query((rs, i) -> new NotBilled(rs.getString(1), rs.getString(2))).list().stream();
        return new BilledDate(date, lines(orgId, date, date.plusDays(1)), snapshot,
                Stream.concat(withSnapshot, without).sorted(Comparator.comparing(NotBilled::orgId)).toList());
    }

    /** The ledger lines of {@code date}, sorted by org_id then line type. */
    public List<InvoiceLine> lines(LocalDate date) {
        return jdbc.sql("SELECT * FROM seat_ledger WHERE billing_date = :date").param("date", date)
                .query(LedgerRepository::line).list().stream()
                .sorted(Comparator.comparing(InvoiceLine::orgId).thenComparing(InvoiceLine::lineType))
                .toList();
    }

    /** The organisations considered on {@code date} with sound figures, sorted by org_id. */
    public List<SeatSnapshot> snapshots(LocalDate date) {
        return jdbc.sql("SELECT * FROM seat_snapshot WHERE billing_date = :date").param("date", date)
                .query(LedgerRepository::snapshot).list().stream()
                .sorted(Comparator.comparing(SeatSnapshot::orgId))
                .toList();
    }

    /**
     * The seat snapshots the latest date before {@code date} that has any carries forward, sorted by org_id
     * ({@link #carriedForwardCursor}): every organisation billed before, for those whose daily records have since
     * aged out of seats.org-daily (DESIGN.md section 6).
     */
    @Override
    public List<SeatSnapshot> latestSnapshotsBefore(LocalDate date) {
        return latestSnapshotDateBefore(date).map(previous -> streaming(() -> {
            List<SeatSnapshot> snapshots = new ArrayList<>();
            try (OrgCursor<SeatSnapshot> carried = carriedForwardCursor(previous)) {
                for (String org = carried.peekOrg(); org != null; org = carried.peekOrg()) {
                    snapshots.addAll(carried.take(org));
                }
            }
            return List.copyOf(snapshots);
        })).orElse(List.of());
    }

    /**
     * Every organisation not billed on {@code date}, sorted by org_id: those with a snapshot and a reason
     * (e.g. a plan missing from the catalogue) and those recorded in not_billed.
     */
    public List<NotBilled> notBilled(LocalDate date) {
        Stream<NotBilled> withSnapshot = jdbc.sql("SELECT org_id, not_billed_reason FROM seat_snapshot"
                + " WHERE billing_date = :date AND not_billed_reason IS NOT NULL").param("date", date)
                .query((rs, i) -> new NotBilled(rs.getString(1), rs.getString(2))).list().stream();
        Stream<NotBilled> without = jdbc.sql("SELECT org_id, reason FROM not_billed WHERE billing_date = :date")
                .param("date", date).query((rs, i) -> new NotBilled(rs.getString(1), rs.getString(2))).list().stream();
        return Stream.concat(withSnapshot, without).sorted(Comparator.comparing(NotBilled::orgId)).toList();
    }

    private static SqlParameterSource snapshotRow(OrgBilling b) {
        SeatFigures f = b.figures();
        SeatRequirement r = b.requirement();
        // typed nulls for an organisation not billed: PostgreSQL cannot infer a bare null's type
        return new MapSqlParameterSource()
                .addValue("date", b.billingDate()).addValue("org", b.orgId())
                .addValue("standard", f.standard()).addValue("support", f.support())
                .addValue("admins", f.admins()).addValue("owners", f.owners())
                .addValue("b", f.billableStandard()).addValue("p", f.supportOnly()).addValue("t", f.totalMembers())
                .addValue("peakB", f.peakBillableStandard()).addValue("peakT", f.peakTotalMembers())
                .addValue("plan", b.plan()).addValue("reason", cut(b.notBilledReason()), Types.VARCHAR)
                .addValue("s", r == null ? null : r.requiredSeats(), Types.INTEGER)
                .addValue("r", r == null ? null : r.supportRatio(), Types.INTEGER)
                .addValue("basis", r == null ? null : r.seatBasis().name(), Types.VARCHAR)
                .addValue("price", r == null ? null : r.unitPrice().amount(), Types.DECIMAL)
                .addValue("currency", r == null ? null : r.unitPrice().currency().getCurrencyCode(), Types.CHAR);
    }

    private static void setSnapshotRow(PreparedStatement ps, OrgBilling b) throws SQLException {
        SeatFigures f = b.figures();
        SeatRequirement r = b.requirement();
        ps.setObject(1, b.billingDate());
        ps.setString(2, b.orgId());
        int i = 3;
        for (int count : new int[] { f.standard(), f.support(), f.admins(), f.owners(), f.billableStandard(),
                f.supportOnly(), f.totalMembers(), f.peakBillableStandard(), f.peakTotalMembers() }) {
            ps.setInt(i++, count);
        }
        ps.setString(12, b.plan());
        ps.setString(13, cut(b.notBilledReason()));
        if (r == null) {
            ps.setNull(14, Types.INTEGER);
            ps.setNull(15, Types.INTEGER);
            ps.setNull(16, Types.VARCHAR);
            ps.setNull(17, Types.DECIMAL);
            ps.setNull(18, Types.CHAR);
        } else {
            ps.setInt(14, r.requiredSeats());
            ps.setInt(15, r.supportRatio());
            ps.setString(16, r.seatBasis().name());
            ps.setBigDecimal(17, r.unitPrice().amount());
            ps.setString(18, r.unitPrice().currency().getCurrencyCode());
        }
    }

    private static void setLineRow(PreparedStatement ps, InvoiceLine l) throws SQLException {
        ps.setObject(1, l.billingDate());
        ps.setString(2, l.orgId());
        ps.setString(3, l.lineType().name());
        ps.setString(4, l.plan());
        ps.setString(5, l.seatBasis().name());
        ps.setInt(6, l.billableStandard());
        ps.setInt(7, l.supportOnly());
        ps.setInt(8, l.totalMembers());
        ps.setInt(9, l.requiredSeats());
        ps.setInt(10, l.includedSupportSeats());
        ps.setInt(11, l.purchasedBefore());
        ps.setInt(12, l.seatsInvoiced());
        ps.setBigDecimal(13, l.unitPrice().amount());
        ps.setInt(14, l.periodDays());
        ps.setInt(15, l.billedDays());
        ps.setBigDecimal(16, l.amount().amount());
        ps.setString(17, l.amount().currency().getCurrencyCode());
        ps.setString(18, l.invoiceId());
    }

    private static SqlParameterSource lineRow(InvoiceLine l) {
        return new MapSqlParameterSource()
                .addValue("date", l.billingDate()).addValue("org", l.orgId()).addValue("type", l.lineType().name())
                .addValue("plan", l.plan()).addValue("basis", l.seatBasis().name())
                .addValue("b", l.billableStandard()).addValue("p", l.supportOnly()).addValue("t", l.totalMembers())
                .addValue("s", l.requiredSeats()).addValue("included", l.includedSupportSeats())
                .addValue("before", l.purchasedBefore()).addValue("seats", l.seatsInvoiced())
                .addValue("price", l.unitPrice().amount()).addValue("periodDays", l.periodDays())
                .addValue("billedDays", l.billedDays()).addValue("amount", l.amount().amount())
                .addValue("currency", l.amount().currency().getCurrencyCode()).addValue("invoiceId", l.invoiceId());
    }

    private static SqlParameterSource notBilledRow(LocalDate date, NotBilled n) {
        return new MapSqlParameterSource().addValue("date", date).addValue("org", n.orgId())
                .addValue("reason", cut(n.reason()));
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }

    private static InvoiceLine line(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new InvoiceLine(rs.getObject("billing_date", LocalDate.class), rs.getString("org_id"),
                rs.getString("plan"), LineType.valueOf(rs.getString("line_type")),
                SeatBasis.valueOf(rs.getString("seat_basis")), rs.getInt("billable_standard"),
                rs.getInt("support_only"), rs.getInt("total_members"), rs.getInt("required_seats"),
                rs.getInt("included_support_seats"), rs.getInt("purchased_before"), rs.getInt("seats_invoiced"),
                Money.of(rs.getBigDecimal("unit_price"), currency), rs.getInt("period_days"),
                rs.getInt("billed_days"), Money.of(rs.getBigDecimal("amount"), currency));
    }

    private static SeatSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        SeatFigures figures = new SeatFigures(rs.getInt("standard"), rs.getInt("support"), rs.getInt("admins"),
                rs.getInt("owners"), rs.getInt("billable_standard"), rs.getInt("support_only"),
                rs.getInt("total_members"), rs.getInt("peak_billable_standard"), rs.getInt("peak_total_members"));
        return new SeatSnapshot(rs.getObject("billing_date", LocalDate.class), rs.getString("org_id"), figures,
                rs.getString("plan"), rs.getString("not_billed_reason"), requirement(rs));
    }

    private static SeatRequirement requirement(ResultSet rs) throws SQLException {
        int seats = rs.getInt("required_seats");
        if (rs.wasNull()) {
            return null;
        }
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new SeatRequirement(SeatBasis.valueOf(rs.getString("seat_basis")), rs.getInt("support_ratio"), seats,
                Money.of(rs.getBigDecimal("unit_price"), currency));
    }
}
