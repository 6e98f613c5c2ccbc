package org.seatreconciler.batch.ledger;

import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.billing.InvoiceLine;

/**
 * What the ledger holds for one billing date, everything its files are rendered from.
 *
 * @param lines     sorted by org_id then line type
 * @param snapshots sorted by org_id
 * @param notBilled sorted by org_id
 */
public record BilledDate(LocalDate date, List<InvoiceLine> lines,
        List<SeatSnapshot> snapshots, List<NotBilled> notBilled) {
}
