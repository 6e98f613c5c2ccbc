package org.seatreconciler.batch.explain;

import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.ledger.SeatSnapshot;
import org.seatreconciler.batch.reports.ReconciliationRow;

/**
 * Why one organisation was billed what it was on one date (DESIGN.md section 9): its figures, the plan and the
 * rule with its numbers, the seats bought before in the month, the line with its proration, its reconciliation
 * row, and the membership events that changed its counts that day. Rendered by {@link ExplanationText} for
 * people and {@link ExplanationJson} for tools.
 *
 * @param fromLedger      the date is billed and this comes from the ledger; false: a preview of a date not billed yet
 * @param snapshot        its seat-counts row, or null when it was not billed for an id or figures that fail validation
 * @param notBilledReason why it was not billed, or null
 * @param line            its invoice line on the date, or null
 * @param boughtBefore    its invoice lines in the month before the date, by date
 * @param reconciliation  its reconciliation.csv row, or null without a snapshot
 */
public record Explanation(String orgId, LocalDate billingDate, boolean fromLedger, SeatSnapshot snapshot,
        String notBilledReason, InvoiceLine line, List<InvoiceLine> boughtBefore, ReconciliationRow reconciliation,
        EventTrail events) {

    public Explanation {
        boughtBefore = List.copyOf(boughtBefore);
    }

    public int purchasedBefore() {
        return boughtBefore.stream().mapToInt(InvoiceLine::seatsInvoiced).sum();
    }
}
