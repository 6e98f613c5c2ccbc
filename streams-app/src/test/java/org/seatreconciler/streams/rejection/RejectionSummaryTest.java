package org.seatreconciler.streams.rejection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionSummaryTest {

    @Test
    void countsPerReasonSinceTheLastDrainWithTheFirstExample() {
        RejectionSummary summary = new RejectionSummary();
        summary.record("MALFORMED", "hr.membership-events-2@1042", "Unknown magic byte 0x07");
        summary.record("MALFORMED", "hr.membership-events-0@7", "too short");
        summary.record("FUTURE_TIMESTAMP", "hr.membership-events-1@3", "occurredAt 2099-01-01T00:00:00Z is ...");
        summary.record("MALFORMED", "hr.membership-events-1@4", "x");

        assertThat(summary.drain()).containsExactly(
                new RejectionSummary.Line("FUTURE_TIMESTAMP", 1, "hr.membership-events-1@3",
                        "occurredAt 2099-01-01T00:00:00Z is ..."),
                new RejectionSummary.Line("MALFORMED", 3, "hr.membership-events-2@1042", "Unknown magic byte 0x07"));

        summary.record("SELF_ROLE_CHANGE", "hr.membership-events-0@9", "member m-1 ...");
        assertThat(summary.drain()).containsExactly(
                new RejectionSummary.Line("SELF_ROLE_CHANGE", 1, "hr.membership-events-0@9", "member m-1 ..."));
        assertThat(summary.drain()).isEmpty();
    }
}
