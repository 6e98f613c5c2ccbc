package org.seatreconciler.schemas;

import java.time.LocalDate;

/**
 * The default topic names of DESIGN.md sections 3-6 and the key of {@code seats.org-daily}. Apps take
 * the actual names from configuration; these are the defaults and what tests use.
 */
public final class Topics {

    /** Key orgId, value MembershipEvent. */
    public static final String MEMBERSHIP_EVENTS = "hr.membership-events";
    /** Key: the source record's key; value RejectedEvent. */
    public static final String REJECTED = "hr.membership-events.rejected";
    /** Compacted; key orgId, value OrgSeatCounts. */
    public static final String ORG_COUNTS = "seats.org-counts";
    /** {@code compact,delete} (recent days, DESIGN.md section 5); key {@link #dailyKey}, value OrgSeatDay. */
    public static final String ORG_DAILY = "seats.org-daily";
    /** Compacted; key orgId, value OrgPlan. */
    public static final String ORG_PLANS = "billing.org-plans";

    private Topics() {
    }

    /** The key of an organisation's day on {@link #ORG_DAILY}: {@code orgId|YYYY-MM-DD}. */
    public static String dailyKey(String orgId, LocalDate day) {
        return orgId + '|' + day;
    }
}
