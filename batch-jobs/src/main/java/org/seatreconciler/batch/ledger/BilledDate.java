package org.seatreconciler.batch.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
        List<SeatSnapshot> snapshots = billings.stream().filter(OrgBilling::sound)
                .map(b -> new SeatSnapshot(date, b.orgId(), b.figures(), b.plan(), b.notBilledReason(), b.requirement()))
                .sorted(Comparator.comparing(SeatSnapshot::orgId)).toList();
        Stream<NotBilled> withSnapshot = snapshots.stream().filter(s -> s.notBilledReason() != null)
                .map(s -> new NotBilled(s.orgId(), s.notBilledReason()));
        Stream<NotBilled> without = billings.stream().filter(b -> !b.sound())
                .map(b -> new NotBilled(Identifiers.shown(b.orgId()), b.notBilledReason()));
        return new BilledDate(date, lines, snapshots,
                Stream.concat(withSnapshot, without).sorted(Comparator.comparing(NotBilled::orgId)).toList());
    }
}
