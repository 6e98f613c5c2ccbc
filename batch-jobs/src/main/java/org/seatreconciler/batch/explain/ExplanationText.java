package org.seatreconciler.batch.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.billing.SeatRequirement;
import org.seatreconciler.batch.reports.ReconciliationRow;

/** An {@link Explanation} as plain text for people: one fact a line, the numbers written out. */
public final class ExplanationText {

    private static final int EXTRA_DIGITS = 4;

    private ExplanationText() {
    }

    public static String render(Explanation e) {
        List<String> lines = new ArrayList<>();
        lines.add(e.orgId() + " on " + e.billingDate() + ": " + (e.fromLedger() ? "billed (from the seat ledger)"
                : "not billed yet: a preview from the figures known now, nothing billed"));
        if (e.snapshot() == null) {
            lines.add("Not billed: " + e.notBilledReason());
            events(e, lines);
            return String.join("\n", lines) + "\n";
        }
        SeatFigures f = e.snapshot().figures();
        SeatRequirement need = e.snapshot().requirement();
        if (need == null) {
            lines.add("Plan " + e.snapshot().plan() + "; figures: " + counts(f) + ", B " + f.billableStandard() + ", P "
                    + f.supportOnly() + ", T " + f.totalMembers());
            lines.add("Not billed: " + e.notBilledReason());
        } else {
            lines.add("Plan " + e.snapshot().plan() + ": " + seats(need.supportRatio(), "support seat") + " included "
                    + "with each standard seat, " + need.unitPrice() + " a seat a month; seat basis " + need.seatBasis());
            lines.add(figures(f, need));
            lines.add(rule(need.billableStandard(f), need.totalMembers(f), need));
            lines.add(boughtBefore(e));
            lines.add(line(e, need));
            if (e.reconciliation() != null) {
                lines.add(month(e.reconciliation(), e));
            }
        }
        events(e, lines);
        return String.join("\n", lines) + "\n";
    }

    private static String counts(SeatFigures f) {
        return f.standard() + " standard, " + f.support() + " support, " + f.admins() + " admins, " + f.owners()
                + " owners";
    }

    private static String figures(SeatFigures f, SeatRequirement need) {
        int b = need.billableStandard(f);
        int t = need.totalMembers(f);
        String billed = "B " + b + " billable standard (STANDARD, admin or owner), P " + (t - b) + " support only, T "
                + t + " members";
        if (need.seatBasis() == SeatBasis.DAILY_PEAK) {
            return "Figures: at the close " + counts(f) + " (B " + f.billableStandard() + ", T " + f.totalMembers()
                    + "); the day's peaks, which are billed: " + billed;
        }
        return "Figures at the close of the day: " + counts(f) + "; " + billed;
    }

    private static String rule(int b, int t, SeatRequirement need) {
        int r = need.supportRatio();
        int covered = Math.floorDiv(t + r, 1 + r);
        return "Rule: S = max(B, ceil(T / (1 + r))) = max(" + b + ", ceil(" + t + " / " + (1 + r) + ")) = max(" + b
                + ", " + covered + ") = " + need.requiredSeats() + " seats, " + need.includedSupportSeats()
                + " support seats included";
    }

