package org.seatreconciler.batch.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.order.BillingOrder.AlreadyBilled;
import org.seatreconciler.batch.order.BillingOrder.Bill;
import org.seatreconciler.batch.order.BillingOrder.Refused;

class BillingOrderTest {

    private static final int LIMIT = 35;

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aNewLedgerBillsTheDateAskedAlone() {
        assertThat(BillingOrder.decide(null, d("2026-10-15"), false, LIMIT)).isEqualTo(new Bill(List.of(d("2026-10-15"))));
    }

    @Test
    void theNextDateIsBilledAlone() {
        assertThat(BillingOrder.decide(d("2026-10-14"), d("2026-10-15"), false, LIMIT))
                .isEqualTo(new Bill(List.of(d("2026-10-15"))));
    }

    @Test
    void missedNightsAcrossAMonthBoundaryAreBilledInOrderSoTheFirstGetsItsRenewal() {
        assertThat(BillingOrder.decide(d("2026-09-30"), d("2026-10-03"), false, LIMIT))
                .isEqualTo(new Bill(List.of(d("2026-10-01"), d("2026-10-02"), d("2026-10-03"))));
    }

    @Test
    void missedNightsAcrossAYearBoundaryAndAShortFebruary() {
        assertThat(BillingOrder.decide(d("2026-12-30"), d("2027-01-02"), false, LIMIT))
                .isEqualTo(new Bill(List.of(d("2026-12-31"), d("2027-01-01"), d("2027-01-02"))));
        assertThat(BillingOrder.decide(d("2028-02-27"), d("2028-03-01"), false, LIMIT))
                .isEqualTo(new Bill(List.of(d("2028-02-28"), d("2028-02-29"), d("2028-03-01"))));
    }

    @Test
    void aCompletedDateIsANoOpWhereverItLies() {
        assertThat(BillingOrder.decide(d("2026-10-15"), d("2026-10-15"), true, LIMIT))
                .isEqualTo(new AlreadyBilled(d("2026-10-15")));
        assertThat(BillingOrder.decide(d("2026-10-15"), d("2026-09-02"), true, LIMIT))
                .isEqualTo(new AlreadyBilled(d("2026-09-02")));
    }

    @Test
    void anUncompletedDateBeforeTheLatestBilledOneIsRefusedInOneLine() {
        assertThat(BillingOrder.decide(d("2026-10-02"), d("2026-10-01"), false, LIMIT)).isEqualTo(new Refused(
                "Cannot bill 2026-10-01: it was never billed and 2026-10-02 is already billed; dates are billed in "
                        + "order with no gap, so a date before the latest billed one cannot be billed any more "
                        + "(it would change the seats already invoiced after it)"));
        assertThat(BillingOrder.decide(d("2027-01-01"), d("2026-12-31"), false, LIMIT)).isInstanceOf(Refused.class);
    }

    @Test
    void exactlyTheLimitIsBilledOneMoreIsRefusedNamingTheGapAndTheSetting() {
        // 35 dates: 2026-10-01 .. 2026-11-04
        assertThat(BillingOrder.decide(d("2026-09-30"), d("2026-11-04"), false, LIMIT))
                .isInstanceOfSatisfying(Bill.class, bill -> {
                    assertThat(bill.dates()).hasSize(35).startsWith(d("2026-10-01")).endsWith(d("2026-11-04"));
                    assertThat(bill.dates()).contains(d("2026-11-01"));
                });
        assertThat(BillingOrder.decide(d("2026-09-30"), d("2026-11-05"), false, LIMIT)).isEqualTo(new Refused(
                "Cannot bill 2026-11-05: 2026-10-01 .. 2026-11-05 (36 dates) are not billed yet, more than "
                        + "seats.billing.max-catch-up-dates (35) allows in one run; bill up to 2026-11-04 first or "
                        + "raise the setting"));
    }

    @Test
    void aLimitOfOneBillsOnlyTheNextDate() {
        assertThat(BillingOrder.decide(d("2026-10-01"), d("2026-10-02"), false, 1))
                .isEqualTo(new Bill(List.of(d("2026-10-02"))));
        assertThat(BillingOrder.decide(d("2026-10-01"), d("2026-10-03"), false, 1)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> BillingOrder.decide(null, d("2026-10-03"), false, 0))
                .hasMessage("seats.billing.max-catch-up-dates must be at least 1, got 0");
    }
}
