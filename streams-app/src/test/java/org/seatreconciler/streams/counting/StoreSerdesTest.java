package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;

class StoreSerdesTest {

    @Test
    void memberStatesRoundTrip() {
        MemberState m = new MemberState(true, new Stamp(Instant.parse("2026-11-02T09:00:00.123Z"), "e1"),
                MemberRole.SUPPORT, new Stamp(Instant.parse("2026-11-02T09:00:01Z"), "e2"),
                true, null, false, new Stamp(Instant.parse("2026-11-02T09:00:02Z"), "é-3"));

        assertThat(roundTrip(StoreSerdes.memberState(), m)).isEqualTo(m);
        assertThat(roundTrip(StoreSerdes.memberState(), MemberState.UNKNOWN)).isEqualTo(MemberState.UNKNOWN);
    }

    @Test
    void daysRoundTrip() {
        DailySeats d = new DailySeats(LocalDate.parse("2026-10-02"), new SeatFigures(11, 16, 3, 1, 13, 14, 27),
                13, 28, Instant.parse("2026-10-02T15:00:00Z"));

        assertThat(roundTrip(StoreSerdes.dailySeats(), d)).isEqualTo(d);
    }

    @Test
    void memberStatesKeepTheDataOutputStreamLayout() throws IOException {
        // the layout the stores and their changelogs already hold: DataOutputStream's, writeUTF for ids
        for (String eventId : new String[] {"b-12345", "", "é-3", "nul\u0000id", "\uD83D\uDE00-emoji"}) {
            MemberState m = new MemberState(true, new Stamp(Instant.parse("2026-11-02T09:00:00.123Z"), eventId),
                    MemberRole.STANDARD, new Stamp(Instant.parse("2026-11-02T09:00:01Z"), "e2"),
                    false, null, true, new Stamp(Instant.parse("1969-12-31T23:59:59.5Z"), eventId));

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(expected)) {
                out.writeByte(1);
                out.writeBoolean(true);
                writeStamp(out, m.activeStamp());
                out.writeByte(MemberRole.STANDARD.ordinal());
                writeStamp(out, m.roleStamp());
                out.writeBoolean(false);
                out.writeBoolean(false);
                out.writeBoolean(true);
                writeStamp(out, m.ownerStamp());
            }
            byte[] bytes = StoreSerdes.memberState().serializer().serialize("t", m);

            assertThat(bytes).isEqualTo(expected.toByteArray());
            assertThat(StoreSerdes.memberState().deserializer().deserialize("t", bytes)).isEqualTo(m);
        }
    }

    @Test
    void aTruncatedValueIsASerializationError() {
        byte[] bytes = StoreSerdes.memberState().serializer().serialize("t",
                new MemberState(true, new Stamp(Instant.parse("2026-11-02T09:00:00Z"), "e1"), null, null,
                        false, null, false, null));

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> StoreSerdes.memberState().deserializer().deserialize("t", truncated))
                    .isInstanceOf(SerializationException.class);
        }
    }

    private static void writeStamp(DataOutputStream out, Stamp stamp) throws IOException {
        out.writeBoolean(true);
        out.writeLong(stamp.occurredAt().getEpochSecond());
        out.writeInt(stamp.occurredAt().getNano());
        out.writeUTF(stamp.eventId());
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
