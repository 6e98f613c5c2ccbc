package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;

class StoreSerdesTest {

    private static final MemberState MEMBER = new MemberState(true, new Stamp(Instant.parse("2026-11-02T09:00:00.123Z"), "e1"),
            MemberRole.SUPPORT, new Stamp(Instant.parse("2026-11-02T09:00:01Z"), "e2"),
            true, null, false, new Stamp(Instant.parse("2026-11-02T09:00:02Z"), "é-3"));
    private static final DailySeats DAY = new DailySeats(LocalDate.parse("2026-10-02"),
            new SeatFigures(11, 16, 3, 1, 13, 14, 27), 13, 28, Instant.parse("2026-10-02T15:00:00Z"));

    @Test
    void memberRecordsRoundTrip() {
        MemberRecord m = new MemberRecord(MEMBER, new AppliedEventIds(List.of(
                new AppliedEventIds.Applied("e1", 1_790_000_000_000L), new AppliedEventIds.Applied("é-3", 1_790_000_000_123L))));

        assertThat(roundTrip(StoreSerdes.memberRecord(), m)).isEqualTo(m);
        assertThat(roundTrip(StoreSerdes.memberRecord(), MemberRecord.UNKNOWN)).isEqualTo(MemberRecord.UNKNOWN);
    }

    @Test
    void orgStatesRoundTrip() {
        OrgState counted = new OrgState(DAY, Instant.parse("2026-10-02T14:00:00.5Z"));
        OrgState neverCounted = new OrgState(new DailySeats(LocalDate.parse("2026-10-02"), SeatFigures.ZERO, 0, 0,
                Instant.parse("2026-10-02T15:00:00Z")), null);

        assertThat(roundTrip(StoreSerdes.orgState(), counted)).isEqualTo(counted);
        assertThat(roundTrip(StoreSerdes.orgState(), neverCounted)).isEqualTo(neverCounted);
    }

    @Test
    void memberRecordsKeepLayout2() throws IOException {
        // the layout the stores and their changelogs hold from issue 10 on: DataOutputStream's, writeUTF for ids
        for (String eventId : new String[] {"b-12345", "", "é-3", "nul\u0000id", "\uD83D\uDE00-emoji"}) {
            MemberState state = new MemberState(true, new Stamp(Instant.parse("2026-11-02T09:00:00.123Z"), eventId),
                    MemberRole.STANDARD, new Stamp(Instant.parse("2026-11-02T09:00:01Z"), "e2"),
                    false, null, true, new Stamp(Instant.parse("1969-12-31T23:59:59.5Z"), eventId));
            MemberRecord m = new MemberRecord(state, new AppliedEventIds(List.of(new AppliedEventIds.Applied(eventId, 42L))));

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(expected)) {
                out.writeByte(2);
                writeMemberBody(out, state);
                out.writeShort(1);
                out.writeUTF(eventId);
                out.writeLong(42L);
            }
            byte[] bytes = StoreSerdes.memberRecord().serializer().serialize("t", m);

            assertThat(bytes).isEqualTo(expected.toByteArray());
            assertThat(StoreSerdes.memberRecord().deserializer().deserialize("t", bytes)).isEqualTo(m);
        }
    }

    @Test
    void aMemberOfLayout1ReadsWithNoAppliedIds() throws IOException {
        // what the app wrote before issue 10: version 1, the member's state alone
        ByteArrayOutputStream layout1 = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(layout1)) {
            out.writeByte(1);
            writeMemberBody(out, MEMBER);
        }

        assertThat(StoreSerdes.memberRecord().deserializer().deserialize("t", layout1.toByteArray()))
                .isEqualTo(new MemberRecord(MEMBER, AppliedEventIds.NONE));
    }

    @Test
    void aLatestDayOfLayout1ReadsAsTheOrgStateWithTheDaysLastChange() throws IOException {
        assertThat(StoreSerdes.orgState().deserializer().deserialize("t", layout1Day(DAY)))
                .isEqualTo(new OrgState(DAY, Instant.parse("2026-10-02T15:00:00Z")));
        DailySeats zeros = new DailySeats(LocalDate.parse("2026-10-02"), SeatFigures.ZERO, 0, 0,
                Instant.parse("2026-10-02T15:00:00Z"));
        // no counts to publish or query: as if they never changed
        assertThat(StoreSerdes.orgState().deserializer().deserialize("t", layout1Day(zeros)))
                .isEqualTo(new OrgState(zeros, null));
    }

    @Test
    void aTruncatedValueOrAnUnknownVersionIsASerializationError() {
        byte[] member = StoreSerdes.memberRecord().serializer().serialize("t", new MemberRecord(
                new MemberState(true, new Stamp(Instant.parse("2026-11-02T09:00:00Z"), "e1"), null, null, false, null,
                        false, null), new AppliedEventIds(List.of(new AppliedEventIds.Applied("e1", 7L)))));
        byte[] org = StoreSerdes.orgState().serializer().serialize("t", new OrgState(DAY, Instant.EPOCH));

        for (int length = 0; length < member.length; length++) {
            byte[] truncated = Arrays.copyOf(member, length);
            assertThatThrownBy(() -> StoreSerdes.memberRecord().deserializer().deserialize("t", truncated))
                    .isInstanceOf(SerializationException.class);
        }
        for (int length = 0; length < org.length; length++) {
            byte[] truncated = Arrays.copyOf(org, length);
            assertThatThrownBy(() -> StoreSerdes.orgState().deserializer().deserialize("t", truncated))
                    .isInstanceOf(SerializationException.class);
        }
        byte[] version3 = member.clone();
        version3[0] = 3;
        assertThatThrownBy(() -> StoreSerdes.memberRecord().deserializer().deserialize("t", version3))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown store format version 3 in t");
    }

    private static byte[] layout1Day(DailySeats d) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(d.day().toEpochDay());
            SeatFigures f = d.close();
            for (int figure : new int[] {f.standard(), f.support(), f.admins(), f.owners(), f.billableStandard(),
                    f.supportOnly(), f.totalMembers(), d.peakBillableStandard(), d.peakTotalMembers()}) {
                out.writeInt(figure);
            }
            out.writeLong(d.lastChangedAt().getEpochSecond());
            out.writeInt(d.lastChangedAt().getNano());
        }
        return bytes.toByteArray();
    }

    private static void writeMemberBody(DataOutputStream out, MemberState m) throws IOException {
        out.writeBoolean(m.active());
        writeStamp(out, m.activeStamp());
        out.writeByte(m.role() == null ? -1 : m.role().ordinal());
        writeStamp(out, m.roleStamp());
        out.writeBoolean(m.admin());
        writeStamp(out, m.adminStamp());
        out.writeBoolean(m.owner());
        writeStamp(out, m.ownerStamp());
    }

    private static void writeStamp(DataOutputStream out, Stamp stamp) throws IOException {
        out.writeBoolean(stamp != null);
        if (stamp != null) {
            out.writeLong(stamp.occurredAt().getEpochSecond());
            out.writeInt(stamp.occurredAt().getNano());
            out.writeUTF(stamp.eventId());
        }
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
