package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingRun;

/** A rerun of a billed date checks its files against manifest.sha256 and restores the ones that differ. */
class RerunRestoresFilesJobTest extends BillingJobTestSupport {

    @Test
    void aRerunOfABilledDateRewritesOnlyTheFilesThatNoLongerMatchTheManifestAndSaysWhich() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        bill(SEP_30);
        Path folder = bill(OCT_1).folder();
        Map<String, byte[]> original = contents(folder);
        var seatCountsModified = modified(folder.resolve("seat-counts.csv"));
        // finance opens invoices.csv in a spreadsheet and saves it (no CRLF, a changed amount) ...
        Files.writeString(folder.resolve("invoices.csv"), new String(original.get("invoices.csv"),
                StandardCharsets.UTF_8).replace("\r\n", "\n").replace("650.00", "650"));
        // ... and summary.json is cut short
        Files.write(folder.resolve("summary.json"), Arrays.copyOf(original.get("summary.json"), 20));

        BillingRun rerun = bill(OCT_1);

        assertThat(rerun.alreadyBilled()).isTrue();
        assertThat(rerun.filesRewritten()).containsExactly("invoices.csv", "summary.json", "manifest.sha256");
        assertThat(rerun.describe()).isEqualTo("2026-10-01 is already billed: ledger unchanged; invoices.csv, "
                + "summary.json, manifest.sha256 missing or not matching manifest.sha256, written again from the ledger ("
                + folder + ")");
        for (Map.Entry<String, byte[]> file : original.entrySet()) {
            assertThat(Files.readAllBytes(folder.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
        }
        assertThat(modified(folder.resolve("seat-counts.csv"))).isEqualTo(seatCountsModified);
        assertFilesAreTheWorkedExample(folder, OCT_1);
        assertThat(ledger()).hasSize(6);
    }

}
