package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.billing.OrgBilling;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One organisation per chunk, on a daily topic of 3 partitions: the billing step runs one partition of the step
 * per topic partition, each a run of consecutive organisations: the worked example's three fall in three
 * different ones (clinic-a 0, clinic-b 1, solo-c 2). The first attempt's partition of clinic-b crashes; the other
 * two commit.
 */
@TestPropertySource(properties = "seats.billing.chunk-size=1")
@Import(RestartAfterCrashJobTest.CrashOnClinicB.class)
class RestartAfterCrashJobTest extends BillingJobTestSupport {

    @Autowired
    CrashOnClinicB crash;

    @Test
    void aRestartCompletesWithoutDuplicatesAndGivesTheFilesOfAnUninterruptedRun() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        crash.armed.set(true);

        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-09-30 failed (FAILED): injected crash while writing clinic-b");
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-solo-c-T");

        // published after the first attempt took its offsets: the restart must not see it
        publishDays(List.of(day("clinic-b", SEP_30, 40, 1, 1, 1, 41, 0, 41, 41, 41)));
        crash.armed.set(false);
        BillingRun restarted = bill(SEP_30);

        assertThat(restarted.alreadyBilled()).isFalse();
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertFilesAreTheWorkedExample(restarted.folder(), SEP_30);
        // the first attempt wrote the three partitions' chunks; the restart ran only clinic-b's partition again
        assertThat(crash.writes.get()).isEqualTo(3 + 1);
        assertThat(crash.written).containsExactlyInAnyOrder("clinic-a", "clinic-b", "solo-c", "clinic-b");

        // the following nights see the restarted night's seats as purchased before; they bill from clinic-b's
        // latest record of 2026-09-30, so it is put back as it was for the worked example's files to follow
        publishDays(List.of(day("clinic-b", SEP_30, 3, 1, 1, 1, 4, 0, 4, 4, 4)));
        assertFilesAreTheWorkedExample(bill(OCT_1).folder(), OCT_1);
        assertFilesAreTheWorkedExample(bill(OCT_2).folder(), OCT_2);
        assertThat(ledger()).hasSize(7);
    }

    /** Registered on the billing step as an ItemWriteListener bean; called on the partitions' threads. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CrashOnClinicB implements ItemWriteListener<OrgBilling> {

        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicInteger writes = new AtomicInteger();
        final Queue<String> written = new ConcurrentLinkedQueue<>();

        @Override
        public void beforeWrite(Chunk<? extends OrgBilling> items) {
            writes.incrementAndGet();
            String org = items.getItems().get(0).orgId();
            written.add(org);
            if (org.equals("clinic-b") && armed.get()) {
                throw new IllegalStateException("injected crash while writing " + org);
            }
        }
    }
}
