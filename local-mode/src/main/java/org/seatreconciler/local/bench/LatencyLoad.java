package org.seatreconciler.local.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;

/**
 * The latency run's events: organisations in turn (event {@code i} belongs to organisation
 * {@code i % orgs}), each event changing its organisation's counts: members join until an organisation
 * has {@value #MEMBERS} of them, then one leaves and one joins in turn. Event {@code i} happens at
 * {@code start + i} ms, so a count record's last-change time names the latest event it shows.
 */
final class LatencyLoad {

    static final int MEMBERS = 20;

    private final int orgs;
    private final Instant start;
    private final List<ArrayDeque<String>> active;
    private final int[] joined;

    LatencyLoad(int orgs, Instant start) {
        this.orgs = orgs;
        this.start = start;
        this.active = new ArrayList<>(orgs);
        for (int i = 0; i < orgs; i++) {
            active.add(new ArrayDeque<>());
        }
        this.joined = new int[orgs];
    }

    static String orgId(int org) {
        return String.format("lat-%05d", org);
    }

    /** The event whose last-change time is {@code lastChangedAt}, or -1 for a time this load never sent. */
    int eventAt(Instant lastChangedAt) {
        long index = lastChangedAt.toEpochMilli() - start.toEpochMilli();
        return index < 0 || index > Integer.MAX_VALUE ? -1 : (int) index;
    }

    /** Event {@code index}; events must be asked for in order. */
    MembershipEvent event(int index) {
        int org = index % orgs;
        ArrayDeque<String> members = active.get(org);
        MembershipEvent.Builder event = MembershipEvent.newBuilder().setEventId("lat-" + index).setOrgId(orgId(org))
                .setOccurredAt(start.plusMillis(index));
        boolean leave = members.size() >= MEMBERS && joined[org] % 2 == 0 && members.size() > 1;
        if (leave) {
            // the first member (the admin owner) stays
            String first = members.pollFirst();
            String leaving = members.pollFirst();
            members.addFirst(first);
            joined[org]++;
            return event.setType(MembershipEventType.MEMBER_REMOVED).setMemberId(leaving).build();
        }
        boolean adminOwner = members.isEmpty();
        String member = orgId(org) + "-m" + joined[org]++;
        members.addLast(member);
        return event.setType(MembershipEventType.MEMBER_ADDED).setMemberId(member)
                .setRole(adminOwner || member.hashCode() % 3 == 0 ? MemberRole.STANDARD : MemberRole.SUPPORT)
                .setAdmin(adminOwner).setOwner(adminOwner).build();
    }
}
