package org.seatreconciler.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.schemas.serde.ConfluentAvroSerde;
import org.seatreconciler.schemas.serde.MalformedPayloadException;

class ConfluentAvroSerdeTest {

    private static final String SCOPE = "serde-test";
    private final Serde<MembershipEvent> serde =
            ConfluentAvroSerde.forValues(MembershipEvent.class, "mock://" + SCOPE);

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Test
    void roundTripsAnEventInTheConfluentWireFormat() {
        MembershipEvent event = event();

        byte[] bytes = serde.serializer().serialize("hr.membership-events", event);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0, 0, 0, 1);
        assertThat(InMemorySchemaRegistry.scope(SCOPE).versions("hr.membership-events-value")).containsExactly(1);
        assertThat(serde.deserializer().deserialize("hr.membership-events", bytes)).isEqualTo(event);
    }

    @Test
    void aSchemaKeepsItsIdAcrossSubjectsAndAnotherSchemaGetsTheNext() {
        byte[] first = serde.serializer().serialize("a", event());
        byte[] second = serde.serializer().serialize("b", event());
        byte[] plan = ConfluentAvroSerde.forValues(OrgPlan.class, "mock://" + SCOPE).serializer()
                .serialize("billing.org-plans", new OrgPlan("org-1", "GROUP"));

        assertThat(first[4]).isEqualTo((byte) 1);
        assertThat(second[4]).isEqualTo((byte) 1);
        assertThat(plan[4]).isEqualTo((byte) 2);
    }

    @Test
    void rejectsAnUnknownMagicByte() {
        byte[] bytes = serde.serializer().serialize("t", event());
        bytes[0] = 7;

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Unknown magic byte 0x07: not the Confluent wire format (expected 0x00)");
    }

    @Test
    void rejectsAnUnknownSchemaId() {
        byte[] bytes = serde.serializer().serialize("t", event());
        bytes[4] = 42;

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Unknown schema id 42: the registry has no such schema");
    }

    @Test
    void rejectsATruncatedPayload() {
        byte[] bytes = serde.serializer().serialize("t", event());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("Cannot read MembershipEvent written with schema 1")
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsAPayloadShorterThanTheHeader() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Payload of 3 bytes is shorter than the 5-byte Confluent header (magic byte, schema id)");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] bytes = serde.serializer().serialize("t", event());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", longer))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Payload has bytes left over after the MembershipEvent record written with schema 1");
    }

    @Test
    void rejectsARecordOfAnotherType() {
        byte[] plan = ConfluentAvroSerde.forValues(OrgPlan.class, "mock://" + SCOPE).serializer()
                .serialize("t", new OrgPlan("org-1", "GROUP"));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", plan))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Schema id 1 is org.seatreconciler.avro.OrgPlan, not org.seatreconciler.avro.MembershipEvent");
    }

    @Test
    void rejectsASchemaIdRegisteredAsJsonSchema() {
        int id = InMemorySchemaRegistry.scope(SCOPE).registerForeign("t-value", "JSON", "{\"type\":\"object\"}");

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", framed(id, new byte[] {2, 'e'})))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Schema id " + id + " is a JSON schema, not Avro");
    }

    @Test
    void rejectsASchemaIdRegisteredAsProtobuf() {
        int id = InMemorySchemaRegistry.scope(SCOPE).registerForeign("t-value", "PROTOBUF",
                "syntax = \"proto3\"; message MembershipEvent { string eventId = 1; }");

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", framed(id, new byte[] {0})))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Schema id " + id + " is a PROTOBUF schema, not Avro");
    }

    @Test
    void rejectsAnAvroSchemaThatDoesNotParse() {
        int id = InMemorySchemaRegistry.scope(SCOPE).registerForeign("t-value", "AVRO", "{\"type\":\"record\"");

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", framed(id, new byte[] {0})))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("Schema id " + id + " is not a valid Avro schema: ");
    }

    @Test
    void rejectsAMembershipEventSchemaThatDoesNotResolveAgainstTheReaders() {
        // same name, but eventId is an int and occurredAt a string: no record of it can be read as ours
        Schema other = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"MembershipEvent\","
                + "\"namespace\":\"org.seatreconciler.avro\",\"fields\":[{\"name\":\"eventId\",\"type\":\"int\"}]}");
        int id = InMemorySchemaRegistry.scope(SCOPE).register("t-value", other);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", framed(id, new byte[] {2})))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Schema id " + id + " (org.seatreconciler.avro.MembershipEvent) does not resolve against "
                        + "the reader's schema: TYPE_MISMATCH at /fields/0/type: reader type: STRING not compatible "
                        + "with writer type: INT");
    }

    @Test
    void aWriterWithAnEventTypeTheReaderLacksStillDeliversTheTypesItKnows() {
        Schema newer = new Schema.Parser().parse(MembershipEvent.getClassSchema().toString()
                .replace("\"OWNER_CHANGED\"]", "\"OWNER_CHANGED\",\"MEMBER_SUSPENDED\"]"));
        int id = InMemorySchemaRegistry.scope(SCOPE).register("t-value", newer);
        byte[] known = serde.serializer().serialize("t", event());
        byte[] sameBytesUnderTheNewerId = known.clone();
        sameBytesUnderTheNewerId[4] = (byte) id;

        assertThat(serde.deserializer().deserialize("t", sameBytesUnderTheNewerId)).isEqualTo(event());
    }

    @Test
    void anUnavailableRegistryIsNotAMalformedPayload() {
        SchemaRegistryClient down = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                throw new RegistryUnavailableException(503, "down");
            }

            @Override
            public Schema schemaById(int id) {
                throw new RegistryUnavailableException(503, "down");
            }
        };
        Serde<MembershipEvent> reader = ConfluentAvroSerde.forValues(MembershipEvent.class, down);
        byte[] bytes = serde.serializer().serialize("t", event());

        assertThatThrownBy(() -> reader.deserializer().deserialize("t", bytes))
                .isExactlyInstanceOf(RegistryUnavailableException.class);
    }

    private static byte[] framed(int id, byte[] body) {
        byte[] bytes = new byte[5 + body.length];
        bytes[1] = (byte) (id >>> 24);
        bytes[2] = (byte) (id >>> 16);
        bytes[3] = (byte) (id >>> 8);
        bytes[4] = (byte) id;
        System.arraycopy(body, 0, bytes, 5, body.length);
        return bytes;
    }

    private static MembershipEvent event() {
        return MembershipEvent.newBuilder()
                .setEventId("e-1").setType(MembershipEventType.MEMBER_ADDED).setOrgId("org-7").setMemberId("m-1")
                .setOccurredAt(Instant.parse("2026-11-02T09:00:00Z")).setRole(MemberRole.STANDARD)
                .setAdmin(true).setOwner(true).build();
    }
}
