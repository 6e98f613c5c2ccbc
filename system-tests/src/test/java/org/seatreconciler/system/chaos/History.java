package org.seatreconciler.system.chaos;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serializer;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.system.support.RegistryServer;

/**
 * A generated input history: per organisation a plausible life (members join, leave, change role, admin
 * and owner, role changes by admins and by others, some out of order, some dated an hour ahead), the
 * organisations interleaved, with redeliveries (the same bytes again, later) and hostile records: every
 * poison kind of issue 8 item 2 and events that break the identifier rule, name another org in the key,
 * lack a role, or are dated 2099. The same seed gives the same history.
 */
final class History {

    /** A record to publish: key (may be null) and value bytes (may be null: a tombstone). */
    record Planned(String key, byte[] value) {
    }

    /** Registry ids of the schemas the poison records name; see {@link #register}. */
    record PoisonIds(int json, int protobuf, int unparseableAvro, int otherRecord, int unresolvable) {
    }

    static final List<String> POISON_KINDS = List.of("wrong magic byte", "too short", "unknown schema id",
            "JSON Schema id", "Protobuf id", "unparseable Avro id", "Avro schema of another record",
            "schema that does not resolve", "truncated Avro", "bytes after the record", "tombstone",
            "key is not the orgId", "null key", "orgId with NUL", "memberId with NUL", "orgId as a spreadsheet formula",
            "orgId of 200 characters", "orgId with |", "eventId with a control character", "empty memberId",
            "MEMBER_ADDED without role", "occurredAt in 2099");

    final List<Planned> records = new ArrayList<>();
    /** Every event payload the history holds (valid or not by the rules), by its bytes. */
    final Map<ByteBuffer, Ev> events = new HashMap<>();
    /** Payloads that are no MembershipEvent of ours at all. */
    final Set<ByteBuffer> notEvents = new HashSet<>();
    final Map<String, Integer> hostileByKind = new TreeMap<>();
    int redeliveries;

    private final Random random;
    private final Serializer<MembershipEvent> serializer;
    private final PoisonIds ids;
    private final String topic;
    private int hostileCounter;

    private History(long seed, Serializer<MembershipEvent> serializer, PoisonIds ids, String topic) {
        this.random = new Random(seed);
        this.serializer = serializer;
        this.ids = ids;
        this.topic = topic;
    }

    /** The schemas poison records name, registered as another producer would have them. */
    static PoisonIds register(RegistryServer registry) {
        return new PoisonIds(
                registry.register("JSON", "{\"type\":\"object\",\"properties\":{\"eventId\":{\"type\":\"string\"}}}"),
                registry.register("PROTOBUF", "syntax = \"proto3\"; message MembershipEvent { string eventId = 1; }"),
                registry.register("AVRO", "{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"x\"}]}"),
                registry.register("AVRO", "{\"type\":\"record\",\"name\":\"OrgPlan\",\"namespace\":\"org.seatreconciler.avro\","
                        + "\"fields\":[{\"name\":\"orgId\",\"type\":\"string\"},{\"name\":\"plan\",\"type\":\"string\"}]}"),
                registry.register("AVRO", "{\"type\":\"record\",\"name\":\"MembershipEvent\",\"namespace\":"
                        + "\"org.seatreconciler.avro\",\"fields\":[{\"name\":\"eventId\",\"type\":\"long\"}]}"));
    }

    /**
     * @param now the test's start: history lies in the 12 days before it, a few events an hour after it
     */
    static History generate(long seed, int orgs, int eventsPerOrg, Instant now, Serializer<MembershipEvent> serializer,
                            PoisonIds ids, String topic) {
        History history = new History(seed, serializer, ids, topic);
        history.build(orgs, eventsPerOrg, now);
        return history;
    }

