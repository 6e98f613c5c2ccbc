package org.seatreconciler.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;

class MembershipEventsTest {

    @Test
    void parsesTheDesignExampleAndIgnoresUnknownFields() {
        MembershipEvent event = MembershipEvents.fromJson("{\"eventId\":\"e-1\",\"type\":\"MEMBER_ADDED\","
                + "\"orgId\":\"org-7\",\"memberId\":\"m-1\",\"role\":\"STANDARD\",\"admin\":true,\"owner\":true,"
                + "\"occurredAt\":\"2026-11-02T09:00:00Z\",\"email\":\"ignored\"}");

        assertThat(event).isEqualTo(MembershipEvent.newBuilder()
                .setEventId("e-1").setType(MembershipEventType.MEMBER_ADDED).setOrgId("org-7").setMemberId("m-1")
                .setOccurredAt(Instant.parse("2026-11-02T09:00:00Z")).setRole(MemberRole.STANDARD)
                .setAdmin(true).setOwner(true).build());
    }

    @Test
    void writesJsonThatParsesBackToTheSameEvent() {
        String line = "{\"eventId\":\"e-2\",\"type\":\"ROLE_CHANGED\",\"orgId\":\"org-7\",\"memberId\":\"m-2\","
                + "\"occurredAt\":\"2026-11-03T10:00:00Z\",\"actorId\":\"m-1\",\"role\":\"SUPPORT\"}";

        assertThat(MembershipEvents.toJson(MembershipEvents.fromJson(line))).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            this line is not JSON                                                                    | not JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
            [1,2]                                                                                    | not a JSON object
            {"type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"}   | eventId is missing
            {"eventId":"","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | eventId is empty
            {"eventId":"e","type":"MEMBER_JOINED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | unknown type 'MEMBER_JOINED', expected one of [MEMBER_ADDED, MEMBER_REMOVED, ROLE_CHANGED, ADMIN_CHANGED, OWNER_CHANGED]
            {"eventId":"e","type":"MEMBER_ADDED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z","role":"ADMIN"} | unknown role 'ADMIN', expected one of [STANDARD, SUPPORT]
            {"eventId":"e","type":"MEMBER_ADDED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | role is required for MEMBER_ADDED
            {"eventId":"e","type":"ADMIN_CHANGED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z","admin":"yes"} | admin must be true, false or null, got "yes"
            {"eventId":"e","type":"OWNER_CHANGED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | owner is required for OWNER_CHANGED
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"yesterday"} | occurredAt 'yesterday' is not an ISO-8601 instant such as 2026-11-02T09:00:00Z
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":7,"memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | orgId must be a string, got 7
            """)
    void rejectsMalformedLinesWithADetail(String line, String detail) {
        assertThatThrownBy(() -> MembershipEvents.fromJson(line))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage(detail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} x
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"}{}
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} {"eventId":"f"}
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} 42
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"}]
            """)
    void aLineIsExactlyOneJsonObject(String line) {
        assertThatThrownBy(() -> MembershipEvents.fromJson(line))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("text after the JSON object (a line must be exactly one JSON object)");
    }

    @Test
    void whiteSpaceAroundTheObjectIsFine() {
        assertThat(MembershipEvents.fromJson(" {\"eventId\":\"e\",\"type\":\"MEMBER_REMOVED\",\"orgId\":\"o\","
                + "\"memberId\":\"m\",\"occurredAt\":\"2026-01-01T00:00:00Z\"} \t").getEventId()).isEqualTo("e");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","orgId":"p","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | not JSON: Duplicate field 'orgId'
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"=HYPERLINK(1)","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | orgId starts with '=' (U+003D), not a letter or a digit
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"n","memberId":"a\\u0000b","occurredAt":"2026-01-01T00:00:00Z"} | memberId contains U+0000 at position 2 (allowed: letters, digits and . _ : @ + -)
            {"eventId":"e 1","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"2026-01-01T00:00:00Z"} | eventId contains U+0020 at position 2 (allowed: letters, digits and . _ : @ + -)
            {"eventId":"e","type":"ROLE_CHANGED","orgId":"o","memberId":"m","actorId":"a;b","role":"SUPPORT","occurredAt":"2026-01-01T00:00:00Z"} | actorId contains ';' (U+003B) at position 2 (allowed: letters, digits and . _ : @ + -)
            {"eventId":"e","type":"ROLE_CHANGED","orgId":"o","memberId":"m","actorId":"","role":"SUPPORT","occurredAt":"2026-01-01T00:00:00Z"} | actorId is empty
            {"eventId":"e","type":"MEMBER_REMOVED","orgId":"o","memberId":"m","occurredAt":"+999999999-12-31T23:59:59Z"} | occurredAt '+999999999-12-31T23:59:59Z' is out of range
            """)
    void identifiersDuplicateFieldsAndTimesOutOfRangeAreMalformed(String line, String detail) {
        assertThatThrownBy(() -> MembershipEvents.fromJson(line))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage(detail);
    }

    @Test
    void aLongIdentifierIsNamedByItsLengthNotEchoed() {
        String line = "{\"eventId\":\"e\",\"type\":\"MEMBER_REMOVED\",\"orgId\":\"" + "o".repeat(10_000)
                + "\",\"memberId\":\"m\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";

        assertThatThrownBy(() -> MembershipEvents.fromJson(line))
                .hasMessage("orgId is 10000 characters long, more than 128");
    }

    @Test
    void theAvroFormIsCheckedByTheSameRule() {
        MembershipEvent event = MembershipEvent.newBuilder()
                .setEventId("e-1").setType(MembershipEventType.MEMBER_REMOVED).setOrgId("n").setMemberId("a\u0000b")
                .setOccurredAt(Instant.parse("2026-11-02T09:00:00Z")).build();

        assertThat(MembershipEvents.malformation(event))
                .hasValue("memberId contains U+0000 at position 2 (allowed: letters, digits and . _ : @ + -)");
    }

    @Test
    void aRoleChangeWithoutActorIsWellFormed() {
        MembershipEvent event = MembershipEvents.fromJson("{\"eventId\":\"e\",\"type\":\"ROLE_CHANGED\",\"orgId\":\"o\","
                + "\"memberId\":\"m\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"role\":\"SUPPORT\"}");

        assertThat(event.getActorId()).isNull();
        assertThat(MembershipEvents.malformation(event)).isEmpty();
    }
}
