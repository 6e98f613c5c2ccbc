package org.seatreconciler.streams.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seatreconciler.streams.rejection.RejectionSummary;

class RejectionSummaryLogTest {

    @Test
    void oneLinePerReasonWithTheCountAndTheFirstExample() {
        try (RejectionSummaryLog log = new RejectionSummaryLog(List::of, "hr.membership-events.rejected",
                Duration.ofHours(1))) {
            assertThat(log.line(new RejectionSummary.Line("MALFORMED", 12_345, "hr.membership-events-2@1042",
                    "Unknown magic byte 0x07: not the Confluent wire format (expected 0x00)"), 60))
                    .isEqualTo("12,345 record(s) rejected as MALFORMED in the last 60 s (each is on "
                            + "hr.membership-events.rejected); first: hr.membership-events-2@1042: Unknown magic byte "
                            + "0x07: not the Confluent wire format (expected 0x00)");
        }
    }
}
