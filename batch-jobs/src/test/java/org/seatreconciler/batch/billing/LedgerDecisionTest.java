package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerDecisionTest {

    @ParameterizedTest(name = "{0}: S={1} before={2} x {3} -> {4} {5} seats {6}/{7} days = {8}")
    @CsvSource({
            // the worked example
            "2026-09-30, 13, 0, 50.00, TRUE_UP, 13, 30, 1, 21.67",
            "2026-09-30, 4, 0, 40.00, TRUE_UP, 4, 30, 1, 5.33",
            "2026-09-30, 3, 0, 30.00, TRUE_UP, 3, 30, 1, 3.00",
            "2026-10-01, 13, 0, 50.00, RENEWAL, 13, 31, 31, 650.00",
            "2026-10-01, 4, 0, 40.00, RENEWAL, 4, 31, 31, 160.00",
            "2026-10-01, 3, 0, 30.00, RENEWAL, 3, 31, 31, 90.00",
            "2026-10-02, 14, 13, 50.00, TRUE_UP, 1, 31, 30, 48.39",
            // February, common and leap year, first and last day
            "2026-02-01, 2, 0, 50.00, RENEWAL, 2, 28, 28, 100.00",
            "2026-02-28, 2, 1, 50.00, TRUE_UP, 1, 28, 1, 1.79",
            "2028-02-29, 2, 1, 50.00, TRUE_UP, 1, 29, 1, 1.72",
            "2028-02-01, 1, 0, 50.00, RENEWAL, 1, 29, 29, 50.00",
            // the half cent rounds up: 1 x 50.01 x 15/30 = 25.005
            "2026-09-16, 1, 0, 50.01, TRUE_UP, 1, 30, 15, 25.01",
            // 1 x 40.10 x 7/28 = 10.025
            "2026-02-22, 1, 0, 40.10, TRUE_UP, 1, 28, 7, 10.03",
            // a renewal bills all seats even if more were bought last month
            "2026-11-01, 5, 0, 30.00, RENEWAL, 5, 30, 30, 150.00",
    })
    void bills(LocalDate date, int seats, int before, String price, LineType type, int invoiced, int periodDays,
            int billedDays, String amount) {
        Optional<Charge> charge = LedgerDecision.decide(date, seats, before, Money.of(price, "USD"));

        assertThat(charge).contains(new Charge(type, invoiced, periodDays, billedDays, Money.of(amount, "USD")));
    }

    @ParameterizedTest(name = "{0}: S={1} before={2} -> nothing")
    @CsvSource({
            "2026-10-02, 13, 13", // no rise
            "2026-10-15, 10, 13", // fewer seats: no refund within a month
            "2026-10-01, 0, 0",   // first of the month with nothing to bill
            "2026-10-20, 0, 0",
    })
    void billsNothingWhenSeatsDoNotRise(LocalDate date, int seats, int before) {
        assertThat(LedgerDecision.decide(date, seats, before, Money.of("50.00", "USD"))).isEmpty();
    }

    @Test
    void invoiceIdIsDateOrgAndLineTypeInitial() {
        assertThat(InvoiceLine.invoiceId(LocalDate.of(2026, 10, 2), "clinic-a", LineType.TRUE_UP))
                .isEqualTo("20261002-clinic-a-T");
        assertThat(InvoiceLine.invoiceId(LocalDate.of(2026, 10, 1), "solo-c", LineType.RENEWAL))
                .isEqualTo("20261001-solo-c-R");
    }
}
