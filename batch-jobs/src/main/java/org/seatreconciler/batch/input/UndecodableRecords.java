package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The records of seats.org-daily and billing.org-plans that did not decode, as a read of the topics leaves them:
 * per record key, the last one, unless a later record of the same key decoded (both topics are compacted, so
 * the later record is what the key holds now). The organisation a key names is then not billed, with reason
 * {@code MALFORMED} (DESIGN.md section 4's code for undecodable bytes), on the dates the record would have
 * billed it from: for a day of seats.org-daily, the dates from that day on up to the organisation's next
 * readable day; for a plan, every date. Filled by one thread while reading, read by many once {@link #seal}ed.
 */
public final class UndecodableRecords {

    /** Reason code of an organisation left out because a record it is billed from does not decode. */
    public static final String REASON = "MALFORMED";

    private final Map<String, Undecodable> byKey = new LinkedHashMap<>();
    private long count;
    private Map<String, List<Undecodable>> byOrg;

    /**
     * One undecodable record still in effect.
     *
     * @param orgId null when its key names none
     * @param day   for seats.org-daily, the day its key names; null for billing.org-plans, or a key without a day
     */
    public record Undecodable(String topic, int partition, long offset, String key, String orgId, LocalDate day,
            boolean plan, String cause) {

        String reason() {
            return REASON + ": the " + (plan ? "plan" : "daily") + " record at " + topic + " partition " + partition
                    + " offset " + offset + " does not decode (" + cause + ")";
        }
    }

    void dailyRecord(String topic, int partition, long offset, String key, String cause) {
        int bar = key == null ? -1 : key.lastIndexOf('|');
        String orgId = bar > 0 ? key.substring(0, bar) : null;
        LocalDate day = null;
        if (orgId != null) {
            try {
                day = LocalDate.parse(key.substring(bar + 1));
            } catch (DateTimeParseException e) {
                // no day in the key: whichever day it held, every date of the run may depend on it
            }
        }
        add(new Undecodable(topic, partition, offset, key, orgId, day, false, cause));
    }

    void planRecord(String topic, int partition, long offset, String key, String cause) {
        add(new Undecodable(topic, partition, offset, key, key == null || key.isEmpty() ? null : key, null, true,
                cause));
    }

    /** A record of {@code key} on {@code topic} decoded: it replaces an earlier one that did not. */
    void decoded(String topic, String key) {
        if (!byKey.isEmpty()) {
            byKey.remove(topic + '\u0000' + key);
        }
    }

    private void add(Undecodable record) {
        count++;
        byKey.put(record.topic() + '\u0000' + record.key(), record);
    }

    /** Ends the read: from here on the records are only looked up, from any thread. */
    UndecodableRecords seal() {
        Map<String, List<Undecodable>> orgs = new HashMap<>();
        byKey.values().stream().filter(r -> r.orgId() != null)
                .forEach(r -> orgs.computeIfAbsent(r.orgId(), o -> new ArrayList<>()).add(r));
        byOrg = orgs;
        return this;
    }

    /** Undecodable records read, including those a later record of the same key replaced. */
    public long count() {
        return count;
    }

    /** The undecodable records still in effect, in the order they were read. */
    public Collection<Undecodable> inEffect() {
        return byKey.values();
    }

    /** Organisations whose undecodable daily records are on or before {@code date} (or name no day), sorted. */
    String[] dailyOrganisations(LocalDate date) {
        TreeSet<String> orgs = new TreeSet<>();
        byOrg.forEach((org, records) -> {
            if (records.stream().anyMatch(r -> !r.plan() && (r.day() == null || !r.day().isAfter(date)))) {
                orgs.add(org);
            }
        });
        return orgs.toArray(String[]::new);
    }

    /**
     * Why {@code orgId} cannot be billed on {@code date} from what the topics hold, or null.
     *
     * @param latestReadableDay the day of its latest readable daily record on or before {@code date}, or null
     */
    String reasonOn(String orgId, LocalDate date, LocalDate latestReadableDay) {
        List<Undecodable> records = byOrg.isEmpty() ? null : byOrg.get(orgId);
        if (records == null) {
            return null;
        }
        for (Undecodable r : records) {
            boolean applies = r.plan() || r.day() == null
                    || !r.day().isAfter(date) && (latestReadableDay == null || !latestReadableDay.isAfter(r.day()));
            if (applies) {
                return r.reason();
            }
        }
        return null;
    }

    static String[] union(String[] sortedA, String[] sortedB) {
        if (sortedB.length == 0) {
            return sortedA;
        }
        TreeSet<String> all = new TreeSet<>(List.of(sortedA));
        all.addAll(List.of(sortedB));
        return all.toArray(String[]::new);
    }
}