    private static String boughtBefore(Explanation e) {
        YearMonth month = YearMonth.from(e.billingDate());
        String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        if (e.boughtBefore().isEmpty()) {
            return "Bought before in " + name + ": 0 seats";
        }
        return "Bought before in " + name + ": " + seats(e.purchasedBefore(), "seat") + " (" + e.boughtBefore().stream()
                .map(l -> l.billingDate() + " " + l.lineType() + " " + l.seatsInvoiced())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String line(Explanation e, SeatRequirement need) {
        InvoiceLine l = e.line();
        if (l == null) {
            if (BillingPeriod.containing(e.billingDate()).startsOn(e.billingDate())) {
                return "No line: no seats required on the 1st, nothing to renew";
            }
            return "No line: the " + need.requiredSeats() + " seats required are not more than the "
                    + e.purchasedBefore() + " bought before in the month (seats are not refunded within a month)";
        }
        String invoice = " (invoice " + l.invoiceId() + ")";
        if (l.lineType() == LineType.RENEWAL) {
            return "Line: RENEWAL of " + seats(l.seatsInvoiced(), "seat") + " for the whole month (" + l.billingDate() + " .. "
                    + BillingPeriod.containing(l.billingDate()).end() + "): " + l.seatsInvoiced() + " x "
                    + l.unitPrice().toPlainString() + " = " + l.amount() + invoice;
        }
        return "Line: TRUE_UP of " + l.requiredSeats() + " - " + l.purchasedBefore() + " = "
                + seats(l.seatsInvoiced(), "seat") + ", prorated for " + l.billedDays() + " of " + l.periodDays() + " days (" + l.billingDate()
                + " .. " + BillingPeriod.containing(l.billingDate()).end() + "): " + l.seatsInvoiced() + " x "
                + l.unitPrice().toPlainString() + " x " + l.billedDays() + " / " + l.periodDays() + " = "
                + exact(l) + " -> " + l.amount() + " (rounded half up, once)" + invoice;
    }

    private static String seats(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The unrounded amount, with a few more digits than the currency's and "..." when it goes on. */
    private static String exact(InvoiceLine l) {
        BigDecimal product = l.unitPrice().amount().multiply(BigDecimal.valueOf((long) l.seatsInvoiced() * l.billedDays()));
        int digits = Money.minorDigits(l.unitPrice().currency()) + EXTRA_DIGITS;
        BigDecimal shown = product.divide(BigDecimal.valueOf(l.periodDays()), digits, RoundingMode.DOWN);
        boolean whole = shown.multiply(BigDecimal.valueOf(l.periodDays())).compareTo(product) == 0;
        return whole ? shown.stripTrailingZeros().toPlainString() : shown.toPlainString() + "...";
    }

    private static String month(ReconciliationRow r, Explanation e) {
        int renewed = r.nextRenewalSeats() - r.renewalChange();
        String first = BillingPeriod.containing(e.billingDate()).start().toString();
        return "Month: " + r.seatsPurchasedThisMonth() + " seats bought, " + r.requiredSeats() + " required, "
                + r.unusedSeats() + " unused; next renewal " + r.nextRenewalSeats() + " seats against " + renewed
                + " renewed on " + first + ": renewal change " + r.renewalChange() + " -> " + r.renewalChangeAmount()
                + " a month";
    }

    private static void events(Explanation e, List<String> lines) {
        EventTrail t = e.events();
        if (!t.available()) {
            lines.add("Membership events not read: " + t.note());
            return;
        }
        String where = t.topic() + " partition " + t.partition() + " read up to offset " + t.end() + ", "
                + t.orgRecords() + " records of " + e.orgId();
        if (!t.complete()) {
            lines.add(t.topic() + " partition " + t.partition() + " holds its records from offset " + t.logStart()
                    + " on only: older records are gone with the topic's retention, so events of " + e.billingDate()
                    + " may be missing and their effect on the counts cannot be computed (it needs "
                    + "the organisation's whole history). Events of " + e.orgId() + " on " + e.billingDate()
                    + " still held:");
        } else if (t.changed().isEmpty()) {
            lines.add("No membership event changed its counts on " + e.billingDate() + " (" + where + ")");
        } else {
            lines.add("Membership events that changed its counts on " + e.billingDate() + " (" + where + "):");
        }
        for (EventTrail.Effect effect : t.changed()) {
            lines.add("  " + event(effect.offset(), effect.event())
                    + (effect.before() == null ? "" : ": " + change(effect.before(), effect.after())));
        }
        if (!t.notCounted().isEmpty()) {
            lines.add("Other events of " + e.orgId() + " on " + e.billingDate() + ":");
            t.notCounted().forEach(o -> lines.add("  " + event(o.offset(), o.event()) + ": " + o.why()));
        }
        if (t.note() != null) {
            lines.add("Note: " + t.note());
        }
    }

    static String event(long offset, MembershipEvent event) {
        StringBuilder text = new StringBuilder().append(offset).append("  ").append(event.getOccurredAt()).append("  ")
                .append(event.getEventId()).append("  ").append(event.getType()).append(' ').append(event.getMemberId());
        if (event.getRole() != null) {
            text.append(" role=").append(event.getRole());
        }
        if (event.getAdmin() != null) {
            text.append(" admin=").append(event.getAdmin());
        }
        if (event.getOwner() != null) {
            text.append(" owner=").append(event.getOwner());
        }
        if (event.getActorId() != null) {
            text.append(" by ").append(event.getActorId());
        }
        return text.toString();
    }

    private static String change(org.seatreconciler.streams.counting.SeatFigures before,
            org.seatreconciler.streams.counting.SeatFigures after) {
        List<String> changes = new ArrayList<>();
        changed(changes, "standard", before.standard(), after.standard());
        changed(changes, "support", before.support(), after.support());
        changed(changes, "admins", before.admins(), after.admins());
        changed(changes, "owners", before.owners(), after.owners());
        changed(changes, "B", before.billableStandard(), after.billableStandard());
        changed(changes, "P", before.supportOnly(), after.supportOnly());
        changed(changes, "T", before.totalMembers(), after.totalMembers());
        return String.join(", ", changes);
    }

    private static void changed(List<String> changes, String name, int before, int after) {
        if (before != after) {
            changes.add(name + " " + before + " -> " + after);
        }
    }
}
