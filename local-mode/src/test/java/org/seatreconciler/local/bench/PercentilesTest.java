package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredSamples() {
        // 1..100 shuffled: the p-th percentile is p itself
        long[] samples = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();
        Percentiles p = new Percentiles(samples);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void fewSamplesRoundUpToTheNextRank() {
        Percentiles p = new Percentiles(new long[] {700, 100, 300});

        assertThat(p.at(50)).isEqualTo(300);   // rank ceil(1.5) = 2
        assertThat(p.at(99)).isEqualTo(700);   // rank ceil(2.97) = 3
        assertThat(p.at(1)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(700);
    }

    @Test
    void noSamplesGiveZero() {
        Percentiles p = new Percentiles(new long[0]);

        assertThat(p.at(50)).isZero();
        assertThat(p.max()).isZero();
    }

    @Test
    void aPercentileOutsideTheRangeIsRefused() {
        Percentiles p = new Percentiles(new long[] {1});

        assertThatThrownBy(() -> p.at(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a percentile lies in (0, 100], got 0.0");
        assertThatThrownBy(() -> p.at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
