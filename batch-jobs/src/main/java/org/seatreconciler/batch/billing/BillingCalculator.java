package org.seatreconciler.batch.billing;

import java.util.Optional;

/** Bills one organisation for one date: the plan, the required seats and the ledger decision. */
public final class BillingCalculator {

    private final PlanCatalogue catalogue;
    private final SeatBasis seatBasis;

    public BillingCalculator(PlanCatalogue catalogue, SeatBasis seatBasis) {
        this.catalogue = catalogue;
        this.seatBasis = seatBasis;
    }

    public OrgBilling bill(BillingInput input) {
        String planCode = input.assignedPlan() == null ? catalogue.defaultPlan().code() : input.assignedPlan();
        Optional<Plan> plan = catalogue.find(planCode);
        if (plan.isEmpty()) {
            return new OrgBilling(input.billingDate(), input.orgId(), input.figures(), planCode, Optional.empty(),
                    "plan " + planCode + " is not in the plan catalogue");
        }
        return new OrgBilling(input.billingDate(), input.orgId(), input.figures(), planCode,
                line(input, plan.get()), null);
    }

    private Optional<InvoiceLine> line(BillingInput input, Plan plan) {
        SeatFigures figures = input.figures();
        RequiredSeats required = RequiredSeats.of(figures.billableStandard(seatBasis), figures.totalMembers(seatBasis),
                plan.supportRatio());
        return LedgerDecision.decide(input.billingDate(), required.seats(), input.purchasedBefore(), plan.unitPrice())
                .map(charge -> new InvoiceLine(input.billingDate(), input.orgId(), plan.code(), charge.lineType(),
                        seatBasis, required.billableStandard(), required.supportOnly(), required.totalMembers(),
                        required.seats(), required.includedSupportSeats(), input.purchasedBefore(), charge.seats(),
                        plan.unitPrice(), charge.periodDays(), charge.billedDays(), charge.amount()));
    }
}
