package org.seatreconciler.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;

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

    private static MembershipEvent event() {
        return MembershipEvent.newBuilder()
                .setEventId("e-1").setType(MembershipEventType.MEMBER_ADDED).setOrgId("org-7").setMemberId("m-1")
                .setOccurredAt(Instant.parse("2026-11-02T09:00:00Z")).setRole(MemberRole.STANDARD)
                .setAdmin(true).setOwner(true).build();
    }
}
