package org.seatreconciler.local.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.schemas.events.MembershipEvents;

/**
 * Synthetic membership events for the benchmark: organisations round-robin, each started by an admin
 * owner, then members joining and leaving, role changes by the admin, admin flags, redeliveries, a few
 * self role changes and a few lines that are not JSON. Seeded, so every run gets the same file.
 */
final class BenchData {

    private BenchData() {
    }

    static void write(Path file, long events, int orgs, LocalDate firstDay, int days, ZoneId zone) {
        Random random = new Random(42);
        List<Org> state = new ArrayList<>(orgs);
        for (int i = 0; i < orgs; i++) {
            state.add(new Org(String.format("org-%05d", i)));
        }
        Instant start = firstDay.atStartOfDay(zone).toInstant();
        long step = Duration.ofDays(days).toMillis() / Math.max(events, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < events; i++) {
                Org org = state.get((int) (i % orgs));
                String line = org.next(random, "b-" + i, start.plusMillis(i * step));
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark events to " + file, e);
        }
    }

    /** One organisation's members, so the events make sense in order. */
    private static final class Org {
        private final String id;
        private final List<String> active = new ArrayList<>();
        private int nextMember;
        private String lastLine;

        Org(String id) {
            this.id = id;
        }

        String next(Random random, String eventId, Instant at) {
            MembershipEvent.Builder event = MembershipEvent.newBuilder().setEventId(eventId).setOrgId(id).setOccurredAt(at);
            int dice = random.nextInt(1000);
            String line;
            if (active.isEmpty()) {
                line = add(event, MemberRole.STANDARD, true);
            } else if (dice < 2) {
                return "not json: " + eventId;
            } else if (dice < 40 && lastLine != null) {
                return lastLine; // a redelivery: the same event again
            } else if (dice < 600 || active.size() < 3) {
                line = add(event, random.nextInt(10) < 4 ? MemberRole.STANDARD : MemberRole.SUPPORT, false);
            } else if (dice < 700) {
                String member = active.remove(1 + random.nextInt(active.size() - 1));
                line = json(event.setType(MembershipEventType.MEMBER_REMOVED).setMemberId(member));
            } else if (dice < 900) {
                String member = active.get(1 + random.nextInt(active.size() - 1));
                // mostly the admin (the first member); sometimes the member themself, which is rejected
                String actor = dice < 890 ? active.get(0) : member;
                line = json(event.setType(MembershipEventType.ROLE_CHANGED).setMemberId(member).setActorId(actor)
                        .setRole(random.nextBoolean() ? MemberRole.STANDARD : MemberRole.SUPPORT));
            } else {
                String member = active.get(1 + random.nextInt(active.size() - 1));
                line = json(event.setType(MembershipEventType.ADMIN_CHANGED).setMemberId(member).setAdmin(random.nextBoolean()));
            }
            lastLine = line;
            return line;
        }

        private String add(MembershipEvent.Builder event, MemberRole role, boolean adminOwner) {
            String member = id + "-m" + nextMember++;
            active.add(member);
            return json(event.setType(MembershipEventType.MEMBER_ADDED).setMemberId(member).setRole(role)
                    .setAdmin(adminOwner).setOwner(adminOwner));
        }

        private static String json(MembershipEvent.Builder event) {
            return MembershipEvents.toJson(event.build());
        }
    }
}
