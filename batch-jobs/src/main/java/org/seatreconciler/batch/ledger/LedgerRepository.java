package org.seatreconciler.batch.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.batch.billing.SeatFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seat ledger and the per-date seat snapshot. Writes are idempotent per (billing date, org[, line
 * type]): a row that exists is left as it is, so a chunk replayed after a crash never bills twice.
 * Rows come back sorted by org_id in Java, not by the database's collation, which differs between
 * H2 and PostgreSQL locales.
 */
public class LedgerRepository {

    private static final Logger log = LoggerFactory.getLogger(LedgerRepository.class);

    private final JdbcClient jdbc;

    public LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seats invoiced per org in the month of {@code date} on dates before it. */
    public Map<String, Integer> purchasedBefore(LocalDate date) {
        Map<String, Integer> seats = new HashMap<>();
        jdbc.sql("SELECT org_id, SUM(seats_invoiced) AS seats FROM seat_ledger"
                + " WHERE billing_date >= :start AND billing_date < :date GROUP BY org_id")
                .param("start", BillingPeriod.containing(date).start())
                .param("date", date)
                .query((rs, i) -> Map.entry(rs.getString("org_id"), rs.getInt("seats")))
                .list()
                .forEach(e -> seats.put(e.getKey(), e.getValue()));
        return seats;
    }

    public void record(OrgBilling billing) {
        insertSnapshotIfAbsent(billing);
        billing.line().ifPresent(this::insertLineIfAbsent);
    }

    private void insertSnapshotIfAbsent(OrgBilling b) {
        if (exists("SELECT COUNT(*) FROM seat_snapshot WHERE billing_date = :date AND org_id = :org",
                b.billingDate(), b.orgId(), null)) {
            log.info("Seat snapshot of org {} for {} already recorded", b.orgId(), b.billingDate());
            return;
        }
        SeatFigures f = b.figures();
        jdbc.sql("INSERT INTO seat_snapshot (billing_date, org_id, standard, support, admins, owners,"
                + " billable_standard, support_only, total_members, peak_billable_standard, peak_total_members,"
                + " plan, not_billed_reason) VALUES (:date, :org, :standard, :support, :admins, :owners, :b, :p, :t,"
                + " :peakB, :peakT, :plan, :reason)")
                .param("date", b.billingDate()).param("org", b.orgId())
                .param("standard", f.standard()).param("support", f.support())
                .param("admins", f.admins()).param("owners", f.owners())
                .param("b", f.billableStandard()).param("p", f.supportOnly()).param("t", f.totalMembers())
                .param("peakB", f.peakBillableStandard()).param("peakT", f.peakTotalMembers())
                .param("plan", b.plan()).param("reason", b.notBilledReason(), java.sql.Types.VARCHAR)
                .update();
    }

    private void insertLineIfAbsent(InvoiceLine l) {
        if (exists("SELECT COUNT(*) FROM seat_ledger WHERE billing_date = :date AND org_id = :org"
                + " AND line_type = :type", l.billingDate(), l.orgId(), l.lineType())) {
            log.info("Ledger line {} already recorded", l.invoiceId());
            return;
        }
        jdbc.sql("INSERT INTO seat_ledger (billing_date, org_id, line_type, plan, seat_basis, billable_standard,"
                + " support_only, total_members, required_seats, included_support_seats, purchased_before,"
                + " seats_invoiced, unit_price, period_days, billed_days, amount, currency, invoice_id)"
                + " VALUES (:date, :org, :type, :plan, :basis, :b, :p, :t, :s, :included, :before, :seats,"
                + " :price, :periodDays, :billedDays, :amount, :currency, :invoiceId)")
                .param("date", l.billingDate()).param("org", l.orgId()).param("type", l.lineType().name())
                .param("plan", l.plan()).param("basis", l.seatBasis().name())
                .param("b", l.billableStandard()).param("p", l.supportOnly()).param("t", l.totalMembers())
                .param("s", l.requiredSeats()).param("included", l.includedSupportSeats())
                .param("before", l.purchasedBefore()).param("seats", l.seatsInvoiced())
                .param("price", l.unitPrice().amount()).param("periodDays", l.periodDays())
                .param("billedDays", l.billedDays()).param("amount", l.amount().amount())
                .param("currency", l.amount().currency().getCurrencyCode()).param("invoiceId", l.invoiceId())
                .update();
        log.info("Ledger line {}: {} seats of org {} for {}", l.invoiceId(), l.seatsInvoiced(), l.orgId(), l.amount());
    }

    private boolean exists(String sql, LocalDate date, String orgId, LineType type) {
        var statement = jdbc.sql(sql).param("date", date).param("org", orgId);
        if (type != null) {
            statement = statement.param("type", type.name());
        }
        return statement.query(Long.class).single() > 0;
    }

    /** The ledger lines of {@code date}, sorted by org_id then line type. */
    public List<InvoiceLine> lines(LocalDate date) {
        return jdbc.sql("SELECT * FROM seat_ledger WHERE billing_date = :date").param("date", date)
                .query(LedgerRepository::line).list().stream()
                .sorted(Comparator.comparing(InvoiceLine::orgId).thenComparing(InvoiceLine::lineType))
                .toList();
    }

    /** The organisations considered on {@code date}, sorted by org_id. */
    public List<SeatSnapshot> snapshots(LocalDate date) {
        return jdbc.sql("SELECT * FROM seat_snapshot WHERE billing_date = :date").param("date", date)
                .query(LedgerRepository::snapshot).list().stream()
                .sorted(Comparator.comparing(SeatSnapshot::orgId))
                .toList();
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
                rs.getString("plan"), rs.getString("not_billed_reason"));
    }
}
