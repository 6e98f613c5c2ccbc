package org.seatreconciler.batch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.billing.SeatRequirement;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.SeatSnapshot;

class ReconciliationTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);
    private static final Money YEN_5000 = Money.of("5000", "JPY");
    private static final Money USD_50 = Money.of("50.00", "USD");

    @Test
    void anOrganisationThatShrankHoldsUnusedSeatsAndItsRenewalShrinksRevenueInItsOwnCurrency() {
        // ryokan (JPY, 0 minor digits): renewed 40 on 1 Nov, 2 more bought on 5 Nov, needs 12 on 10 Nov
        //   purchased 42, unused 42 - 12 = 30, next renewal 12, change 12 - 40 = -28 -> -28 x 5000 = -140000 JPY
        // clinic (USD): renewed 10, true-up of 3 today (13 needed): purchased 10 + 3 = 13, change 3 -> 150.00 USD
        // gold-org: plan GOLD not in the catalogue: figures and purchases only
        BilledDate billed = new BilledDate(NOV_10,
                List.of(new InvoiceLine(NOV_10, "clinic", "GROUP", LineType.TRUE_UP, SeatBasis.END_OF_DAY, 13, 5, 18,
                        13, 13, 10, 3, USD_50, 30, 21, Money.of("105.00", "USD"))),
                List.of(snapshot("clinic", new SeatFigures(13, 5, 1, 1, 13, 5, 18, 13, 18), 13, USD_50),
                        new SeatSnapshot(NOV_10, "gold-org", new SeatFigures(2, 0, 1, 1, 2, 0, 2, 2, 2), "GOLD",
                                "plan GOLD is not in the plan catalogue", null),
                        snapshot("ryokan", new SeatFigures(12, 0, 1, 1, 12, 0, 12, 12, 12), 12, YEN_5000)),
                List.of());
        PriorBilling prior = new PriorBilling(Map.of("ryokan", 42, "clinic", 10, "gold-org", 4),
                Map.of("ryokan", 40, "clinic", 10), Map.of(), NOV_10.minusDays(1), Map.of());

        List<ReconciliationRow> rows = Reconciliation.rows(billed, prior);

        assertThat(rows).containsExactly(
                new ReconciliationRow(NOV_10, "clinic", "GROUP", 13, 5, 18, 13, 13, 0, 13, 3, Money.of("150.00", "USD")),
                new ReconciliationRow(NOV_10, "gold-org", "GOLD", 2, 0, 2, null, 4, null, null, null, null),
                new ReconciliationRow(NOV_10, "ryokan", "YEN", 12, 0, 12, 12, 42, 30, 12, -28, Money.of("-140000", "JPY")));
        assertThat(rows.get(2).renewalChangeAmount().toPlainString()).isEqualTo("-140000");
        assertThat(Reconciliation.renewalChangeTotals(rows))
                .containsExactly(Map.entry("JPY", new BigDecimal("-140000")), Map.entry("USD", new BigDecimal("150.00")));
    }

    @Test
    void onTheFirstTheRenewalIsTheDatesOwnLineAndANewOrganisationCountsInFull() {
        // renewed 13 today: change 0; a new organisation with no renewal line (S 0 on the 1st) changes nothing;
        // under DAILY_PEAK the figures shown are the peaks the seats were computed from
        SeatRequirement peak = new SeatRequirement(SeatBasis.DAILY_PEAK, 1, 14, USD_50);
        BilledDate billed = new BilledDate(NOV_1,
                List.of(new InvoiceLine(NOV_1, "clinic", "GROUP", LineType.RENEWAL, SeatBasis.DAILY_PEAK, 13, 15, 28,
                        14, 14, 0, 14, USD_50, 30, 30, Money.of("700.00", "USD"))),
                List.of(new SeatSnapshot(NOV_1, "clinic", new SeatFigures(11, 16, 3, 1, 13, 14, 27, 13, 28), "GROUP",
                        null, peak),
                        new SeatSnapshot(NOV_1, "empty", new SeatFigures(0, 0, 0, 0, 0, 0, 0, 0, 0), "GROUP", null,
                                new SeatRequirement(SeatBasis.DAILY_PEAK, 1, 0, USD_50))),
                List.of());
        PriorBilling prior = new PriorBilling(Map.of(), Map.of("clinic", 99), Map.of(), null, Map.of());

        assertThat(Reconciliation.rows(billed, prior)).containsExactly(
                new ReconciliationRow(NOV_1, "clinic", "GROUP", 13, 15, 28, 14, 14, 0, 14, 0, Money.of("0.00", "USD")),
                new ReconciliationRow(NOV_1, "empty", "GROUP", 0, 0, 0, 0, 0, 0, 0, 0, Money.of("0.00", "USD")));
    }

    private static SeatSnapshot snapshot(String org, SeatFigures figures, int required, Money price) {
        return new SeatSnapshot(NOV_10, org, figures, price.currency().getCurrencyCode().equals("JPY") ? "YEN" : "GROUP",
                null, new SeatRequirement(SeatBasis.END_OF_DAY, 1, required, price));
    }
}
