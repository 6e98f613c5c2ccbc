package org.seatreconciler.batch.explain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.schemas.events.Identifiers;
import org.seatreconciler.schemas.registry.SchemaRegistryException;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.ledger.BillingHistory;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.ledger.SeatSnapshot;
import org.seatreconciler.batch.order.CompletedDates;
import org.seatreconciler.batch.preview.BillingPreview;
import org.seatreconciler.batch.preview.Preview;
import org.seatreconciler.batch.reports.DateReport;
import org.seatreconciler.batch.reports.DateReports;

/**
 * Explains one organisation's bill on one date: from the ledger when the date is billed (what was billed, not
 * a new computation), else from a preview of it (what would be billed now). Then its events of the day from
 * hr.membership-events. Reads only: it bills nothing and needs no lease.
 */
public class Explainer {

    private final CompletedDates completedDates;
    private final DateReports reports;
    private final LedgerRepository ledger;
    private final BillingPreview preview;
    private final OrgEventLog events;
    private final ZoneId billingZone;

    public Explainer(CompletedDates completedDates, DateReports reports, LedgerRepository ledger,
            BillingPreview preview, OrgEventLog events, ZoneId billingZone) {
        this.completedDates = completedDates;
        this.reports = reports;
        this.ledger = ledger;
        this.preview = preview;
        this.events = events;
        this.billingZone = billingZone;
    }

    /**
     * @param from where a preview starts when the ledger is new (the local mode's {@code --from}); the date
     *             itself otherwise
     * @throws BillingFailedException when the organisation has no figures on the date, in one line
     */
    public Explanation explain(String orgId, LocalDate date, LocalDate from) {
        boolean billed = completedDates.latest().map(latest -> !date.isAfter(latest)).orElse(false);
        DateReport report;
        BillingHistory history;
        if (billed) {
            report = reports.of(date, orgId);
            history = ledger;
        } else if (preview.rendersAsComputed(from, date)) {
            // every date before it is billed: the organisation alone is computed, the rest is the ledger's
            report = preview.computedFor(orgId, date);
            history = ledger;
        } else {
            Preview computed = preview.compute(from, date);
            report = computed.last();
            history = computed.history();
        }
        Optional<SeatSnapshot> snapshot = report.billed().snapshots().stream()
                .filter(s -> s.orgId().equals(orgId)).findFirst();
        Optional<String> notBilled = report.billed().notBilled().stream()
                .filter(n -> n.orgId().equals(Identifiers.shown(orgId))).map(NotBilled::reason).findFirst();
        if (snapshot.isEmpty() && notBilled.isEmpty()) {
            throw new BillingFailedException("No figures for organisation " + Identifiers.printable(orgId) + " on "
                    + date + ": it has no record on seats.org-daily on or before that date and was not billed before it");
        }
        InvoiceLine line = report.billed().lines().stream().filter(l -> l.orgId().equals(orgId)).findFirst()
                .orElse(null);
        List<InvoiceLine> before = history.lines(orgId, BillingPeriod.containing(date).start(), date);
        return new Explanation(orgId, date, billed, snapshot.orElse(null), notBilled.orElse(null), line, before,
                report.reconciliationOf(orgId).orElse(null), trail(orgId, date));
    }

    private EventTrail trail(String orgId, LocalDate date) {
        try {
            return EventReplay.of(events.read(orgId), date, billingZone);
        } catch (SchemaRegistryException e) {
            throw e; // the registry is down: fail in one line naming it, not explain with events missing
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return EventTrail.unavailable(events.topic(), reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim());
        }
    }
}