    private void build(int orgs, int eventsPerOrg, Instant now) {
        List<List<Ev>> lives = new ArrayList<>();
        for (int o = 0; o < orgs; o++) {
            lives.add(life(String.format("org-%03d", o), eventsPerOrg, now));
        }
        int[] next = new int[orgs];
        List<Planned> sent = new ArrayList<>();
        int remaining = orgs * eventsPerOrg;
        while (remaining > 0) {
            double dice = random.nextDouble();
            if (dice < 0.08 && !sent.isEmpty()) {
                records.add(sent.get(random.nextInt(sent.size())));
                redeliveries++;
                continue;
            }
            if (dice < 0.14) {
                records.add(hostile(POISON_KINDS.get(hostileCounter++ % POISON_KINDS.size()), now));
                continue;
            }
            int o = random.nextInt(orgs);
            while (next[o] >= lives.get(o).size()) {
                o = (o + 1) % orgs;
            }
            Planned planned = event(lives.get(o).get(next[o]++), null);
            records.add(planned);
            sent.add(planned);
            remaining--;
        }
    }

    /** One organisation's events in its own order. */
    private List<Ev> life(String org, int count, Instant now) {
        List<Ev> events = new ArrayList<>();
        List<String> active = new ArrayList<>();
        List<String> admins = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        Instant at = now.minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        events.add(new Ev(org + "-e0", "MEMBER_ADDED", org, "m-0", at, null, "STANDARD", true, true));
        active.add("m-0");
        admins.add("m-0");
        boolean oneAhead = random.nextInt(4) == 0;
        int maxStep = Math.max(2, (int) (2 * Duration.ofDays(11).toMinutes() / count));
        Instant latest = now.minus(Duration.ofHours(1));
        for (int i = 1; i < count; i++) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(maxStep)));
            at = at.isAfter(latest) ? latest : at; // nothing between now and the tolerance: the verdict is not a race
            Instant when = random.nextInt(10) == 0 ? at.minus(Duration.ofHours(1 + random.nextInt(30))) : at;
            if (oneAhead && i == count - 1) {
                when = now.plus(Duration.ofHours(1)); // inside the 24 h tolerance: applied, and it starts a new day
            }
            String id = org + "-e" + i;
            int op = random.nextInt(100);
            String target = active.get(random.nextInt(active.size()));
            if (op < 35 || active.size() < 3) {
                String member = "m-" + i;
                boolean admin = random.nextInt(10) == 0;
                events.add(new Ev(id, "MEMBER_ADDED", org, member, when, null, random.nextBoolean() ? "STANDARD" : "SUPPORT",
                        admin ? Boolean.TRUE : random.nextBoolean() ? Boolean.FALSE : null,
                        random.nextInt(20) == 0 ? Boolean.TRUE : null));
                active.add(member);
                if (admin) {
                    admins.add(member);
                }
            } else if (op < 47 && !target.equals("m-0")) {
                events.add(new Ev(id, "MEMBER_REMOVED", org, target, when, null, null, null, null));
                active.remove(target);
                gone.add(target);
            } else if (op < 67) {
                int who = random.nextInt(10);
                String actor = who < 7 ? admins.get(random.nextInt(admins.size()))
                        : who == 7 ? target : who == 8 ? active.get(random.nextInt(active.size())) : null;
                events.add(new Ev(id, "ROLE_CHANGED", org, target, when, actor, random.nextBoolean() ? "STANDARD" : "SUPPORT",
                        null, null));
            } else if (op < 78) {
                boolean admin = random.nextBoolean();
                events.add(new Ev(id, "ADMIN_CHANGED", org, target, when, null, null, admin, null));
                if (admin && !admins.contains(target)) {
                    admins.add(target);
                }
            } else if (op < 84) {
                events.add(new Ev(id, "OWNER_CHANGED", org, target, when, null, null, null, random.nextBoolean()));
            } else if (!gone.isEmpty()) {
                String back = gone.remove(random.nextInt(gone.size()));
                events.add(new Ev(id, "MEMBER_ADDED", org, back, when, null, "SUPPORT", null, null));
                active.add(back);
            } else {
                events.add(new Ev(id, "MEMBER_REMOVED", org, "m-unknown-" + i, when, null, null, null, null));
            }
        }
        return events;
    }

    private Planned hostile(String kind, Instant now) {
        hostileByKind.merge(kind, 1, Integer::sum);
        int n = hostileCounter;
        String org = String.format("org-%03d", random.nextInt(3));
        Instant at = now.minus(Duration.ofDays(2));
        Ev base = new Ev("h-" + n, "MEMBER_ADDED", org, "hm-" + n, at, null, "STANDARD", null, null);
        return switch (kind) {
            case "wrong magic byte" -> notEvent(org, withByte(bytes(base), 0, (byte) (1 + random.nextInt(255))));
            case "too short" -> notEvent(org, Arrays.copyOf(new byte[] {0, 0, 0, 0}, random.nextInt(5)));
            case "unknown schema id" -> notEvent(org, framed(1_000_000 + n, randomBytes(20)));
            case "JSON Schema id" -> notEvent(org, framed(ids.json(), "{\"eventId\":\"x\"}".getBytes()));
            case "Protobuf id" -> notEvent(org, framed(ids.protobuf(), new byte[] {0, 10, 1, 'x'}));
            case "unparseable Avro id" -> notEvent(org, framed(ids.unparseableAvro(), randomBytes(8)));
            case "Avro schema of another record" -> notEvent(org, framed(ids.otherRecord(),
                    new byte[] {10, 'o', 'r', 'g', '-', '1', 10, 'G', 'R', 'O', 'U', 'P'}));
            case "schema that does not resolve" -> notEvent(org, framed(ids.unresolvable(), new byte[] {4}));
            case "truncated Avro" -> {
                byte[] full = bytes(base);
                yield notEvent(org, Arrays.copyOf(full, full.length - 1 - random.nextInt(6)));
            }
            case "bytes after the record" -> {
                byte[] full = bytes(base);
                yield notEvent(org, Arrays.copyOf(full, full.length + 1 + random.nextInt(4)));
            }
            case "tombstone" -> new Planned(org, null);
            case "key is not the orgId" -> event(base, "org-999");
            case "null key" -> eventWithNullKey(base);
            case "orgId with NUL" -> event(with(base, "n\u0000" + org, base.memberId()), null);
            case "memberId with NUL" -> event(with(base, org, "a\u0000b"), null);
            case "orgId as a spreadsheet formula" -> event(with(base, "=HYPERLINK(\"http://x\",\"" + org + "\")",
                    base.memberId()), null);
            case "orgId of 200 characters" -> event(with(base, org + "x".repeat(193), base.memberId()), null);
            case "orgId with |" -> event(with(base, org + "|2026-01-01", base.memberId()), null);
            case "eventId with a control character" -> event(new Ev("h-\u0007" + n, base.type(), org, base.memberId(),
                    at, null, "STANDARD", null, null), null);
            case "empty memberId" -> event(with(base, org, ""), null);
            case "MEMBER_ADDED without role" -> event(new Ev(base.eventId(), "MEMBER_ADDED", org, base.memberId(), at,
                    null, null, null, null), null);
            case "occurredAt in 2099" -> event(new Ev(base.eventId(), "MEMBER_ADDED", org, base.memberId(),
                    Instant.parse("2099-01-01T00:00:00Z").plusSeconds(n), null, "STANDARD", true, true), null);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Planned event(Ev ev, String key) {
        byte[] bytes = bytes(ev);
        events.put(ByteBuffer.wrap(bytes), ev);
        return new Planned(key == null ? ev.orgId() : key, bytes);
    }

    private Planned eventWithNullKey(Ev ev) {
        byte[] bytes = bytes(ev);
        events.put(ByteBuffer.wrap(bytes), ev);
        return new Planned(null, bytes);
    }

    private Planned notEvent(String key, byte[] bytes) {
        notEvents.add(ByteBuffer.wrap(bytes));
        return new Planned(key, bytes);
    }

    private byte[] bytes(Ev ev) {
        return serializer.serialize(topic, MembershipEvent.newBuilder()
                .setEventId(ev.eventId()).setType(MembershipEventType.valueOf(ev.type())).setOrgId(ev.orgId())
                .setMemberId(ev.memberId()).setOccurredAt(ev.at()).setActorId(ev.actorId())
                .setRole(ev.role() == null ? null : MemberRole.valueOf(ev.role()))
                .setAdmin(ev.admin()).setOwner(ev.owner()).build());
    }

    private static Ev with(Ev ev, String orgId, String memberId) {
        return new Ev(ev.eventId(), ev.type(), orgId, memberId, ev.at(), ev.actorId(), ev.role(), ev.admin(), ev.owner());
    }

    private static byte[] withByte(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return copy;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] framed(int id, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
    }
}
