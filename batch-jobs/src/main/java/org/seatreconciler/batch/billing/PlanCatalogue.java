package org.seatreconciler.batch.billing;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured plans, by code, and the plan of organisations that have no assignment. */
public final class PlanCatalogue {

    private final Map<String, Plan> plans;
    private final Plan defaultPlan;

    public PlanCatalogue(Collection<Plan> plans, String defaultPlanCode) {
        Map<String, Plan> byCode = new TreeMap<>();
        for (Plan plan : plans) {
            if (byCode.put(plan.code(), plan) != null) {
                throw new IllegalArgumentException("Plan " + plan.code() + " is configured twice");
            }
        }
        this.plans = Collections.unmodifiableMap(byCode);
        this.defaultPlan = byCode.get(defaultPlanCode);
        if (defaultPlan == null) {
            throw new IllegalArgumentException("The default plan " + defaultPlanCode
                    + " is not in the plan catalogue " + byCode.keySet());
        }
    }

    /** The plan with this code (exact, case-sensitive), if configured. */
    public Optional<Plan> find(String code) {
        return Optional.ofNullable(code == null ? null : plans.get(code));
    }

    public Plan defaultPlan() {
        return defaultPlan;
    }

    /** All plans, sorted by code. */
    public Collection<Plan> plans() {
        return plans.values();
    }
}
