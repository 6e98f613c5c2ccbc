package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.BillingFailedException;
import org.springframework.test.context.TestPropertySource;

/** Days computed in another billing zone than the job's fail the night, naming both zones. */
@TestPropertySource(properties = "seats.billing-zone=UTC")
class ZoneMismatchJobTest extends BillingJobTestSupport {

    @Test
    void aRecordOfAnotherZoneFailsTheNightInOneLineAndBillsNothing() {
        OrgSeatDay utc = day("clinic-a", SEP_30, 10, 16, 1, 1, 10, 16, 26, 10, 26);
        utc.setBillingZone("UTC");
        OrgSeatDay old = day("clinic-b", SEP_30, 3, 1, 1, 1, 4, 0, 4, 4, 4); // no zone: written before it was recorded
        OrgSeatDay paris = day("solo-c", SEP_30, 1, 2, 1, 1, 1, 2, 3, 1, 3);
        paris.setBillingZone("Europe/Paris");
        publishDays(List.of(utc, old, paris));

        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-09-30 failed (FAILED): seats.org-daily record solo-c|2026-09-30 was computed "
                        + "in billing zone Europe/Paris, but this job bills in UTC (seats.billing-zone): set the same "
                        + "zone in the streams app and the nightly job");
        assertThat(ledger()).isEmpty();
        assertThat(Files.exists(files.folder(SEP_30))).isFalse();
    }
}
