package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static final long MS = 1_000_000L;

    @Test
    void eachEventIsTimedToTheFirstRecordShowingIt() {
        // two organisations: events 0, 2, 4 are org 0's; 1, 3, 5 are org 1's
        LatencyRecorder recorder = new LatencyRecorder(2, 6);
        for (int i = 0; i < 6; i++) {
            recorder.sent(i, i * 10 * MS);
        }
        recorder.seen(0, 100 * MS);        // event 0: 100 ms
        recorder.seen(4, 250 * MS);        // one record for events 2 and 4 (published once per commit): 230, 210 ms
        recorder.seen(1, 400 * MS);        // event 1: 390 ms
        assertThat(recorder.allSeen(6)).isFalse();
        recorder.seen(5, 1_050 * MS);      // events 3 and 5: 1,020 and 1,000 ms
        assertThat(recorder.allSeen(6)).isTrue();

        LatencyRecorder.Summary summary = recorder.summary(6);

        // sorted: 100, 210, 230, 390, 1000, 1020
        assertThat(summary.events()).isEqualTo(6);
        assertThat(summary.unseen()).isZero();
        assertThat(summary.p50()).isEqualTo(Duration.ofMillis(230));
        assertThat(summary.p99()).isEqualTo(Duration.ofMillis(1_020));
        assertThat(summary.max()).isEqualTo(Duration.ofMillis(1_020));
    }

    @Test
    void eventsNeverShownAreCountedApart() {
        LatencyRecorder recorder = new LatencyRecorder(1, 4);
        for (int i = 0; i < 4; i++) {
            recorder.sent(i, 0);
        }
        recorder.seen(1, 40 * MS);

        LatencyRecorder.Summary summary = recorder.summary(4);

        assertThat(summary.unseen()).isEqualTo(2);
        assertThat(summary.p50()).isEqualTo(Duration.ofMillis(40));
        assertThat(summary.max()).isEqualTo(Duration.ofMillis(40));
        assertThat(recorder.allSeen(4)).isFalse();
        assertThat(recorder.allSeen(2)).isTrue();
    }

    @Test
    void aRecordOfAnotherLoadOrAnOldRecordIsIgnored() {
        LatencyRecorder recorder = new LatencyRecorder(1, 2);
        recorder.sent(0, 0);
        recorder.sent(1, 0);
        recorder.seen(-1, 5 * MS);       // the warm-up event
        recorder.seen(7, 5 * MS);        // never sent by this load
        recorder.seen(1, 20 * MS);
        recorder.seen(0, 90 * MS);       // already seen with event 1: unchanged

        LatencyRecorder.Summary summary = recorder.summary(2);

        assertThat(summary.unseen()).isZero();
        assertThat(summary.max()).isEqualTo(Duration.ofMillis(20));
    }
}
