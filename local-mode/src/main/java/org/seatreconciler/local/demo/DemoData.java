package org.seatreconciler.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.schemas.events.MembershipEvents;

/**
 * Sample organisations for one day, as an events file and a plans file that go through the same
 * {@code run} path as a user's files.
 * <ul>
 * <li>sunrise-clinic (GROUP): the help article's 10 standard + 16 support members: 13 seats;</li>
 * <li>harbour-dental (ENTERPRISE): 3 standard and a support member who is the owner: 4 seats;</li>
 * <li>solo-physio (STARTER, no bundled support): 1 standard + 1 support: 2 seats;</li>
 * <li>metro-hospital (GROUP): 24 standard members join at once: 24 seats, a change large enough for
 *     review.csv;</li>
 * <li>rejections to show: a self role change, a role change by a non-admin, a duplicate delivery, and
 *     two malformed lines.</li>
 * </ul>
 */
public final class DemoData {

    public static final String EVENTS_FILE = "demo-events.jsonl";
    /** The help article's clinic: 10 standard + 16 support members need 13 seats; the demo explains it. */
    public static final String ARTICLE_CLINIC = "sunrise-clinic";
    public static final String PLANS_FILE = "demo-plans.csv";

    private final LocalDate day;
    private final ZoneId zone;
    private final List<String> lines = new ArrayList<>();
    private int sequence;

    private DemoData(LocalDate day, ZoneId zone) {
        this.day = day;
        this.zone = zone;
    }

    /** Writes both files into {@code dir}; returns {events, plans}. */
    public static Path[] write(Path dir, LocalDate day, ZoneId zone) {
        List<String> events = new DemoData(day, zone).events();
        Path eventsFile = dir.resolve(EVENTS_FILE);
        Path plansFile = dir.resolve(PLANS_FILE);
        try {
            Files.write(eventsFile, events, StandardCharsets.UTF_8);
            Files.write(plansFile, plans(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo files in " + dir + ": " + e.getMessage(), e);
        }
        return new Path[] {eventsFile, plansFile};
    }

    static List<String> plans() {
        return List.of("org_id,plan", "sunrise-clinic,GROUP", "harbour-dental,ENTERPRISE", "solo-physio,STARTER",
                "metro-hospital,GROUP");
    }

    List<String> events() {
        added("sunrise-clinic", "s-std-00", MemberRole.STANDARD, true, true, at(8, 0));
        for (int i = 1; i < 10; i++) {
            added("sunrise-clinic", String.format("s-std-%02d", i), MemberRole.STANDARD, null, null, at(8, i));
        }
        for (int i = 0; i < 16; i++) {
            added("sunrise-clinic", String.format("s-sup-%02d", i), MemberRole.SUPPORT, null, null, at(9, i));
        }
        added("harbour-dental", "h-std-0", MemberRole.STANDARD, true, null, at(10, 0));
        added("harbour-dental", "h-std-1", MemberRole.STANDARD, null, null, at(10, 1));
        added("harbour-dental", "h-std-2", MemberRole.STANDARD, null, null, at(10, 2));
        added("harbour-dental", "h-sup-0", MemberRole.SUPPORT, null, true, at(10, 3));
        added("solo-physio", "p-std-0", MemberRole.STANDARD, true, true, at(11, 0));
        added("solo-physio", "p-sup-0", MemberRole.SUPPORT, null, null, at(11, 1));
        added("metro-hospital", "m-std-00", MemberRole.STANDARD, true, true, at(11, 30));
        for (int i = 1; i < 24; i++) {
            added("metro-hospital", String.format("m-std-%02d", i), MemberRole.STANDARD, null, null, at(11, 30 + i));
        }

        // rejected by the topology: a member changing their own role, and a non-admin changing someone's
        roleChanged("sunrise-clinic", "s-sup-03", "s-sup-03", at(12, 0));
        roleChanged("sunrise-clinic", "s-sup-04", "s-std-05", at(12, 1));
        // the same event delivered twice: applied once, the copy counted as a duplicate
        String duplicate = MembershipEvents.toJson(event(MembershipEventType.ADMIN_CHANGED, "harbour-dental", "h-std-1", at(12, 2))
                .setAdmin(true).build());
        lines.add(duplicate);
        lines.add(duplicate);
        // rejected on import: not valid events
        lines.add("{\"eventId\":\"demo-bad-1\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"solo-physio\",\"memberId\":\"p-x\",\"occurredAt\":\""
                + at(12, 3) + "\"}");
        lines.add("this line is not JSON");
        return List.copyOf(lines);
    }

    private void added(String org, String member, MemberRole role, Boolean admin, Boolean owner, Instant at) {
        lines.add(MembershipEvents.toJson(event(MembershipEventType.MEMBER_ADDED, org, member, at)
                .setRole(role).setAdmin(admin).setOwner(owner).build()));
    }

    private void roleChanged(String org, String member, String actor, Instant at) {
        lines.add(MembershipEvents.toJson(event(MembershipEventType.ROLE_CHANGED, org, member, at)
                .setActorId(actor).setRole(MemberRole.STANDARD).build()));
    }

    private MembershipEvent.Builder event(MembershipEventType type, String org, String member, Instant at) {
        return MembershipEvent.newBuilder()
                .setEventId(String.format("demo-%s-%03d", day, ++sequence))
                .setType(type).setOrgId(org).setMemberId(member).setOccurredAt(at);
    }

    private Instant at(int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
    }
}
