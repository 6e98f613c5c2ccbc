package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingRun;

class WorkedExampleJobTest extends BillingJobTestSupport {

    @Test
    void billsTheWorkedExampleAndNeverBillsADateTwice() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();

        BillingRun sep30 = bill(SEP_30);
        BillingRun oct1 = bill(OCT_1);
        BillingRun oct2 = bill(OCT_2);

        assertFilesAreTheWorkedExample(sep30.folder(), SEP_30);
        assertFilesAreTheWorkedExample(oct1.folder(), OCT_1);
        assertFilesAreTheWorkedExample(oct2.folder(), OCT_2);
        assertThat(sep30).isEqualTo(new BillingRun(SEP_30, sep30.folder(), false, List.of(), 3, 3, 20,
                Map.of("USD", new BigDecimal("30.00")), List.of()));
        assertThat(oct1.amounts()).containsOnlyKeys("USD");
        assertThat(oct1.amounts().get("USD")).isEqualByComparingTo("900.00");
        assertThat(oct2.invoiceLines()).isEqualTo(1);
        assertThat(oct2.seatsInvoiced()).isEqualTo(1);
        assertThat(oct2.folder()).isEqualTo(sep30.folder().resolveSibling("2026-10-02"));
        assertThat(Files.readString(oct2.folder().resolve("summary.json"))).isEqualTo("""
                {
                  "billingDate": "2026-10-02",
                  "organisations": 3,
                  "invoiceLines": 1,
                  "seatsInvoiced": 1,
                  "amounts": {"USD": "48.39"},
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
        assertThat(restored.filesRewritten()).containsExactly("invoices.csv", "seat-counts.csv", "summary.json",
                "manifest.sha256");
        assertThat(contents(folder)).containsOnlyKeys(before.keySet());
        before.forEach((name, bytes) -> assertThat(contents0(folder, name)).as(name).isEqualTo(bytes));
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T",
                "20261001-clinic-a-R", "20261001-clinic-b-R", "20261001-solo-c-R", "20261002-clinic-a-T");
        // only the manifest lost: nothing can be checked, everything is written again (the same bytes)
        Files.delete(folder.resolve("manifest.sha256"));
        assertThat(bill(OCT_2).filesRewritten()).hasSize(4);
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
