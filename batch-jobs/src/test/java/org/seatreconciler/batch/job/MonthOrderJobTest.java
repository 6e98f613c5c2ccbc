package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.batch.launch.BillingScheduler;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The dates of a month are billed in order: the guard in NightlyBilling and the scheduler's catch-up. */
@TestPropertySource(properties = "seats.billing.chunk-size=1")
@Import(MonthOrderJobTest.CrashOnClinicB.class)
class MonthOrderJobTest extends BillingJobTestSupport {

    @Autowired
    CrashOnClinicB crash;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Job nightlyBillingJob;
    @Autowired
    LedgerRepository ledgerRepository;
    @Autowired
    BillingFiles files;
    @Autowired
    SeatsSettings seats;

    @Test
    void aDateAfterAFailedOneIsRefusedAndTheSchedulerRestartsTheFailedDateFirst() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        crash.armed.set(true);
        assertThatThrownBy(() -> billing.bill(OCT_1))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-10-01 failed (FAILED): injected crash while writing clinic-b");
        crash.armed.set(false);

        assertThatThrownBy(() -> billing.bill(OCT_2))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Cannot bill 2026-10-02: 2026-10-01, an earlier date of the same month, has not "
                        + "completed (FAILED); dates of a month are billed in order: bill 2026-10-01 first "
                        + "(--billing-date=2026-10-01, with --recover if a killed run left it STARTED)");
        assertThat(ledger(OCT_1, OCT_2)).containsExactly("20261001-clinic-a-R");
        assertThat(Files.exists(files.folder(OCT_2))).isFalse();

        // the scheduler's tick on 3 Oct: restarts 1 Oct, then bills 2 Oct
        new BillingScheduler(billingOn("2026-10-03T00:30:00Z")).billTheDayThatEnded();

        assertFilesAreTheWorkedExample(files.folder(OCT_1), OCT_1);
        assertFilesAreTheWorkedExample(files.folder(OCT_2), OCT_2);
        assertThat(ledger(OCT_1, OCT_2)).containsExactly("20261001-clinic-a-R", "20261001-clinic-b-R",
                "20261001-solo-c-R", "20261002-clinic-a-T");
    }

    @Test
    void anEarlierDateOfTheMonthIsRefusedOnceALaterOneIsBilled() {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        LocalDate dec1 = LocalDate.of(2026, 12, 1);
        LocalDate dec2 = LocalDate.of(2026, 12, 2);
        billing.bill(dec2); // 1 Dec never ran: allowed (the system may have started mid-month)
        List<String> billed = ledger(dec1, dec2);
        assertThat(billed).containsExactly("20261202-clinic-a-T", "20261202-clinic-b-T", "20261202-solo-c-T");

        assertThatThrownBy(() -> billing.bill(dec1))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Cannot bill 2026-12-01: 2026-12-02, a later date of the same month, is already billed "
                        + "(COMPLETED); dates of a month are billed in order, and 2026-12-02 counted these seats");
        assertThat(ledger(dec1, dec2)).isEqualTo(billed);
        assertThat(Files.exists(files.folder(dec1))).isFalse();
    }

    private NightlyBilling billingOn(String instant) {
        return new NightlyBilling(jobOperator, jobRepository, nightlyBillingJob, ledgerRepository, files,
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), seats);
    }

    private List<String> ledger(LocalDate from, LocalDate to) {
        return JdbcClient.create(dataSource).sql("SELECT invoice_id FROM seat_ledger"
                + " WHERE billing_date BETWEEN :from AND :to ORDER BY billing_date, org_id")
                .param("from", from).param("to", to).query(String.class).list();
    }

    /** Registered on the billing step as an ItemWriteListener bean. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CrashOnClinicB implements ItemWriteListener<OrgBilling> {

        final AtomicBoolean armed = new AtomicBoolean();

        @Override
        public void beforeWrite(Chunk<? extends OrgBilling> items) {
            if (armed.get() && items.getItems().stream().anyMatch(b -> b.orgId().equals("clinic-b"))) {
                throw new IllegalStateException("injected crash while writing clinic-b");
            }
        }
    }
}
