package org.seatreconciler.batch.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/** RFC 4180: exactly the fields holding a comma, a double quote, CR or LF are quoted, quotes doubled. */
class CsvQuotingTest {

    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final String ORG = "acme, \"north\"";

    @Test
    void anOrgIdWithACommaAndQuotesIsQuotedInEveryFieldThatHoldsItIncludingTheInvoiceId() {
        InvoiceLine line = new InvoiceLine(NOV_3, ORG, "GROUP", LineType.TRUE_UP, SeatBasis.END_OF_DAY, 13, 14, 27,
                14, 14, 0, 14, Money.of("50.00", "USD"), 30, 28, Money.of("653.33", "USD"));

        assertThat(InvoiceFile.render(List.of(line))).isEqualTo("billing_date,org_id,plan,line_type,seat_basis,"
                + "billable_standard,support_only,total_members,required_seats,included_support_seats,"
                + "purchased_before,seats_invoiced,unit_price,period_days,billed_days,amount,currency,invoice_id\r\n"
                + "2026-11-03,\"acme, \"\"north\"\"\",GROUP,TRUE_UP,END_OF_DAY,13,14,27,14,14,0,14,50.00,30,28,"
                + "653.33,USD,\"20261103-acme, \"\"north\"\"-T\"\r\n");
    }

    @Test
    void seatCountsQuoteTheOrgIdOnly() {
        SeatSnapshot snapshot = new SeatSnapshot(NOV_3, ORG, new SeatFigures(11, 16, 3, 1, 13, 14, 27, 13, 28),
                "GROUP", null, null);

        assertThat(SeatCountsFile.render(List.of(snapshot))).isEqualTo("billing_date,org_id,standard,support,"
                + "admins,owners,billable_standard,support_only,total_members,peak_billable_standard,"
                + "peak_total_members\r\n"
                + "2026-11-03,\"acme, \"\"north\"\"\",11,16,3,1,13,14,27,13,28\r\n");
    }

    @Test
    void aFieldWithOnlyALineBreakIsQuotedAndOneWithOtherPunctuationIsNot() {
        assertThat(Csv.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.field("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(Csv.field("clinic-a; 'x'")).isEqualTo("clinic-a; 'x'");
    }
}
