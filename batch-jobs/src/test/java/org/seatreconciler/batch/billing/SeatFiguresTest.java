package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeatFiguresTest {

    @Test
    void figuresComputedByTheRulesPass() {
        assertThat(new SeatFigures(11, 16, 3, 1, 13, 14, 27, 13, 28).problem()).isEmpty();
        assertThat(new SeatFigures(0, 0, 0, 0, 0, 0, 0, 0, 0).problem()).isEmpty();
    }

    @Test
    void bLiesBetweenStandardAndT() {
        // B = standard: no support member is an admin or owner
        assertThat(new SeatFigures(11, 16, 0, 0, 11, 16, 27, 11, 27).problem()).isEmpty();
        // B = standard - 1: a standard member left out of B
        assertThat(new SeatFigures(11, 16, 0, 0, 10, 17, 27, 10, 27).problem())
                .contains("seat figures fail validation: B (10) is below standard (11)");
        // B = T: every support member is an admin
        assertThat(new SeatFigures(11, 16, 16, 0, 27, 0, 27, 27, 27).problem()).isEmpty();
        // B = T + 1: caught by B + P = T (P cannot be below 0)
        assertThat(new SeatFigures(11, 16, 16, 0, 28, 0, 27, 28, 28).problem())
                .contains("seat figures fail validation: B + P (28 + 0) is not T (27)");
    }

    @Test
    void eachContradictionIsNamed() {
        assertThat(new SeatFigures(-1, 0, 0, 0, 0, 0, -1, 0, 0).problem())
                .contains("seat figures fail validation: a count is negative");
        assertThat(new SeatFigures(11, 16, 3, 1, 13, 14, 28, 13, 28).problem())
                .contains("seat figures fail validation: B + P (13 + 14) is not T (28)");
        assertThat(new SeatFigures(11, 17, 3, 1, 13, 14, 27, 13, 28).problem())
                .contains("seat figures fail validation: standard + support (11 + 17) is not T (27)");
        assertThat(new SeatFigures(11, 16, 14, 1, 13, 14, 27, 14, 28).problem())
                .contains("seat figures fail validation: admins (14) or owners (1) exceed B (13)");
        assertThat(new SeatFigures(11, 16, 3, 1, 13, 14, 27, 12, 28).problem())
                .contains("seat figures fail validation: a peak (B 12, T 28) is below the close (B 13, T 27)");
        assertThat(new SeatFigures(11, 16, 3, 1, 13, 14, 27, 30, 29).problem())
                .contains("seat figures fail validation: peak B (30) exceeds peak T (29)");
    }
}
