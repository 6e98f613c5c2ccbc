package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Events.added;
import static org.seatreconciler.streams.counting.Events.roleChanged;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;

/**
 * DESIGN.md section 4, rule 1 through the real topology: every value that is not a Confluent-framed Avro
 * MembershipEvent, every broken identifier and every event dated too far ahead is rejected with its
 * reason and detail, and the partition moves on to the next record.
 */
class PoisonRecordsTopologyTest {

    private static final String ORG = "org-7";
    private static final String NEXT_AT = "2026-11-02T09:01:00Z";

    static Stream<Arguments> poison() {
        return Stream.of(
                poison("wrong magic byte", t -> {
                    byte[] bytes = valid(t);
                    bytes[0] = 1;
                    return bytes;
                }, "Unknown magic byte 0x01: not the Confluent wire format (expected 0x00)"),
                poison("too short", t -> new byte[] {0, 0, 1},
                        "Payload of 3 bytes is shorter than the 5-byte Confluent header (magic byte, schema id)"),
                poison("unknown schema id (registry 404)", t -> framed(999, new byte[] {2, 'e'}),
                        "Unknown schema id 999: the registry has no such schema"),
                poison("schema id registered as JSON Schema", t -> framed(t.registry().registerForeign(
                        "hr.membership-events-value", "JSON", "{\"type\":\"object\"}"), new byte[] {'{', '}'}),
                        "Schema id 1 is a JSON schema, not Avro"),
                poison("schema id registered as Protobuf", t -> framed(t.registry().registerForeign(
                        "hr.membership-events-value", "PROTOBUF", "syntax = \"proto3\";"), new byte[] {0}),
                        "Schema id 1 is a PROTOBUF schema, not Avro"),
                poison("schema id whose Avro text does not parse", t -> framed(t.registry().registerForeign(
                        "hr.membership-events-value", "AVRO", "{\"type\":\"record\",\"name\":\"X\"}"), new byte[] {0}),
                        "Schema id 1 is not a valid Avro schema: Record has no fields: {\"type\":\"record\",\"name\":\"X\"}"),
                poison("Avro schema of another record", t -> new ConfluentAvroSerializer<OrgPlan>(t.registry(), false)
                        .serialize(Topics.MEMBERSHIP_EVENTS, new OrgPlan(ORG, "GROUP")),
                        "Schema id 1 is org.seatreconciler.avro.OrgPlan, not org.seatreconciler.avro.MembershipEvent"),
                poison("schema that does not resolve against the reader's", t -> framed(t.registry().register(
                        "hr.membership-events-value", new Schema.Parser().parse("{\"type\":\"record\","
                                + "\"name\":\"MembershipEvent\",\"namespace\":\"org.seatreconciler.avro\","
                                + "\"fields\":[{\"name\":\"eventId\",\"type\":\"int\"}]}")), new byte[] {2}),
                        "Schema id 1 (org.seatreconciler.avro.MembershipEvent) does not resolve against the reader's "
                                + "schema: TYPE_MISMATCH at /fields/0/type: reader type: STRING not compatible with "
                                + "writer type: INT"),
                poison("truncated Avro", t -> {
                    byte[] bytes = valid(t);
                    return Arrays.copyOf(bytes, bytes.length - 4);
                }, "Cannot read MembershipEvent written with schema 1 (21 bytes of Avro): payload is truncated"),
                poison("bytes after the record", t -> {
                    byte[] bytes = valid(t);
                    return Arrays.copyOf(bytes, bytes.length + 2);
                }, "Payload has bytes left over after the MembershipEvent record written with schema 1"),
                poison("tombstone", t -> null, "value is null (a tombstone), expected a MembershipEvent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void isMalformedAndThePartitionMovesOn(String kind, Function<TopologyFixture, byte[]> payload, String detail) {
        try (TopologyFixture t = new TopologyFixture()) {
            byte[] bytes = payload.apply(t);

            t.sendRaw(ORG, bytes);
            t.send(added("e2", ORG, "m-2", NEXT_AT, MemberRole.STANDARD));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("MALFORMED");
            assertThat(r.getDetail()).isEqualTo(detail);
            assertThat(r.getPayload()).isEqualTo(bytes == null ? null : ByteBuffer.wrap(bytes));
            assertThat(r.getSourceOffset()).isZero();
            assertThat(t.latestCounts().get(ORG).getStandard()).isEqualTo(1);
            assertThat(t.outcomes.applied()).isEqualTo(1);
            assertThat(t.outcomes.rejected()).isEqualTo(Map.of("MALFORMED", 1L));
        }
    }

    static Stream<Arguments> brokenIdentifiers() {
        String allowed = " (allowed: letters, digits and . _ : @ + -)";
        return Stream.of(
                Arguments.of(added("e1", "n\u0000a", "b", NEXT_AT, MemberRole.STANDARD),
                        "orgId contains U+0000 at position 2" + allowed),
                Arguments.of(added("e1", "n", "a\u0000b", NEXT_AT, MemberRole.STANDARD),
                        "memberId contains U+0000 at position 2" + allowed),
                Arguments.of(added("e1", "=HYPERLINK(\"http://x\")", "m-1", NEXT_AT, MemberRole.STANDARD),
                        "orgId starts with '=' (U+003D), not a letter or a digit"),
                Arguments.of(added("e1", "o".repeat(10_000), "m-1", NEXT_AT, MemberRole.STANDARD),
                        "orgId is 10000 characters long, more than 128"),
                Arguments.of(added("e1", ORG, "m".repeat(256), NEXT_AT, MemberRole.STANDARD),
                        "memberId is 256 characters long, more than 128"),
                Arguments.of(added("e1", "org|2026-11-02", "m-1", NEXT_AT, MemberRole.STANDARD),
                        "orgId contains '|' (U+007C) at position 4" + allowed),
                Arguments.of(added("e\n1", ORG, "m-1", NEXT_AT, MemberRole.STANDARD),
                        "eventId contains U+000A at position 2" + allowed),
                Arguments.of(roleChanged("e1", ORG, "m-1", NEXT_AT, "a\u0007", MemberRole.SUPPORT),
                        "actorId contains U+0007 at position 2" + allowed));
    }

    @ParameterizedTest
    @MethodSource("brokenIdentifiers")
    void anIdentifierThatBreaksTheRuleIsMalformed(MembershipEvent event, String detail) {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(event);
            t.send(added("e2", ORG, "m-2", NEXT_AT, MemberRole.STANDARD));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("MALFORMED");
            assertThat(r.getDetail()).isEqualTo(detail);
            assertThat(t.latestCounts()).containsOnlyKeys(ORG);
            assertThat(t.latestDaily()).containsOnlyKeys(Topics.dailyKey(ORG, LocalDate.parse("2026-11-02")));
        }
    }

    @Test
    void anEventDatedMoreThanTheToleranceAfterTheProcessingTimeIsFutureTimestamp() {
        // the driver's processing time is 2026-11-10T00:00:00Z; the default tolerance 24 hours
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-11T00:00:00Z", MemberRole.STANDARD),
                    added("e2", ORG, "m-2", "2026-11-11T00:00:00.001Z", MemberRole.STANDARD));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("FUTURE_TIMESTAMP");
            assertThat(r.getDetail()).isEqualTo("occurredAt 2026-11-11T00:00:00.001Z is more than 24h after the "
                    + "processing time 2026-11-10T00:00:00Z");
            assertThat(r.getEventId()).isEqualTo("e2");
            assertThat(r.getSourceOffset()).isEqualTo(1);
            assertThat(t.latestCounts().get(ORG).getStandard()).isEqualTo(1);
            assertThat(t.outcomes.rejected()).isEqualTo(Map.of("FUTURE_TIMESTAMP", 1L));
        }
    }

    @Test
    void anEventDated2099DoesNotFreezeTheOrganisationsDays() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2099-01-01T00:00:00Z", MemberRole.STANDARD),
                    added("e2", ORG, "m-2", "2026-11-03T09:00:00Z", MemberRole.STANDARD),
                    added("e3", ORG, "m-3", "2026-11-04T09:00:00Z", MemberRole.SUPPORT));

            assertThat(t.rejected()).extracting(rec -> rec.value().getReason()).containsExactly("FUTURE_TIMESTAMP");
            assertThat(t.latestDaily()).containsOnlyKeys(Topics.dailyKey(ORG, LocalDate.parse("2026-11-03")),
                    Topics.dailyKey(ORG, LocalDate.parse("2026-11-04")));
            assertThat(t.latestCounts().get(ORG).getTotalMembers()).isEqualTo(2);
        }
    }

    @Test
    void aRejectedFutureEventMayComeBackCorrectedUnderItsId() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2099-01-01T00:00:00Z", MemberRole.STANDARD),
                    added("e1", ORG, "m-1", "2026-11-03T09:00:00Z", MemberRole.STANDARD));

            assertThat(t.outcomes.applied()).isEqualTo(1);
            assertThat(t.outcomes.duplicates()).isZero();
        }
    }

    private static Arguments poison(String kind, Function<TopologyFixture, byte[]> payload, String detail) {
        return Arguments.of(kind, payload, detail);
    }

    /** A valid event's bytes, its schema registered as id 1. */
    private static byte[] valid(TopologyFixture t) {
        return t.serialize(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD));
    }

    private static byte[] framed(int id, byte[] body) {
        ByteBuffer bytes = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body);
        return bytes.array();
    }

    private static RejectedEvent single(List<TestRecord<String, RejectedEvent>> records) {
        assertThat(records).hasSize(1);
        return records.get(0).value();
    }
}
