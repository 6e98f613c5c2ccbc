package org.seatreconciler.batch.billing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** One line of invoices.csv and of the seat ledger (DESIGN.md section 6, in column order). */
public record InvoiceLine(LocalDate billingDate, String orgId, String plan, LineType lineType, SeatBasis seatBasis,
        int billableStandard, int supportOnly, int totalMembers, int requiredSeats, int includedSupportSeats,
        int purchasedBefore, int seatsInvoiced, Money unitPrice, int periodDays, int billedDays, Money amount) {

    /** {@code <yyyymmdd>-<org_id>-<R|T>}. */
    public String invoiceId() {
        return invoiceId(billingDate, orgId, lineType);
    }

    public static String invoiceId(LocalDate billingDate, String orgId, LineType lineType) {
        return billingDate.format(DateTimeFormatter.BASIC_ISO_DATE) + '-' + orgId + '-' + lineType.initial();
    }
}
