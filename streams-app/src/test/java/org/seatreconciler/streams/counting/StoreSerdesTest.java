package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

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

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
