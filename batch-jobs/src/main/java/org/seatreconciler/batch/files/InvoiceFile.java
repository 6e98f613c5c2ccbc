package org.seatreconciler.batch.files;

import java.util.List;

import org.seatreconciler.batch.billing.InvoiceLine;

/** invoices.csv: the columns of DESIGN.md section 6, in order. */
final class InvoiceFile {

    static final String NAME = "invoices.csv";

    static final List<String> HEADER = List.of("billing_date", "org_id", "plan", "line_type", "seat_basis",
            "billable_standard", "support_only", "total_members", "required_seats", "included_support_seats",
            "purchased_before", "seats_invoiced", "unit_price", "period_days", "billed_days", "amount", "currency",
            "invoice_id");

    private InvoiceFile() {
    }

    static void row(Csv csv, InvoiceLine l) {
        csv.row(List.of(l.billingDate(), l.orgId(), l.plan(), l.lineType(), l.seatBasis(), l.billableStandard(),
                l.supportOnly(), l.totalMembers(), l.requiredSeats(), l.includedSupportSeats(), l.purchasedBefore(),
                l.seatsInvoiced(), l.unitPrice().toPlainString(), l.periodDays(), l.billedDays(),
                l.amount().toPlainString(), l.amount().currency().getCurrencyCode(), l.invoiceId()));
    }

    /** @param lines sorted by org_id */
    static String render(List<InvoiceLine> lines) {
        return Csv.render(HEADER, lines, InvoiceFile::row);
    }
}
