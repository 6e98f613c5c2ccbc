package org.seatreconciler.batch.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.billing.SeatRequirement;
import org.seatreconciler.batch.reports.ReconciliationRow;

/**
 * An {@link Explanation} as one JSON object for tools: the same facts as the text, field by field, amounts as
 * strings with the currency's minor digits, absent facts as null.
 */
public final class ExplanationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExplanationJson() {
    }

    public static String render(Explanation e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("orgId", e.orgId());
        root.put("billingDate", e.billingDate().toString());
        root.put("source", e.fromLedger() ? "ledger" : "preview");
        root.put("notBilled", e.notBilledReason());
        root.put("plan", e.snapshot() == null ? null : e.snapshot().plan());
        SeatRequirement need = e.snapshot() == null ? null : e.snapshot().requirement();
        if (e.snapshot() == null) {
            root.putNull("figures");
        } else {
            figures(root.putObject("figures"), e.snapshot().figures());
        }
        if (need == null) {
            root.putNull("rule");
        } else {
            SeatFigures f = e.snapshot().figures();
            ObjectNode rule = root.putObject("rule");
            rule.put("formula", "S = max(B, ceil(T / (1 + r)))");
            rule.put("seatBasis", need.seatBasis().name());
            rule.put("b", need.billableStandard(f));
            rule.put("t", need.totalMembers(f));
            rule.put("r", need.supportRatio());
            rule.put("requiredSeats", need.requiredSeats());
            rule.put("includedSupportSeats", need.includedSupportSeats());
            rule.put("unitPrice", need.unitPrice().toPlainString());
            rule.put("currency", need.unitPrice().currency().getCurrencyCode());
        }
        root.put("purchasedBefore", e.purchasedBefore());
        ArrayNode before = root.putArray("boughtBefore");
        e.boughtBefore().forEach(l -> line(before.addObject(), l));
        if (e.line() == null) {
            root.putNull("line");
        } else {
            line(root.putObject("line"), e.line());
        }
        reconciliation(root, e.reconciliation());
        events(root.putObject("events"), e.events());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot write the explanation as JSON", ex);
        }
    }

    private static void figures(ObjectNode node, SeatFigures f) {
        counts(node, f.standard(), f.support(), f.admins(), f.owners(), f.billableStandard(), f.supportOnly(),
                f.totalMembers());
        node.put("peakBillableStandard", f.peakBillableStandard());
        node.put("peakTotalMembers", f.peakTotalMembers());
    }

    private static void line(ObjectNode node, InvoiceLine l) {
        node.put("billingDate", l.billingDate().toString());
        node.put("lineType", l.lineType().name());
        node.put("requiredSeats", l.requiredSeats());
        node.put("purchasedBefore", l.purchasedBefore());
        node.put("seatsInvoiced", l.seatsInvoiced());
        node.put("unitPrice", l.unitPrice().toPlainString());
        node.put("periodDays", l.periodDays());
        node.put("billedDays", l.billedDays());
        node.put("amount", l.amount().toPlainString());
        node.put("currency", l.amount().currency().getCurrencyCode());
        node.put("invoiceId", l.invoiceId());
    }

    private static void reconciliation(ObjectNode root, ReconciliationRow r) {
        if (r == null || r.requiredSeats() == null) {
            root.putNull("reconciliation");
            return;
        }
        ObjectNode node = root.putObject("reconciliation");
        node.put("seatsPurchasedThisMonth", r.seatsPurchasedThisMonth());
        node.put("unusedSeats", r.unusedSeats());
        node.put("nextRenewalSeats", r.nextRenewalSeats());
        node.put("renewalChange", r.renewalChange());
        node.put("renewalChangeAmount", r.renewalChangeAmount().toPlainString());
        node.put("currency", r.renewalChangeAmount().currency().getCurrencyCode());
    }

    private static void events(ObjectNode node, EventTrail t) {
        node.put("topic", t.topic());
        if (!t.available()) {
            node.putNull("partition");
            node.put("note", t.note());
            return;
        }
        node.put("partition", t.partition());
        node.put("logStartOffset", t.logStart());
        node.put("endOffset", t.end());
        node.put("organisationRecords", t.orgRecords());
        node.put("complete", t.complete());
        node.put("note", t.note());
        ArrayNode changed = node.putArray("changedCounts");
        for (EventTrail.Effect effect : t.changed()) {
            ObjectNode item = event(changed.addObject(), effect.offset(), effect.event());
            if (effect.before() != null) {
                counts(item.putObject("before"), effect.before());
                counts(item.putObject("after"), effect.after());
            }
        }
        ArrayNode others = node.putArray("notCounted");
        t.notCounted().forEach(o -> event(others.addObject(), o.offset(), o.event()).put("why", o.why()));
    }

    private static ObjectNode event(ObjectNode node, long offset, MembershipEvent event) {
        node.put("offset", offset);
        node.put("eventId", event.getEventId());
        node.put("type", event.getType().name());
        node.put("memberId", event.getMemberId());
        node.put("occurredAt", event.getOccurredAt().toString());
        node.put("actorId", event.getActorId());
        node.put("role", event.getRole() == null ? null : event.getRole().name());
        node.put("admin", event.getAdmin());
        node.put("owner", event.getOwner());
        return node;
    }

    /** The streams app's figures of the organisation after an event (no peaks: those are a day's). */
    private static void counts(ObjectNode node, org.seatreconciler.streams.counting.SeatFigures f) {
        counts(node, f.standard(), f.support(), f.admins(), f.owners(), f.billableStandard(), f.supportOnly(),
                f.totalMembers());
    }

    private static void counts(ObjectNode node, int standard, int support, int admins, int owners, int b, int p,
            int t) {
        node.put("standard", standard);
        node.put("support", support);
        node.put("admins", admins);
        node.put("owners", owners);
        node.put("billableStandard", b);
        node.put("supportOnly", p);
        node.put("totalMembers", t);
    }
}
