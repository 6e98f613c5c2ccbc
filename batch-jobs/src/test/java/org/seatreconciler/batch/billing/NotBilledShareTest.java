package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NotBilledShareTest {

    private final NotBilledShare onePercent = new NotBilledShare(new BigDecimal("0.01"));

    private static List<String> failing(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "org-" + i + ": plan GOLD is not in the plan catalogue")
                .toList();
    }

    @Test
    void upToTheShareTheNightGoesOn() {
        assertThat(onePercent.exceeded(1000, List.of())).isEmpty();
        assertThat(onePercent.exceeded(1000, failing(1))).isEmpty();
        assertThat(onePercent.exceeded(1000, failing(10))).isEmpty(); // exactly 1%: not above it
        assertThat(onePercent.exceeded(0, Collections.emptyList())).isEmpty();
    }

    @Test
    void aboveTheShareTheNightFailsNamingTheFirstThreeReasons() {
        assertThat(onePercent.exceeded(1000, failing(11))).contains("11 of 1000 organisations cannot be billed, more "
                + "than seats.billing.max-not-billed-share (1%); first reasons: org-1: plan GOLD is not in the plan "
                + "catalogue; org-2: plan GOLD is not in the plan catalogue; org-3: plan GOLD is not in the plan catalogue");
        assertThat(onePercent.exceeded(1000, failing(20))).isPresent();
        // a night of a few organisations: one failing of 50 is 2%
        assertThat(onePercent.exceeded(50, failing(1))).isPresent();
        assertThat(new NotBilledShare(new BigDecimal("0.025")).exceeded(200, failing(6))).hasValueSatisfying(
                message -> assertThat(message).contains("(2.5%)"));
    }

    @Test
    void theShareIsAFraction() {
        assertThat(new NotBilledShare(BigDecimal.ONE).exceeded(3, failing(3))).isEmpty();
        assertThat(new NotBilledShare(BigDecimal.ZERO).exceeded(1000, failing(1))).isPresent();
        assertThatThrownBy(() -> new NotBilledShare(new BigDecimal("5")))
                .hasMessage("seats.billing.max-not-billed-share must be between 0 and 1 (0.01 is 1%), got 5");
    }
}
