package org.seatreconciler.streams.counting;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.seatreconciler.avro.MemberRole;

/**
 * Hand-written binary serdes for the state stores. The stores are private to this app (their changelog
 * topics are internal), so they need no schema registry. A leading format version byte says which layout
 * follows; every layout written before stays readable, so an upgraded app keeps its state:
 * <ul>
 *   <li>1: a member's state alone; an organisation's latest day alone (before issue 10);</li>
 *   <li>2: a member's state and the ids of the events applied to it; an organisation's latest day and the
 *   time its counts last changed.</li>
 * </ul>
 */
final class StoreSerdes {

    private static final byte V1 = 1;
    private static final byte V2 = 2;
    private static final int INSTANT_BYTES = 12;
    /** Epoch day, nine figures (the close's seven, two peaks), the last change. */
    private static final int DAY_BYTES = 8 + 9 * 4 + INSTANT_BYTES;

    private StoreSerdes() {
    }

    static Serde<MemberRecord> memberRecord() {
        return serde(StoreSerdes::memberSize, (out, m) -> {
            writeMember(out, m.state());
            List<AppliedEventIds.Applied> ids = m.applied().ids();
            out.putShort((short) ids.size());
            for (AppliedEventIds.Applied applied : ids) {
                writeUtf(out, applied.eventId());
                out.putLong(applied.appliedAtMs());
            }
        }, (in, version) -> {
            MemberState state = readMember(in);
            if (version == V1) {
                return new MemberRecord(state, AppliedEventIds.NONE);
            }
            int count = Short.toUnsignedInt(in.getShort());
            List<AppliedEventIds.Applied> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(new AppliedEventIds.Applied(readUtf(in), in.getLong()));
            }
            return new MemberRecord(state, new AppliedEventIds(ids));
        });
    }

    static Serde<OrgState> orgState() {
        return serde(o -> DAY_BYTES + 1 + INSTANT_BYTES, (out, o) -> {
            writeDay(out, o.latestDay());
            out.put((byte) (o.countsChangedAt() != null ? 1 : 0));
            if (o.countsChangedAt() != null) {
                writeInstant(out, o.countsChangedAt());
            }
        }, (in, version) -> {
            DailySeats day = readDay(in);
            if (version == V1) {
                // the time of the last change of the counts was not kept: the day's last change stands in for it
                return new OrgState(day, day.close().equals(SeatFigures.ZERO) ? null : day.lastChangedAt());
            }
            return new OrgState(day, in.get() != 0 ? readInstant(in) : null);
        });
    }

    private static void writeDay(ByteBuffer out, DailySeats d) {
        out.putLong(d.day().toEpochDay());
        writeFigures(out, d.close());
        out.putInt(d.peakBillableStandard());
        out.putInt(d.peakTotalMembers());
        writeInstant(out, d.lastChangedAt());
    }

    private static DailySeats readDay(ByteBuffer in) {
        return new DailySeats(LocalDate.ofEpochDay(in.getLong()), readFigures(in), in.getInt(), in.getInt(),
                readInstant(in));
    }

    /** An upper bound of the bytes a member record takes (modified UTF-8 takes at most 3 bytes a char). */
    private static int memberSize(MemberRecord m) {
        MemberState s = m.state();
        int size = 4 + stampSize(s.activeStamp()) + stampSize(s.roleStamp()) + stampSize(s.adminStamp())
                + stampSize(s.ownerStamp()) + 2;
        for (AppliedEventIds.Applied applied : m.applied().ids()) {
            size += 2 + 3 * applied.eventId().length() + 8;
        }
        return size;
    }

    private static int stampSize(Stamp stamp) {
        return stamp == null ? 1 : 1 + INSTANT_BYTES + 2 + 3 * stamp.eventId().length();
    }

    private static void writeMember(ByteBuffer out, MemberState m) {
        out.put((byte) (m.active() ? 1 : 0));
        writeStamp(out, m.activeStamp());
        out.put((byte) (m.role() == null ? -1 : m.role().ordinal()));
        writeStamp(out, m.roleStamp());
        out.put((byte) (m.admin() ? 1 : 0));
        writeStamp(out, m.adminStamp());
        out.put((byte) (m.owner() ? 1 : 0));
        writeStamp(out, m.ownerStamp());
    }

    private static MemberState readMember(ByteBuffer in) {
        boolean active = in.get() != 0;
        Stamp activeStamp = readStamp(in);
        byte role = in.get();
        Stamp roleStamp = readStamp(in);
        boolean admin = in.get() != 0;
        Stamp adminStamp = readStamp(in);
        boolean owner = in.get() != 0;
        Stamp ownerStamp = readStamp(in);
        return new MemberState(active, activeStamp, role < 0 ? null : MemberRole.values()[role], roleStamp,
                admin, adminStamp, owner, ownerStamp);
    }

    private static void writeFigures(ByteBuffer out, SeatFigures f) {
        out.putInt(f.standard());
        out.putInt(f.support());
        out.putInt(f.admins());
        out.putInt(f.owners());
        out.putInt(f.billableStandard());
        out.putInt(f.supportOnly());
        out.putInt(f.totalMembers());
    }

    private static SeatFigures readFigures(ByteBuffer in) {
        return new SeatFigures(in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.getInt(),
                in.getInt());
    }

    private static void writeStamp(ByteBuffer out, Stamp stamp) {
        out.put((byte) (stamp != null ? 1 : 0));
        if (stamp != null) {
            writeInstant(out, stamp.occurredAt());
            writeUtf(out, stamp.eventId());
        }
    }

    private static Stamp readStamp(ByteBuffer in) {
        return in.get() != 0 ? new Stamp(readInstant(in), readUtf(in)) : null;
    }

    private static void writeInstant(ByteBuffer out, Instant instant) {
        out.putLong(instant.getEpochSecond());
        out.putInt(instant.getNano());
    }

    private static Instant readInstant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    /** Modified UTF-8 behind its length, as {@code DataOutput#writeUTF}: NUL and chars above 0x7F take 2-3 bytes. */
    private static void writeUtf(ByteBuffer out, String s) {
        int lengthAt = out.position();
        out.putShort((short) 0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x01 && c <= 0x7F) {
                out.put((byte) c);
            } else if (c <= 0x7FF) {
                out.put((byte) (0xC0 | (c >> 6))).put((byte) (0x80 | (c & 0x3F)));
            } else {
                out.put((byte) (0xE0 | (c >> 12))).put((byte) (0x80 | ((c >> 6) & 0x3F))).put((byte) (0x80 | (c & 0x3F)));
            }
        }
        int length = out.position() - lengthAt - 2;
        if (length > 0xFFFF) {
            throw new SerializationException("String of " + length + " bytes is too long for a store value");
        }
        out.putShort(lengthAt, (short) length);
    }

    private static String readUtf(ByteBuffer in) {
        int end = Short.toUnsignedInt(in.getShort()) + in.position();
        if (end > in.limit()) {
            throw new BufferUnderflowException();
        }
        StringBuilder s = new StringBuilder(end - in.position());
        while (in.position() < end) {
            int b = in.get() & 0xFF;
            if (b < 0x80) {
                s.append((char) b);
            } else if ((b & 0xE0) == 0xC0) {
                s.append((char) (((b & 0x1F) << 6) | continuation(in, end)));
            } else if ((b & 0xF0) == 0xE0) {
                int middle = continuation(in, end);
                s.append((char) (((b & 0x0F) << 12) | (middle << 6) | continuation(in, end)));
            } else {
                throw new SerializationException("Malformed modified UTF-8 in a store value");
            }
        }
        return s.toString();
    }

    private static int continuation(ByteBuffer in, int end) {
        if (in.position() >= end) {
            throw new BufferUnderflowException();
        }
        int b = in.get() & 0xFF;
        if ((b & 0xC0) != 0x80) {
            throw new SerializationException("Malformed modified UTF-8 in a store value");
        }
        return b & 0x3F;
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(ByteBuffer out, T value);
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ByteBuffer in, byte version);
    }

    /** Writes the latest layout, {@value #V2}, into a buffer of at most {@code maxSize} bytes; reads every layout. */
    private static <T> Serde<T> serde(ToIntFunction<T> maxSize, Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteBuffer out = ByteBuffer.allocate(1 + maxSize.applyAsInt(value));
            out.put(V2);
            writer.write(out, value);
            return Arrays.copyOf(out.array(), out.position());
        };
        Deserializer<T> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                ByteBuffer in = ByteBuffer.wrap(data);
                byte version = in.get();
                if (version != V1 && version != V2) {
                    throw new SerializationException("Unknown store format version " + version + " in " + topic);
                }
                return reader.read(in, version);
            } catch (BufferUnderflowException e) {
                throw new SerializationException("Cannot read store value from " + topic + ": it ends too early", e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
