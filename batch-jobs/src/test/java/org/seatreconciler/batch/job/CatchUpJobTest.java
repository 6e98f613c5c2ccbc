package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BatchApplication;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Missed nights across a month boundary: Sep 28-30 billed, the nights of Oct 1 and 2 missed, a run for
 * Oct 3 bills Oct 1 (RENEWAL lines), Oct 2 and Oct 3 (TRUE_UPs) in order, with the same bytes as billing
 * the nights one by one (a second job on its own ledger, reading the same broker).
 */
class CatchUpJobTest extends BillingJobTestSupport {

    private static final LocalDate SEP_28 = LocalDate.of(2026, 9, 28);
    private static final LocalDate SEP_29 = LocalDate.of(2026, 9, 29);
    private static final LocalDate OCT_3 = LocalDate.of(2026, 10, 3);

    @Test
    void aRunAfterMissedNightsBillsThemInOrderAcrossTheMonthAsTheNightsOneByOneWould() throws Exception {
        publishWorkedExampleDays();
        // clinic-b (ENTERPRISE, 40.00) gains two standard members on 3 Oct: S 4 -> 6
        publishDays(List.of(day("clinic-b", OCT_3, 5, 1, 1, 1, 6, 0, 6, 6, 6)));
        publishWorkedExamplePlans();
        bill(SEP_28); // a new ledger starts at the date asked
        bill(SEP_29);
        bill(SEP_30);

        List<BillingRun> caughtUp = billing.bill(OCT_3);

        assertThat(caughtUp).extracting(BillingRun::billingDate).containsExactly(OCT_1, OCT_2, OCT_3);
        assertThat(caughtUp).noneMatch(BillingRun::alreadyBilled);
        assertFilesAreTheWorkedExample(caughtUp.get(0).folder(), OCT_1);
        assertFilesAreTheWorkedExample(caughtUp.get(1).folder(), OCT_2);
        assertThat(Files.readString(caughtUp.get(2).folder().resolve("invoices.csv"))).endsWith("\r\n"
                // 2 x 40.00 x 29/31 = 74.838... -> 74.84
                + "2026-10-03,clinic-b,ENTERPRISE,TRUE_UP,END_OF_DAY,6,0,6,6,6,4,2,40.00,31,29,74.84,USD,"
                + "20261003-clinic-b-T\r\n");
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T",
                "20261001-clinic-a-R", "20261001-clinic-b-R", "20261001-solo-c-R", "20261002-clinic-a-T",
                "20261003-clinic-b-T");
        Path out = caughtUp.get(0).folder().getParent();

        Path oneByOneOut = Files.createDirectories(Path.of("target", "billing-out", UUID.randomUUID().toString()))
                .toAbsolutePath();
        try (ConfigurableApplicationContext oneByOne = BatchApplication.application().run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--seats.schema-registry-url=" + REGISTRY,
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--seats.billing.run-on-startup=false", "--seats.billing.catch-up-timeout=5s",
                "--seats.billing.out-dir=" + oneByOneOut, "--spring.main.banner-mode=off")) {
            NightlyBilling nightly = oneByOne.getBean(NightlyBilling.class);
            for (LocalDate date = SEP_28; !date.isAfter(OCT_3); date = date.plusDays(1)) {
                assertThat(nightly.bill(date)).extracting(BillingRun::billingDate).containsExactly(date);
            }
        }
        for (LocalDate date = SEP_28; !date.isAfter(OCT_3); date = date.plusDays(1)) {
            Map<String, byte[]> caught = contents(out.resolve(date.toString()));
            Map<String, byte[]> single = contents(oneByOneOut.resolve(date.toString()));
            assertThat(caught).as(date + " files").containsOnlyKeys(single.keySet());
            for (String name : single.keySet()) {
                assertThat(caught.get(name)).as(date + " " + name).isEqualTo(single.get(name));
            }
        }
    }
}
