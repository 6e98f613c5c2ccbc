package org.seatreconciler.batch.billing;

import java.util.Optional;

import org.seatreconciler.schemas.events.Identifiers;

/**
 * Bills one organisation for one date: checks what it is billed from, then the plan, the required seats
 * and the ledger decision. An organisation that cannot be billed comes back with the reason, never as an
 * exception: one organisation never stops the night (DESIGN.md section 6).
 */
public final class BillingCalculator {

    private final PlanCatalogue catalogue;
    private final SeatBasis seatBasis;

    public BillingCalculator(PlanCatalogue catalogue, SeatBasis seatBasis) {
        this.catalogue = catalogue;
        this.seatBasis = seatBasis;
    }

    public OrgBilling bill(BillingInput input) {
        String planCode = planCode(input);
        Optional<String> unsound = Optional.ofNullable(input.undecodable())
                .or(() -> Identifiers.problem("org id", input.orgId()))
                .or(() -> input.figures().problem())
                .or(() -> Identifiers.problem("plan code", planCode));
        if (unsound.isPresent()) {
            return OrgBilling.notBilled(input, planCode, unsound.get(), false);
        }
        Optional<Plan> plan = catalogue.find(planCode);
        if (plan.isEmpty()) {
            return OrgBilling.notBilled(input, planCode, "plan " + planCode + " is not in the plan catalogue", true);
        }
        SeatFigures figures = input.figures();
        RequiredSeats required = RequiredSeats.of(figures.billableStandard(seatBasis), figures.totalMembers(seatBasis),
                plan.get().supportRatio());
        return OrgBilling.billed(input, planCode, SeatRequirement.of(seatBasis, plan.get(), required),
                line(input, plan.get(), required));
    }

    /** Why {@code input} cannot be billed, if it cannot; the same verdict as {@link #bill}. */
    public Optional<String> notBillableReason(BillingInput input) {
        return Optional.ofNullable(bill(input).notBilledReason());
    }

    private String planCode(BillingInput input) {
        return input.assignedPlan() == null ? catalogue.defaultPlan().code() : input.assignedPlan();
    }

    private Optional<InvoiceLine> line(BillingInput input, Plan plan, RequiredSeats required) {
        return LedgerDecision.decide(input.billingDate(), required.seats(), input.purchasedBefore(), plan.unitPrice())
                .map(charge -> new InvoiceLine(input.billingDate(), input.orgId(), plan.code(), charge.lineType(),
                        seatBasis, required.billableStandard(), required.supportOnly(), required.totalMembers(),
                        required.seats(), required.includedSupportSeats(), input.purchasedBefore(), charge.seats(),
                        plan.unitPrice(), charge.periodDays(), charge.billedDays(), charge.amount()));
    }
}
