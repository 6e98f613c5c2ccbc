package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BillingCalculatorTest {

    private static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);
    private static final PlanCatalogue CATALOGUE = new PlanCatalogue(List.of(
            new Plan("GROUP", 1, Money.of("50.00", "USD")),
            new Plan("ENTERPRISE", 1, Money.of("40.00", "USD")),
            new Plan("STARTER", 0, Money.of("30.00", "USD"))), "GROUP");
    // clinic-a on 2 October: close B 13 T 27, peaks B 13 T 28
    private static final SeatFigures CLINIC_A = new SeatFigures(11, 16, 3, 1, 13, 14, 27, 13, 28);

    @Test
    void billsTheCloseCountsOnTheDefaultPlan() {
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.END_OF_DAY)
                .bill(new BillingInput(OCT_2, "clinic-a", CLINIC_A, null, 13));

        assertThat(billing.plan()).isEqualTo("GROUP");
        assertThat(billing.notBilledReason()).isNull();
        assertThat(billing.line()).contains(new InvoiceLine(OCT_2, "clinic-a", "GROUP", LineType.TRUE_UP,
                SeatBasis.END_OF_DAY, 13, 14, 27, 14, 14, 13, 1, Money.of("50.00", "USD"), 31, 30,
                Money.of("48.39", "USD")));
    }

    @Test
    void dailyPeakBillsThePeaks() {
        // peak B 13, peak T 30 -> S = 15; 2 above the 13 bought: 2 x 50 x 30/31 = 96.774... -> 96.77
        SeatFigures figures = new SeatFigures(11, 16, 3, 1, 13, 14, 27, 13, 30);
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.DAILY_PEAK)
                .bill(new BillingInput(OCT_2, "clinic-a", figures, "GROUP", 13));

        assertThat(billing.line()).contains(new InvoiceLine(OCT_2, "clinic-a", "GROUP", LineType.TRUE_UP,
                SeatBasis.DAILY_PEAK, 13, 17, 30, 15, 15, 13, 2, Money.of("50.00", "USD"), 31, 30,
                Money.of("96.77", "USD")));
    }

    @Test
    void aPlanMissingFromTheCatalogueBillsNothingAndSaysWhy() {
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.END_OF_DAY)
                .bill(new BillingInput(OCT_2, "clinic-z", CLINIC_A, "PLATINUM", 0));

        assertThat(billing.line()).isEmpty();
        assertThat(billing.plan()).isEqualTo("PLATINUM");
        assertThat(billing.notBilledReason()).isEqualTo("plan PLATINUM is not in the plan catalogue");
    }

    @Test
    void starterPlanBillsEveryMember() {
        SeatFigures soloC = new SeatFigures(1, 2, 1, 1, 1, 2, 3, 1, 3);
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.END_OF_DAY)
                .bill(new BillingInput(LocalDate.of(2026, 9, 30), "solo-c", soloC, "STARTER", 0));

        assertThat(billing.line()).hasValueSatisfying(line -> {
            assertThat(line.requiredSeats()).isEqualTo(3);
            assertThat(line.includedSupportSeats()).isZero();
            assertThat(line.amount()).isEqualTo(Money.of("3.00", "USD"));
        });
    }

    @Test
    void anOrgIdThatBreaksTheIdentifierRuleIsNotBilledAndHasNoSeatCountsRow() {
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.END_OF_DAY)
                .bill(new BillingInput(OCT_2, "=HYPERLINK(\"x\")", CLINIC_A, null, 0));

        assertThat(billing.line()).isEmpty();
        assertThat(billing.sound()).isFalse();
        assertThat(billing.notBilledReason()).isEqualTo("org id starts with '=' (U+003D), not a letter or a digit");
    }

    @Test
    void figuresThatContradictTheSeatRulesAreNotBilled() {
        SeatFigures broken = new SeatFigures(11, 16, 3, 1, 13, 15, 27, 13, 28);
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.END_OF_DAY)
                .bill(new BillingInput(OCT_2, "clinic-a", broken, null, 0));

        assertThat(billing.sound()).isFalse();
        assertThat(billing.notBilledReason()).isEqualTo("seat figures fail validation: B + P (13 + 15) is not T (27)");
    }

    @Test
    void aPlanCodeLongerThanAnIdentifierIsNotBilledWithoutASnapshot() {
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.END_OF_DAY)
                .bill(new BillingInput(OCT_2, "clinic-a", CLINIC_A, "P".repeat(200), 0));

        assertThat(billing.sound()).isFalse();
        assertThat(billing.notBilledReason()).isEqualTo("plan code is 200 characters long, more than 128");
    }

    @Test
    void anUnknownButWellFormedPlanKeepsItsSeatCountsRow() {
        OrgBilling billing = new BillingCalculator(CATALOGUE, SeatBasis.END_OF_DAY)
                .bill(new BillingInput(OCT_2, "clinic-a", CLINIC_A, "GOLD", 0));

        assertThat(billing.sound()).isTrue();
        assertThat(billing.isBilled()).isFalse();
    }
}
