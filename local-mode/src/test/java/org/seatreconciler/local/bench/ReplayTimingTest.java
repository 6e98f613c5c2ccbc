package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReplayTimingTest {

    private static final long S = 1_000_000_000L;

    @Test
    void separatesTheStartFromTheSteadyRate() {
        // CPU: 50 s used before the start; 6 s during the start, 8 s for the last 80,000 records
        ReplayTiming timing = new ReplayTiming(100_000, 10 * S, 50 * S);
        timing.observe(11 * S, 51 * S, -1, 0);           // started, nothing committed yet
        timing.observe(14 * S, 56 * S, -1, 20_000);      // first commit, 4 s after start
        timing.observe(16 * S, 60 * S, -1, 60_000);
        assertThat(timing.done()).isFalse();
        timing.observe(18 * S, 64 * S, -1, 100_000);     // every record committed, 8 s after start
        timing.observe(19 * S, 65 * S, -1, 100_000);     // later polls change nothing

        ReplayTiming.Replay replay = timing.result();

        assertThat(replay.records()).isEqualTo(100_000);
        assertThat(replay.total()).isEqualTo(Duration.ofSeconds(8));
        assertThat(replay.untilFirstCommit()).isEqualTo(Duration.ofSeconds(4));
        assertThat(replay.rate()).isCloseTo(12_500.0, within(1e-9));          // 100,000 in 8 s
        assertThat(replay.steadyRate()).isCloseTo(20_000.0, within(1e-9));    // 80,000 in the last 4 s
        assertThat(replay.cpuMicros()).isCloseTo(140.0, within(1e-9));        // 14 s for 100,000
        assertThat(replay.steadyCpuMicros()).isCloseTo(100.0, within(1e-9));  // 8 s for 80,000
    }

    @Test
    void theStreamThreadsTimeOnACoreIsTakenAfterTheFirstCommit() {
        ReplayTiming timing = new ReplayTiming(100_000, 0, 0);
        timing.observe(S, S, S / 2, 0);
        timing.observe(3 * S, 4 * S, 2 * S, 20_000);        // first commit: the threads had used 2 s
        timing.observe(7 * S, 9 * S, 5 * S + S / 2, 100_000); // 3.5 s more in the 4 s since

        assertThat(timing.result().streamThreadsOnCore()).isCloseTo(0.875, within(1e-9));
    }

    @Test
    void streamThreadsNotMeasuredOrWithoutASteadyPartHaveNoFigure() {
        ReplayTiming inAnotherJvm = new ReplayTiming(100_000, 0, 0);
        inAnotherJvm.observe(3 * S, 4 * S, -1, 20_000);
        inAnotherJvm.observe(7 * S, 9 * S, -1, 100_000);
        ReplayTiming inOneCommit = new ReplayTiming(5_000, 0, 0);
        inOneCommit.observe(2 * S, S, S, 5_000);

        assertThat(inAnotherJvm.result().streamThreadsOnCore()).isNaN();
        assertThat(inOneCommit.result().streamThreadsOnCore()).isNaN();
    }

    @Test
    void aReplayDoneInItsFirstCommitHasOneRate() {
        ReplayTiming timing = new ReplayTiming(5_000, 0, 0);
        timing.observe(2 * S, S, -1, 5_000);

        ReplayTiming.Replay replay = timing.result();

        assertThat(replay.total()).isEqualTo(Duration.ofSeconds(2));
        assertThat(replay.untilFirstCommit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(replay.rate()).isEqualTo(2_500.0);
        assertThat(replay.steadyRate()).isEqualTo(2_500.0);
        assertThat(replay.cpuMicros()).isEqualTo(200.0);
        assertThat(replay.steadyCpuMicros()).isEqualTo(200.0);
    }

    @Test
    void lessThanASecondAfterTheFirstCommitGivesNoSteadyRate() {
        ReplayTiming timing = new ReplayTiming(10_000, 0, 0);
        timing.observe(S, S, -1, 6_000);
        timing.observe(S + 900_000_000L, 2 * S, -1, 10_000);

        ReplayTiming.Replay replay = timing.result();

        assertThat(replay.rate()).isCloseTo(10_000 / 1.9, within(1e-9));
        assertThat(replay.steadyRate()).isNaN();
        assertThat(replay.cpuMicros()).isEqualTo(200.0);
        assertThat(replay.steadyCpuMicros()).isNaN();
    }

    @Test
    void noResultBeforeTheEnd() {
        ReplayTiming timing = new ReplayTiming(10, 0, 0);
        timing.observe(S, S, -1, 9);

        assertThatThrownBy(timing::result).isInstanceOf(IllegalStateException.class)
                .hasMessage("the replay has not reached the end of its input");
    }

    @Test
    void ratesAndRatios() {
        assertThat(Rates.perSecond(30_000, Duration.ofMillis(1_500))).isEqualTo(20_000.0);
        assertThat(Rates.perSecond(5, Duration.ZERO)).isEqualTo(5_000.0);   // under a millisecond counts as one
        assertThat(Rates.ratio(15_000, 60_000)).isEqualTo(0.25);
        assertThat(Rates.ratio(15_000, 0)).isNaN();
        assertThat(Rates.ratio(Double.NaN, 10)).isNaN();
    }
}
