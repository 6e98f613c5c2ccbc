package org.seatreconciler.batch.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.seatreconciler.schemas.events.Identifiers;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.OrgBilling;

/**
 * What the ledger holds for one billing date, everything its files are rendered from.
 *
 * @param lines     sorted by org_id then line type
 * @param snapshots sorted by org_id
 * @param notBilled sorted by org_id
 */
public record BilledDate(LocalDate date, List<InvoiceLine> lines,
        List<SeatSnapshot> snapshots, List<NotBilled> notBilled) {

    /**
     * What the ledger would hold for {@code date} after recording {@code billings} (a preview, which records
     * nothing): the same rows, sorted the same way, as {@link LedgerRepository#billedDate} reads back.
     */
    public static BilledDate of(LocalDate date, List<OrgBilling> billings) {
        List<InvoiceLine> lines = billings.stream().flatMap(b -> b.line().stream())
                .sorted(Comparator.comparing(InvoiceLine::orgId).thenComparing(InvoiceLine::lineType)).toList();
        List<SeatSnapshot> snapshots = billings.stream().map(BilledDate::snapshot).filter(Objects::nonNull)
                .sorted(Comparator.comparing(SeatSnapshot::orgId)).toList();
        return new BilledDate(date, lines, snapshots, billings.stream().map(BilledDate::notBilled)
                .filter(Objects::nonNull).sorted(Comparator.comparing(NotBilled::orgId)).toList());
    }

    /** The seat snapshot the ledger records for {@code billing}: null for an organisation without sound figures. */
    public static SeatSnapshot snapshot(OrgBilling billing) {
        return billing.sound() ? new SeatSnapshot(billing.billingDate(), billing.orgId(), billing.figures(),
                billing.plan(), billing.notBilledReason(), billing.requirement()) : null;
    }

    /**
     * Why {@code billing}'s organisation is not billed, as the ledger names it (its id as {@link Identifiers#shown}
     * when it has no snapshot, whose id may not fit), or null when it is billed.
     */
    public static NotBilled notBilled(OrgBilling billing) {
        if (billing.notBilledReason() == null) {
            return null;
        }
        return new NotBilled(billing.sound() ? billing.orgId() : Identifiers.shown(billing.orgId()),
                billing.notBilledReason());
    }
}
