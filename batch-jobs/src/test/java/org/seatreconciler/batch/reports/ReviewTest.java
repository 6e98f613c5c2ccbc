package org.seatreconciler.batch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.billing.SeatRequirement;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * review.csv's checks on both sides of each edge, M = 20 and R = 50%: a change is large when |after - before|
 * > 20 and > 50% of before, both strictly. Each edge is met alone: with before 10, 50% is 5, so the change of
 * 20 vs 21 tests M; with before 60, the change of 30 vs 31 is above M either way and tests R.
 */
class ReviewTest {

    private static final ReviewThresholds M20_R50 = new ReviewThresholds(20, new BigDecimal("0.5"));
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);
    private static final LocalDate NOV_9 = LocalDate.of(2026, 11, 9);
    private static final Money PRICE = Money.of("50.00", "USD");

    @ParameterizedTest(name = "TRUE_UP {0} -> {1}: listed {2}")
    @CsvSource({
            "10, 30, false", // change 20, not more than M
            "10, 31, true",  // change 21 > 20, 21 > 5
            "60, 90, false", // change 30 > 20, but not more than 50% of 60
            "60, 91, true",  // 31 > 20, 31 > 30
            "0, 20, false",  // a new organisation: 20 is not more than 20
            "0, 21, true" })
    void aTrueUpIsASeatIncreaseFromThePurchasedBeforeToTheRequiredSeats(int before, int after, boolean listed) {
        BilledDate billed = date(NOV_10, List.of(line(NOV_10, "org-a", LineType.TRUE_UP, before, after)),
                List.of(snapshot(NOV_10, "org-a", after)));

        List<ReviewRow> rows = Review.rows(billed, prior(Map.of(), Map.of()), M20_R50);

        assertThat(rows).hasSize(listed ? 1 : 0);
        if (listed) {
            assertThat(rows.get(0)).isEqualTo(new ReviewRow(NOV_10, "org-a", ReviewCheck.SEAT_INCREASE, before, after,
                    "TRUE_UP of " + (after - before) + " seats: " + after + " required against " + before
                            + " bought before in the month; a change of " + (after - before) + " is more than 20 "
                            + "seats and more than 50% of " + before));
        }
    }

    @ParameterizedTest(name = "RENEWAL {0} -> {1}: listed {2}")
    @CsvSource({ "10, 30, false", "10, 31, true", "60, 90, false", "60, 91, true", "0, 20, false", "0, 21, true",
            "91, 60, false" }) // a renewal below last month's seats is no increase (SEAT_DECREASE's business)
    void aRenewalIsASeatIncreaseFromTheSeatsBoughtInThePreviousMonth(int before, int after, boolean listed) {
        BilledDate billed = date(NOV_1, List.of(line(NOV_1, "org-a", LineType.RENEWAL, 0, after)),
                List.of(snapshot(NOV_1, "org-a", after)));
        Map<String, Integer> october = before == 0 ? Map.of() : Map.of("org-a", before); // 0: the ledger has none

        List<ReviewRow> rows = Review.rows(billed, prior(october, Map.of()), M20_R50);

        assertThat(rows).extracting(ReviewRow::check).containsExactlyElementsOf(
                listed ? List.of(ReviewCheck.SEAT_INCREASE) : List.of());
        if (listed) {
            assertThat(rows.get(0).detail()).isEqualTo("RENEWAL of " + after + " seats against " + before
                    + " bought in 2026-10; a change of " + (after - before) + " is more than 20 seats and more than "
                    + "50% of " + before);
            assertThat(List.of(rows.get(0).seatsBefore(), rows.get(0).seatsAfter())).containsExactly(before, after);
        }
    }

    @ParameterizedTest(name = "required {0} -> {1}: listed {2}")
    @CsvSource({
            "30, 10, false",  // change 20, not more than M
            "30, 9, true",    // 21 > 20, 21 > 15
            "100, 50, false", // 50 > 20, but not more than 50% of 100
            "100, 49, true",  // 51 > 50
            "49, 100, false" }) // a rise is no decrease
    void aFallOfTheRequiredSeatsSinceThePreviousBilledDateIsASeatDecrease(int before, int after, boolean listed) {
        BilledDate billed = date(NOV_10, List.of(), List.of(snapshot(NOV_10, "org-a", after)));

        List<ReviewRow> rows = Review.rows(billed, prior(Map.of(), Map.of("org-a", before)), M20_R50);

        assertThat(rows).hasSize(listed ? 1 : 0);
        if (listed) {
            assertThat(rows.get(0)).isEqualTo(new ReviewRow(NOV_10, "org-a", ReviewCheck.SEAT_DECREASE, before, after,
                    before + " seats required on 2026-11-09, " + after + " now; a change of " + (before - after)
                            + " is more than 20 seats and more than 50% of " + before + "; seats bought are not "
                            + "refunded within the month"));
        }
    }

    @Test
    void rowsAreSortedByOrgThenCheckAndTheThresholdsAreSettings() {
        // org-b: renewal of 60 against 10 bought in October, and 130 required the day before: both checks
        BilledDate billed = date(NOV_1, List.of(line(NOV_1, "org-b", LineType.RENEWAL, 0, 60),
                line(NOV_1, "org-a", LineType.RENEWAL, 0, 30)),
                List.of(snapshot(NOV_1, "org-a", 30), snapshot(NOV_1, "org-b", 60)));
        PriorBilling prior = prior(Map.of("org-b", 10, "org-a", 5), Map.of("org-b", 130));

        assertThat(Review.rows(billed, prior, M20_R50)).extracting(r -> r.orgId() + " " + r.check())
                .containsExactly("org-a SEAT_INCREASE", "org-b SEAT_DECREASE", "org-b SEAT_INCREASE");
        // M 40: org-a's 25 is not enough
        assertThat(Review.rows(billed, prior, new ReviewThresholds(40, new BigDecimal("0.5"))))
                .extracting(r -> r.orgId() + " " + r.check()).containsExactly("org-b SEAT_DECREASE", "org-b SEAT_INCREASE");
        // R 450%: org-a's 25 > 22.5 and org-b's 50 > 45 still are, the decrease of 70 from 130 is not
        assertThat(Review.rows(billed, prior, new ReviewThresholds(0, new BigDecimal("4.5"))))
                .extracting(r -> r.orgId() + " " + r.check()).containsExactly("org-a SEAT_INCREASE", "org-b SEAT_INCREASE");
    }

    private static PriorBilling prior(Map<String, Integer> previousMonth, Map<String, Integer> previousRequired) {
        return new PriorBilling(Map.of(), Map.of(), previousMonth, NOV_9, previousRequired);
    }

    static BilledDate date(LocalDate date, List<InvoiceLine> lines, List<SeatSnapshot> snapshots) {
        return new BilledDate(date, lines, snapshots, List.of());
    }

    static InvoiceLine line(LocalDate date, String org, LineType type, int purchasedBefore, int required) {
        int seats = type == LineType.RENEWAL ? required : required - purchasedBefore;
        return new InvoiceLine(date, org, "GROUP", type, SeatBasis.END_OF_DAY, required, 0, required, required,
                required, purchasedBefore, seats, PRICE, 30, 30, PRICE.times(seats));
    }

    static SeatSnapshot snapshot(LocalDate date, String org, int required) {
        return new SeatSnapshot(date, org, new SeatFigures(required, 0, 0, 0, required, 0, required, required,
                required), "GROUP", null, new SeatRequirement(SeatBasis.END_OF_DAY, 1, required, PRICE));
    }
}
