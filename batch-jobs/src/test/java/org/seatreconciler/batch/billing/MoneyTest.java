package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsExactlyTheCurrencysMinorDigits() {
        assertThat(Money.of("50", "USD").toPlainString()).isEqualTo("50.00");
        assertThat(Money.of("12.5", "EUR").toPlainString()).isEqualTo("12.50");
        assertThat(Money.of("1000", "JPY").toPlainString()).isEqualTo("1000");
        assertThat(Money.of("1.234", "BHD").toPlainString()).isEqualTo("1.234");
    }

    @Test
    void roundsHalfUpOnceAtTheEnd() {
        // 1 x 50.01 x 15/30 = 25.005 exactly: HALF_UP gives 25.01 (HALF_EVEN would give 25.00)
        assertThat(Money.of("50.01", "USD").prorate(1, 15, 30)).isEqualTo(Money.of("25.01", "USD"));
        // 1 x 40.10 x 7/28 = 10.025 exactly -> 10.03
        assertThat(Money.of("40.10", "USD").prorate(1, 7, 28)).isEqualTo(Money.of("10.03", "USD"));
        // 13 x 50.00 x 1/30 = 21.666... -> 21.67 (no intermediate rounding of 50/30)
        assertThat(Money.of("50.00", "USD").prorate(13, 1, 30)).isEqualTo(Money.of("21.67", "USD"));
        assertThat(Money.of("50.005", "USD")).isEqualTo(Money.of("50.01", "USD"));
    }

    @Test
    void multipliesExactly() {
        assertThat(Money.of("50.00", "USD").times(13)).isEqualTo(Money.of("650.00", "USD"));
        assertThat(Money.of("999", "JPY").prorate(1, 1, 2)).isEqualTo(Money.of("500", "JPY"));
    }

    @Test
    void addsOnlyTheSameCurrency() {
        assertThat(Money.of("1.10", "USD").plus(Money.of("2.25", "USD"))).isEqualTo(Money.of("3.35", "USD"));
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnAmountWithTheWrongScale() {
        assertThatThrownBy(() -> new Money(new BigDecimal("1.5"), Currency.getInstance("USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
