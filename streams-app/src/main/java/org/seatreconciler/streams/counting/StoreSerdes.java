package org.seatreconciler.streams.counting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    private StoreSerdes() {
    }

    static Serde<MemberRecord> memberRecord() {
        return serde((out, m) -> {
            writeMember(out, m.state());
            List<AppliedEventIds.Applied> ids = m.applied().ids();
            out.writeShort(ids.size());
            for (AppliedEventIds.Applied applied : ids) {
                out.writeUTF(applied.eventId());
                out.writeLong(applied.appliedAtMs());
            }
        }, (in, version) -> {
            MemberState state = readMember(in);
            if (version == V1) {
                return new MemberRecord(state, AppliedEventIds.NONE);
            }
            List<AppliedEventIds.Applied> ids = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                ids.add(new AppliedEventIds.Applied(in.readUTF(), in.readLong()));
            }
            return new MemberRecord(state, new AppliedEventIds(ids));
        });
    }

    static Serde<OrgState> orgState() {
        return serde((out, o) -> {
            writeDay(out, o.latestDay());
            out.writeBoolean(o.countsChangedAt() != null);
            if (o.countsChangedAt() != null) {
                writeInstant(out, o.countsChangedAt());
            }
        }, (in, version) -> {
            DailySeats day = readDay(in);
            if (version == V1) {
                // the time of the last change of the counts was not kept: the day's last change stands in for it
                return new OrgState(day, day.close().equals(SeatFigures.ZERO) ? null : day.lastChangedAt());
            }
            return new OrgState(day, in.readBoolean() ? readInstant(in) : null);
        });
    }

    private static void writeDay(DataOutputStream out, DailySeats d) throws IOException {
        out.writeLong(d.day().toEpochDay());
        writeFigures(out, d.close());
        out.writeInt(d.peakBillableStandard());
        out.writeInt(d.peakTotalMembers());
        writeInstant(out, d.lastChangedAt());
    }

    private static DailySeats readDay(DataInputStream in) throws IOException {
        return new DailySeats(LocalDate.ofEpochDay(in.readLong()), readFigures(in), in.readInt(), in.readInt(),
                readInstant(in));
    }

    private static void writeMember(DataOutputStream out, MemberState m) throws IOException {
        out.writeBoolean(m.active());
        writeStamp(out, m.activeStamp());
        out.writeByte(m.role() == null ? -1 : m.role().ordinal());
        writeStamp(out, m.roleStamp());
        out.writeBoolean(m.admin());
        writeStamp(out, m.adminStamp());
        out.writeBoolean(m.owner());
        writeStamp(out, m.ownerStamp());
    }

    private static MemberState readMember(DataInputStream in) throws IOException {
        boolean active = in.readBoolean();
        Stamp activeStamp = readStamp(in);
        byte role = in.readByte();
        Stamp roleStamp = readStamp(in);
        boolean admin = in.readBoolean();
        Stamp adminStamp = readStamp(in);
        boolean owner = in.readBoolean();
        Stamp ownerStamp = readStamp(in);
        return new MemberState(active, activeStamp, role < 0 ? null : MemberRole.values()[role], roleStamp,
                admin, adminStamp, owner, ownerStamp);
    }

    private static void writeFigures(DataOutputStream out, SeatFigures f) throws IOException {
        out.writeInt(f.standard());
        out.writeInt(f.support());
        out.writeInt(f.admins());
        out.writeInt(f.owners());
        out.writeInt(f.billableStandard());
        out.writeInt(f.supportOnly());
        out.writeInt(f.totalMembers());
    }

    private static SeatFigures readFigures(DataInputStream in) throws IOException {
        return new SeatFigures(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt());
    }

    private static void writeStamp(DataOutputStream out, Stamp stamp) throws IOException {
        out.writeBoolean(stamp != null);
        if (stamp != null) {
            writeInstant(out, stamp.occurredAt());
            out.writeUTF(stamp.eventId());
        }
    }

    private static Stamp readStamp(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Stamp(readInstant(in), in.readUTF()) : null;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in, byte version) throws IOException;
    }

    /** Writes the latest layout, {@value #V2}; reads every layout. */
    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(V2);
                writer.write(out, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != V1 && version != V2) {
                    throw new SerializationException("Unknown store format version " + version + " in " + topic);
                }
                return reader.read(in, version);
            } catch (IOException e) {
                throw new SerializationException("Cannot read store value from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
