package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.preview.PreviewRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The dry run: a billed date's preview gives its files (saying "preview"), and a preview writes neither the
 * ledger nor the job repository, needs no lease and ignores the rows of a night that is still being billed.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD) // a ledger and a broker each
class PreviewJobTest extends BillingJobTestSupport {

    private static final LocalDate OCT_3 = LocalDate.of(2026, 10, 3);
    private static final List<String> TABLES = List.of("seat_ledger", "seat_snapshot", "not_billed",
            "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION_CONTEXT");

    @Test
    void thePreviewOfABilledDateIsItsFilesAndChangesNoRow() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        bill(SEP_30);
        bill(OCT_1);
        Path billed = bill(OCT_2).folder();
        Map<String, Long> rowsBefore = rows();

        List<PreviewRun> runs = preview.preview(OCT_2, OCT_2);

        Path previewed = billed.getParent().resolve("preview").resolve("2026-10-02");
        assertThat(runs).extracting(PreviewRun::folder).containsExactly(previewed);
        assertThat(runs.get(0).describe()).isEqualTo("Preview of 2026-10-02 (nothing billed): 3 organisations, 1 "
                + "invoice lines, 1 seats, amounts {USD=48.39} -> " + previewed);
        for (String name : CSV_FILES) {
            assertThat(Files.readAllBytes(previewed.resolve(name))).as(name).isEqualTo(Files.readAllBytes(billed.resolve(name)));
        }
        assertThat(Files.readString(previewed.resolve("summary.json"))).isEqualTo(Files.readString(
                billed.resolve("summary.json")).replace("\"preview\": false", "\"preview\": true"));
        assertThat(Files.readString(previewed.resolve("summary.json"))).contains("\"preview\": true");
        assertManifestMatches(previewed);
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    @Test
    void aPreviewDuringANightBillsTheDatesNotBilledYetInMemoryFirstAndIgnoresTheRowsBeingWritten() throws Exception {
        publishWorkedExampleDays();
        // clinic-b (ENTERPRISE, 40.00) gains two standard members on 3 Oct: S 4 -> 6
        publishDays(List.of(day("clinic-b", OCT_3, 5, 1, 1, 1, 6, 0, 6, 6, 6)));
        publishWorkedExamplePlans();
        bill(SEP_30);
        bill(OCT_1);
        // The night of 2 Oct is being billed by another process: it holds the lease and has committed a chunk
        // (a made-up row here, 99 seats for clinic-a), but has not completed.
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("UPDATE billing_lease SET holder = 'other-host/4242/night', expires_at = 9999999999999").update();
        jdbc.sql("INSERT INTO seat_ledger SELECT CAST('2026-10-02' AS DATE), org_id, 'TRUE_UP', plan, seat_basis,"
                + " billable_standard, support_only, total_members, 112, included_support_seats, 13, 99, unit_price,"
                + " period_days, 30, 9999.00, currency, '20261002-clinic-a-T' FROM seat_ledger"
                + " WHERE billing_date = CAST('2026-10-01' AS DATE) AND org_id = 'clinic-a'").update();
        Map<String, Long> rowsBefore = rows();

        List<PreviewRun> runs = preview.preview(OCT_3, OCT_3);

        // 2 Oct is computed in memory first (clinic-a: a true-up of 1, from the figures, not the 99 being written),
        // so on 3 Oct clinic-a has bought 14 and needs 14, and clinic-b's 2 seats more are the only line:
        // 2 x 40.00 x 29/31 = 74.838... -> 74.84
        assertThat(runs).hasSize(1);
        Path folder = runs.get(0).folder();
        assertThat(runs.get(0).computedFirst()).containsExactly(OCT_2);
        assertThat(runs.get(0).describe()).contains("; computed after 2026-10-02, not billed yet, in memory");
        assertThat(Files.readString(folder.resolve("invoices.csv"))).endsWith("\r\n"
                + "2026-10-03,clinic-b,ENTERPRISE,TRUE_UP,END_OF_DAY,6,0,6,6,6,4,2,40.00,31,29,74.84,USD,"
                + "20261003-clinic-b-T\r\n");
        assertThat(Files.readString(folder.resolve("reconciliation.csv"))).endsWith("\r\n"
                + "2026-10-03,clinic-a,GROUP,13,14,27,14,14,0,14,1,USD,50.00\r\n"
                + "2026-10-03,clinic-b,ENTERPRISE,6,0,6,6,6,0,6,2,USD,80.00\r\n"
                + "2026-10-03,solo-c,STARTER,1,2,3,3,3,0,3,0,USD,0.00\r\n");
        assertThat(folder.resolveSibling("2026-10-02")).doesNotExist();
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThatThrownBy(() -> billing.bill(OCT_3)).isInstanceOf(BillingFailedException.class)
                .hasMessageStartingWith("Another billing process (other-host/4242/night) holds the billing lease");

        // The other process is gone, its row with it; tonight's run bills what the preview showed.
        jdbc.sql("DELETE FROM seat_ledger WHERE billing_date = CAST('2026-10-02' AS DATE)").update();
        jdbc.sql("UPDATE billing_lease SET expires_at = 0").update();
        List<BillingRun> night = billing.bill(OCT_3);
        assertThat(night).extracting(BillingRun::billingDate).containsExactly(OCT_2, OCT_3);
        for (String name : CSV_FILES) {
            assertThat(new String(Files.readAllBytes(folder.resolve(name)), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(Files.readString(night.get(1).folder().resolve(name)));
        }
    }

    /**
     * A preview of one date with no date before it to compute first (a new ledger's, a billed date's, tonight's) is
     * rendered as it is computed, never held whole: its files are those of the computation in memory, byte for
     * byte, on a new ledger's first date, on a 1st of the month (renewals), on a date after one; tonight's date is
     * computed from the figures, not from the rows its night is writing.
     */
    @Test
    void aPreviewOfOneDateRenderedAsItIsComputedGivesTheFilesOfTheComputationInMemory() throws Exception {
        publishWorkedExampleDays();
        publishDays(List.of(day("clinic-b", OCT_3, 5, 1, 1, 1, 6, 0, 6, 6, 6)));
        publishWorkedExamplePlans();
        // a new ledger's first night, still running, has committed a chunk of 29 Sep: a new ledger is not read, so
        // 30 Sep is not rendered from it (computed in memory, from nothing billed)
        ledgerRepository.record(List.of(new OrgBilling(SEP_30.minusDays(1), "clinic-a",
                new SeatFigures(9, 9, 1, 1, 9, 9, 18, 9, 18), "GROUP", null, Optional.empty(), null, true)));
        assertThat(preview.rendersAsComputed(SEP_30, SEP_30)).isFalse();
        JdbcClient.create(dataSource).sql("DELETE FROM seat_snapshot").update();
        assertRenderedAsComputedIsComputed(SEP_30);
        bill(SEP_30);
        assertRenderedAsComputedIsComputed(OCT_1);
        bill(OCT_1);
        // the night of 2 Oct has committed a made-up chunk (99 seats for clinic-a): not read
        JdbcClient.create(dataSource).sql("INSERT INTO seat_ledger SELECT CAST('2026-10-02' AS DATE), org_id,"
                + " 'TRUE_UP', plan, seat_basis, billable_standard, support_only, total_members, 112,"
                + " included_support_seats, 13, 99, unit_price, period_days, 30, 9999.00, currency,"
                + " '20261002-clinic-a-T' FROM seat_ledger WHERE billing_date = CAST('2026-10-01' AS DATE)"
                + " AND org_id = 'clinic-a'").update();
        Path tonight = assertRenderedAsComputedIsComputed(OCT_2);
        assertThat(Files.readString(tonight.resolve("invoices.csv"))).contains(",48.39,USD,20261002-clinic-a-T\r\n")
                .doesNotContain("9999");
        assertThat(preview.rendersAsComputed(OCT_3, OCT_3)).isFalse(); // 2 Oct is computed first, in memory
        assertThat(preview.rendersAsComputed(OCT_1, OCT_2)).isFalse();
    }

    @Test
    void aPreviewBeyondTheCatchUpLimitIsRefusedInOneLine() {
        publishWorkedExampleDays();
        bill(SEP_30);

        assertThatThrownBy(() -> preview.preview(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5)))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Cannot preview 2026-11-05: 2026-10-01 .. 2026-11-05 (36 dates) would be computed, more than "
                        + "seats.billing.max-catch-up-dates (35) allows in one run");
    }

    private Map<String, Long> rows() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }
}
