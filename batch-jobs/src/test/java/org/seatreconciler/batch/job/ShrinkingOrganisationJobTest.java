package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingRun;
import org.springframework.test.context.TestPropertySource;

/**
 * A ryokan on a yen plan (JPY has no minor digits) buys 40 seats on 30 October, renews them on 1 November and
 * needs 12 on 2 November: no refund within the month, so 28 seats are unused until the renewal, its renewal
 * shrinks by 28 seats, -140000 JPY a month, and the fall is on review.csv. A USD clinic beside it keeps the
 * currencies apart. By hand (YEN r 1, 5000 JPY; GROUP 50.00 USD):
 * <pre>
 * 30 Oct ryokan   B 40 T 40 S = max(40, ceil(40/2)) = 40: TRUE_UP 40 x 5000 x 2/31 = 12903.22... -> 12903 JPY;
 *                 SEAT_INCREASE 0 -> 40 (40 > 20 and > 50% of 0); renewal change 40 - 0 -> 200000 JPY
 *        clinic-u B 2 T 2 S 2: TRUE_UP 2 x 50.00 x 2/31 = 6.45 USD; renewal change 2 -> 100.00 USD
 * 1 Nov  RENEWALs 40 (200000 JPY) and 2 (100.00 USD), against 40 and 2 bought in October: no review row
 * 2 Nov  ryokan   B 12 T 12 S 12, bought 40 this month: no line; unused 40 - 12 = 28; next renewal 12,
 *                 change 12 - 40 = -28 -> -28 x 5000 = -140000 JPY; SEAT_DECREASE 40 -> 12 (28 > 20, 28 > 20)
 *        clinic-u unchanged: change 0 -> 0.00 USD
 * </pre>
 */
@TestPropertySource(properties = { "seats.billing.plans.YEN.support-ratio=1", "seats.billing.plans.YEN.price=5000",
        "seats.billing.plans.YEN.currency=JPY" })
class ShrinkingOrganisationJobTest extends BillingJobTestSupport {

    private static final LocalDate OCT_30 = LocalDate.of(2026, 10, 30);
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    @Test
    void anOrganisationThatShrankHoldsUnusedSeatsUntilTheRenewalWhichShrinksInItsCurrency() throws Exception {
        publishDays(List.of(day("ryokan", OCT_30, 40, 0, 1, 1, 40, 0, 40, 40, 40),
                day("clinic-u", OCT_30, 2, 0, 1, 1, 2, 0, 2, 2, 2),
                day("ryokan", NOV_2, 12, 0, 1, 1, 12, 0, 12, 40, 40)));
        publishPlans(Map.of("ryokan", "YEN"));

        BillingRun oct30 = bill(OCT_30);
        Path nov1 = bill(NOV_1).folder();
        BillingRun nov2 = bill(NOV_2);

        assertThat(Files.readString(oct30.folder().resolve("invoices.csv"))).endsWith("\r\n"
                + "2026-10-30,clinic-u,GROUP,TRUE_UP,END_OF_DAY,2,0,2,2,2,0,2,50.00,31,2,6.45,USD,20261030-clinic-u-T\r\n"
                + "2026-10-30,ryokan,YEN,TRUE_UP,END_OF_DAY,40,0,40,40,40,0,40,5000,31,2,12903,JPY,20261030-ryokan-T\r\n");
        assertThat(Files.readString(oct30.folder().resolve("review.csv"))).isEqualTo(
                "billing_date,org_id,check,seats_before,seats_after,detail\r\n"
                + "2026-10-30,ryokan,SEAT_INCREASE,0,40,TRUE_UP of 40 seats: 40 required against 0 bought before in the "
                + "month; a change of 40 is more than 20 seats and more than 50% of 0\r\n");
        assertThat(oct30.reviewRows()).isEqualTo(1);
        assertThat(oct30.describe()).contains("amounts {JPY=12903, USD=6.45}, 1 to review (review.csv) -> ");
        assertThat(oct30.renewalChange()).isEqualTo(Map.of("JPY", new BigDecimal("200000"), "USD",
                new BigDecimal("100.00")));
        assertThat(Files.readString(nov1.resolve("review.csv")))
                .isEqualTo("billing_date,org_id,check,seats_before,seats_after,detail\r\n");

        assertThat(nov2.invoiceLines()).isZero();
        assertThat(Files.readString(nov2.folder().resolve("reconciliation.csv"))).isEqualTo(
                "billing_date,org_id,plan,billable_standard,support_only,total_members,required_seats,"
                + "seats_purchased_this_month,unused_seats,next_renewal_seats,renewal_change,currency,"
                + "renewal_change_amount\r\n"
                + "2026-11-02,clinic-u,GROUP,2,0,2,2,2,0,2,0,USD,0.00\r\n"
                + "2026-11-02,ryokan,YEN,12,0,12,12,40,28,12,-28,JPY,-140000\r\n");
        assertThat(Files.readString(nov2.folder().resolve("review.csv"))).isEqualTo(
                "billing_date,org_id,check,seats_before,seats_after,detail\r\n"
                + "2026-11-02,ryokan,SEAT_DECREASE,40,12,\"40 seats required on 2026-11-01, 12 now; a change of 28 is "
                + "more than 20 seats and more than 50% of 40; seats bought are not refunded within the month\"\r\n");
        assertThat(Files.readString(nov2.folder().resolve("summary.json"))).isEqualTo("""
                {
                  "billingDate": "2026-11-02",
                  "preview": false,
                  "organisations": 2,
                  "invoiceLines": 0,
                  "seatsInvoiced": 0,
                  "amounts": {},
                  "renewalChange": {"JPY": "-140000", "USD": "0.00"},
                  "reviewRows": 1,
                  "notBilled": []
                }
                """);
        assertManifestMatches(nov2.folder());
    }
}
