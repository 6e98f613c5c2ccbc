package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequiredSeatsTest {

    @ParameterizedTest(name = "B={0} T={1} r={2} -> S={3}, included support {4}")
    @CsvSource({
            // DESIGN.md section 2 worked examples (r = 1)
            "10, 26, 1, 13, 13", // 10 standard + 16 support: the article's example
            "10, 15, 1, 10, 10", // 10 standard + 5 support: support fits in the bundle
            "12, 26, 1, 13, 13", // 10 standard + 16 support, 2 support admins
            "4, 4, 1, 4, 4",     // 3 standard + 1 support owner
            "0, 0, 1, 0, 0",     // no members
            // r = 0: every member needs a standard seat
            "1, 3, 0, 3, 0",
            "0, 5, 0, 5, 0",
            // odd totals round up
            "1, 27, 1, 14, 14",
            "13, 27, 1, 14, 14",
            "0, 1, 1, 1, 1",
            // r = 2
            "1, 7, 2, 3, 6",
    })
    void requiredSeats(int b, int t, int r, int seats, int includedSupport) {
        RequiredSeats required = RequiredSeats.of(b, t, r);

        assertThat(required.seats()).isEqualTo(seats);
        assertThat(required.includedSupportSeats()).isEqualTo(includedSupport);
        assertThat(required.supportOnly()).isEqualTo(t - b);
    }

    @Test
    void rejectsImpossibleFigures() {
        assertThatThrownBy(() -> RequiredSeats.of(5, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequiredSeats.of(1, 2, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
