package org.seatreconciler.local.plans;

/** One row of the plans file: the organisation's plan code. */
public record PlanAssignment(String orgId, String plan) {
}
