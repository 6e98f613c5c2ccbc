package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** One organisation per chunk; the second chunk of the first attempt crashes. */
@TestPropertySource(properties = "seats.billing.chunk-size=1")
@Import(RestartAfterCrashJobTest.CrashOnSecondChunk.class)
class RestartAfterCrashJobTest extends BillingJobTestSupport {

    @Autowired
    CrashOnSecondChunk crash;

    @Test
    void aRestartCompletesWithoutDuplicatesAndGivesTheFilesOfAnUninterruptedRun() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        crash.armed.set(true);

        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-09-30 failed (FAILED): injected crash while writing clinic-b");
        assertThat(ledger()).containsExactly("20260930-clinic-a-T");

        crash.armed.set(false);
        BillingRun restarted = bill(SEP_30);

        assertThat(restarted.alreadyBilled()).isFalse();
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertFilesAreTheWorkedExample(restarted.folder(), SEP_30);
        // the restart billed only the two organisations the crashed attempt had not committed
        assertThat(crash.writes.get()).isEqualTo(2 + 2);

        // the following nights see the restarted night's seats as purchased before
        assertFilesAreTheWorkedExample(bill(OCT_1).folder(), OCT_1);
        assertFilesAreTheWorkedExample(bill(OCT_2).folder(), OCT_2);
        assertThat(ledger()).hasSize(7);
    }

    /** Registered on the billing step as an ItemWriteListener bean. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CrashOnSecondChunk implements ItemWriteListener<OrgBilling> {

        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void beforeWrite(Chunk<? extends OrgBilling> items) {
            if (writes.incrementAndGet() == 2 && armed.get()) {
                throw new IllegalStateException("injected crash while writing " + items.getItems().get(0).orgId());
            }
        }
    }
}
