package org.seatreconciler.system.chaos;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The outcome DESIGN.md sections 2, 4 and 5 ask for, computed by the test from the input topic as it was
 * written (records in offset order per partition), with its own code: none of the apps' classes. Each
 * payload is looked up in what the test generated: an event, or bytes that are no MembershipEvent.
 *
 * <p>Rules, in order per record: MALFORMED (not an event of ours, a null value, a key other than the
 * orgId, an identifier outside {@code [A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}}, a missing role/admin/owner);
 * FUTURE_TIMESTAMP (occurredAt more than 24 hours after the processing time: the generator only writes
 * times well inside or far beyond that); duplicate (eventId applied before in the org); the role-change
 * rule on the state at that point; last-writer-wins per attribute by (occurredAt, eventId).
 */
final class Recount {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+\\-]{0,127}");
    private static final Duration TOLERANCE = Duration.ofHours(24);

    /** One record of the input topic. */
    record Input(int partition, long offset, String key, byte[] value) {
    }

    /** Counts of section 2, and the time of the event that last changed them. */
    record Figures(int standard, int support, int admins, int owners, int billable, int supportOnly, int total) {
        static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0);
    }

    record Counts(Figures figures, Instant lastChangedAt) {
    }

    record Day(LocalDate day, Figures close, int peakBillable, int peakTotal, Instant lastChangedAt) {
    }

    final Map<String, Counts> counts = new TreeMap<>();
    final Map<String, Day> daily = new TreeMap<>();
    /** partition@offset -> reason */
    final Map<String, String> rejections = new TreeMap<>();
    long applied;
    long duplicates;

    private final Map<String, Map<String, Member>> members = new HashMap<>();
    private final Map<String, Set<String>> appliedIds = new HashMap<>();
    private final Map<String, Day> latestDay = new HashMap<>();

    static Recount of(List<Input> input, Map<ByteBuffer, Ev> events, Set<ByteBuffer> notEvents, Instant processingTime) {
        Recount recount = new Recount();
        input.stream().sorted(Comparator.comparingInt(Input::partition).thenComparingLong(Input::offset))
                .forEach(record -> recount.process(record, events, notEvents, processingTime));
        return recount;
    }

    private void process(Input record, Map<ByteBuffer, Ev> events, Set<ByteBuffer> notEvents, Instant now) {
        String source = record.partition() + "@" + record.offset();
        if (record.value() == null || notEvents.contains(ByteBuffer.wrap(record.value()))) {
            rejections.put(source, "MALFORMED");
            return;
        }
        Ev ev = events.get(ByteBuffer.wrap(record.value()));
        if (ev == null) {
            throw new IllegalStateException("The input topic holds a payload the test did not write, at " + source);
        }
        if (malformed(ev, record.key())) {
            rejections.put(source, "MALFORMED");
            return;
        }
        if (ev.at().isAfter(now.plus(TOLERANCE))) {
            rejections.put(source, "FUTURE_TIMESTAMP");
            return;
        }
        Set<String> ids = appliedIds.computeIfAbsent(ev.orgId(), o -> new HashSet<>());
        if (ids.contains(ev.eventId())) {
            duplicates++;
            return;
        }
        Map<String, Member> org = members.computeIfAbsent(ev.orgId(), o -> new HashMap<>());
        if (ev.type().equals("ROLE_CHANGED")) {
            if (ev.memberId().equals(ev.actorId())) {
                rejections.put(source, "SELF_ROLE_CHANGE");
                return;
            }
            Member actor = ev.actorId() == null ? null : org.get(ev.actorId());
            if (actor == null || !actor.counts() || !actor.admin) {
                rejections.put(source, "UNAUTHORIZED_ROLE_CHANGE");
                return;
            }
        }
        Figures before = figures(org);
        org.computeIfAbsent(ev.memberId(), m -> new Member()).apply(ev);
        Figures after = figures(org);
        ids.add(ev.eventId());
        applied++;
        if (!after.equals(before)) {
            counts.put(ev.orgId(), new Counts(after, ev.at()));
        }
        LocalDate eventDay = LocalDate.ofInstant(ev.at(), ZoneOffset.UTC);
        Day latest = latestDay.get(ev.orgId());
        Day day;
        if (latest != null && !eventDay.isAfter(latest.day())) {
            day = new Day(latest.day(), after, Math.max(latest.peakBillable(), after.billable()),
                    Math.max(latest.peakTotal(), after.total()), ev.at());
        } else {
            Figures previousClose = latest == null ? Figures.ZERO : latest.close();
            day = new Day(eventDay, after, Math.max(previousClose.billable(), after.billable()),
                    Math.max(previousClose.total(), after.total()), ev.at());
        }
        latestDay.put(ev.orgId(), day);
        daily.put(ev.orgId() + "|" + day.day(), day);
    }

    private static boolean malformed(Ev ev, String key) {
        if (!ev.orgId().equals(key)) {
            return true;
        }
        for (String id : new String[] {ev.eventId(), ev.orgId(), ev.memberId()}) {
            if (!IDENTIFIER.matcher(id).matches()) {
                return true;
            }
        }
        if (ev.actorId() != null && !IDENTIFIER.matcher(ev.actorId()).matches()) {
            return true;
        }
        return switch (ev.type()) {
            case "MEMBER_ADDED", "ROLE_CHANGED" -> ev.role() == null;
            case "ADMIN_CHANGED" -> ev.admin() == null;
            case "OWNER_CHANGED" -> ev.owner() == null;
            default -> false;
        };
    }

    private static Figures figures(Map<String, Member> org) {
        int standard = 0;
        int support = 0;
        int admins = 0;
        int owners = 0;
        int billable = 0;
        for (Member m : org.values()) {
            if (!m.counts()) {
                continue;
            }
            boolean isStandard = m.role.equals("STANDARD");
            standard += isStandard ? 1 : 0;
            support += isStandard ? 0 : 1;
            admins += m.admin ? 1 : 0;
            owners += m.owner ? 1 : 0;
            billable += isStandard || m.admin || m.owner ? 1 : 0;
        }
        int total = standard + support;
        return new Figures(standard, support, admins, owners, billable, total - billable, total);
    }

    /** Four attributes, each with the (occurredAt, eventId) of the event that last wrote it. */
    private static final class Member {
        boolean active;
        String role;
        boolean admin;
        boolean owner;
        private final String[] stampIds = new String[4];
        private final Instant[] stampAts = new Instant[4];

        boolean counts() {
            return active && role != null;
        }

        void apply(Ev ev) {
            switch (ev.type()) {
                case "MEMBER_ADDED" -> {
                    if (newer(0, ev)) {
                        active = true;
                    }
                    if (newer(1, ev)) {
                        role = ev.role();
                    }
                    if (newer(2, ev)) {
                        admin = Boolean.TRUE.equals(ev.admin());
                    }
                    if (newer(3, ev)) {
                        owner = Boolean.TRUE.equals(ev.owner());
                    }
                }
                case "MEMBER_REMOVED" -> {
                    if (newer(0, ev)) {
                        active = false;
                    }
                }
                case "ROLE_CHANGED" -> {
                    if (newer(1, ev)) {
                        role = ev.role();
                    }
                }
                case "ADMIN_CHANGED" -> {
                    if (newer(2, ev)) {
                        admin = ev.admin();
                    }
                }
                case "OWNER_CHANGED" -> {
                    if (newer(3, ev)) {
                        owner = ev.owner();
                    }
                }
                default -> throw new IllegalArgumentException(ev.type());
            }
        }

        /** Whether the event wins over the attribute's last write, and if so takes its place. */
        private boolean newer(int attribute, Ev ev) {
            Instant at = stampAts[attribute];
            boolean wins = at == null || ev.at().isAfter(at)
                    || (ev.at().equals(at) && ev.eventId().compareTo(stampIds[attribute]) > 0);
            if (wins) {
                stampAts[attribute] = ev.at();
                stampIds[attribute] = ev.eventId();
            }
            return wins;
        }
    }
}
