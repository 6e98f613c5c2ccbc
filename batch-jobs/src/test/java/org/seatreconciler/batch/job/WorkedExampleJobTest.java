package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingRun;

/**
 * The worked example (../shared/examples/worked-example) through the job: invoices.csv and seat-counts.csv as the
 * shared example gives them, and reconciliation.csv and review.csv as computed here by hand
 * (src/test/resources/worked-example/<date>/). Seat basis END_OF_DAY; GROUP 50.00, ENTERPRISE 40.00, STARTER 30.00
 * USD. The ledger starts on 2026-09-30, so there is no RENEWAL on 1 September.
 * <pre>
 * reconciliation.csv: purchased = purchased_before + invoiced on D; unused = max(purchased - S, 0);
 *                     next = S; change = S - renewed on the 1st of D's month (0 without a RENEWAL line);
 *                     amount = change x price
 * 2026-09-30 clinic-a GROUP      B 10 P 16 T 26 S = max(10, ceil(26/2)) = 13; purchased 0 + 13 = 13, unused 0;
 *                                next 13, change 13 - 0 = 13 -> 13 x 50.00 = 650.00
 *            clinic-b ENTERPRISE B 4 P 0 T 4    S = max(4, ceil(4/2)) = 4;    purchased 0 + 4 = 4, unused 0;
 *                                next 4, change 4 - 0 = 4   -> 4 x 40.00 = 160.00
 *            solo-c   STARTER    B 1 P 2 T 3    S = max(1, ceil(3/1)) = 3;    purchased 0 + 3 = 3, unused 0;
 *                                next 3, change 3 - 0 = 3   -> 3 x 30.00 = 90.00
 *            renewalChange USD 650.00 + 160.00 + 90.00 = 900.00
 * 2026-10-01 every organisation renews what it needs (13, 4, 3): purchased 0 + S = S, unused 0,
 *            change S - S = 0 -> 0.00 each; renewalChange USD 0.00
 * 2026-10-02 clinic-a B 13 P 14 T 27 S = max(13, ceil(27/2)) = 14; purchased 13 + 1 = 14, unused 0;
 *                     next 14, change 14 - 13 = 1 -> 50.00
 *            clinic-b, solo-c unchanged: purchased 4 and 3 (the renewal), unused 0, change 0 -> 0.00
 *            renewalChange USD 50.00
 * review.csv (M 20, R 50%): large means |after - before| > 20 and > 50% of before
 * 2026-09-30 TRUE_UPs 0 -> 13, 0 -> 4, 0 -> 3: no change above 20; no earlier date, so no SEAT_DECREASE
 * 2026-10-01 RENEWALs against the seats bought in September: 13 -> 13, 4 -> 4, 3 -> 3; required seats against
 *            2026-09-30's: unchanged
 * 2026-10-02 TRUE_UP of clinic-a 13 -> 14 (a change of 1); no organisation needs fewer seats than on 2026-10-01
 *            so review.csv is the header alone on all three dates, and reviewRows 0
 * </pre>
 */
class WorkedExampleJobTest extends BillingJobTestSupport {

    @Test
    void billsTheWorkedExampleAndNeverBillsADateTwice() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();

        BillingRun sep30 = bill(SEP_30);
        BillingRun oct1 = bill(OCT_1);
        BillingRun oct2 = bill(OCT_2);
        assertPagedReadsMatchTheLedger(SEP_30, OCT_1, OCT_2);
        assertOneOrganisationReadsMatchTheWholeDate(SEP_30, OCT_1, OCT_2, OCT_2.plusDays(1));

        assertFilesAreTheWorkedExample(sep30.folder(), SEP_30);
        assertFilesAreTheWorkedExample(oct1.folder(), OCT_1);
        assertFilesAreTheWorkedExample(oct2.folder(), OCT_2);
        assertThat(sep30.alreadyBilled()).isFalse();
        assertThat(List.of(sep30.organisations(), sep30.invoiceLines(), sep30.reviewRows())).containsExactly(3, 3, 0);
        assertThat(sep30.seatsInvoiced()).isEqualTo(20);
        assertThat(sep30.amounts()).isEqualTo(Map.of("USD", new BigDecimal("30.00")));
        assertThat(sep30.renewalChange()).isEqualTo(Map.of("USD", new BigDecimal("900.00")));
        assertThat(oct1.renewalChange()).isEqualTo(Map.of("USD", new BigDecimal("0.00")));
        assertThat(oct1.amounts()).containsOnlyKeys("USD");
        assertThat(oct1.amounts().get("USD")).isEqualByComparingTo("900.00");
        assertThat(oct2.invoiceLines()).isEqualTo(1);
        assertThat(oct2.seatsInvoiced()).isEqualTo(1);
        assertThat(oct2.folder()).isEqualTo(sep30.folder().resolveSibling("2026-10-02"));
        assertThat(Files.readString(oct2.folder().resolve("summary.json"))).isEqualTo("""
                {
                  "billingDate": "2026-10-02",
                  "preview": false,
                  "organisations": 3,
                  "invoiceLines": 1,
                  "seatsInvoiced": 1,
                  "amounts": {"USD": "48.39"},
                  "renewalChange": {"USD": "50.00"},
                  "reviewRows": 0,
                  "notBilled": []
                }
                """);
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T",
                "20261001-clinic-a-R", "20261001-clinic-b-R", "20261001-solo-c-R", "20261002-clinic-a-T");

        // Re-running a completed date: Batch refuses a new instance; ledger and files are untouched.
        Path folder = oct2.folder();
        Map<String, byte[]> before = contents(folder);
        var invoicesModified = modified(folder.resolve("invoices.csv"));
        BillingRun again = bill(OCT_2);

        assertThat(again.alreadyBilled()).isTrue();
        assertThat(again.invoiceLines()).isEqualTo(1);
        assertThat(contents(folder)).containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(contents0(folder, name)).as(name).isEqualTo(bytes));
        assertThat(modified(folder.resolve("invoices.csv"))).isEqualTo(invoicesModified);
        assertThat(ledger()).hasSize(7);

        // The folder is lost: billing the date again writes the same bytes from the ledger, bills nothing.
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        BillingRun restored = bill(OCT_2);

        assertThat(restored.alreadyBilled()).isTrue();
        assertThat(restored.filesRewritten()).containsExactly("invoices.csv", "seat-counts.csv",
                "reconciliation.csv", "review.csv", "summary.json", "manifest.sha256");
        assertThat(contents(folder)).containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(contents0(folder, name)).as(name).isEqualTo(bytes));
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T",
                "20261001-clinic-a-R", "20261001-clinic-b-R", "20261001-solo-c-R", "20261002-clinic-a-T");
        // only the manifest lost: nothing can be checked, everything is written again (the same bytes)
        Files.delete(folder.resolve("manifest.sha256"));
        assertThat(bill(OCT_2).filesRewritten()).hasSize(6);
        before.forEach((name, bytes) -> assertThat(contents0(folder, name)).as(name).isEqualTo(bytes));
        assertThat(bill(OCT_2).filesRewritten()).isEmpty();
    }

    private static byte[] contents0(Path folder, String name) {
        try {
            return Files.readAllBytes(folder.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
