package org.seatreconciler.streams.counting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.seatreconciler.avro.MemberRole;

/**
 * Hand-written binary serdes for the state stores. The stores are private to this app (their changelog
 * topics are internal), so they need no schema registry; a leading format version byte leaves room
 * to change the layout later.
 */
final class StoreSerdes {

    private static final byte VERSION = 1;

    private StoreSerdes() {
    }

    static Serde<MemberState> memberState() {
        return serde(StoreSerdes::writeMember, StoreSerdes::readMember);
    }

    static Serde<SeatFigures> seatFigures() {
        return serde(StoreSerdes::writeFigures, StoreSerdes::readFigures);
    }

    static Serde<DailySeats> dailySeats() {
        return serde((out, d) -> {
            out.writeLong(d.day().toEpochDay());
            writeFigures(out, d.close());
            out.writeInt(d.peakBillableStandard());
            out.writeInt(d.peakTotalMembers());
            writeInstant(out, d.lastChangedAt());
        }, in -> new DailySeats(LocalDate.ofEpochDay(in.readLong()), readFigures(in), in.readInt(), in.readInt(),
                readInstant(in)));
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
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
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
                if (version != VERSION) {
                    throw new SerializationException("Unknown store format version " + version + " in " + topic);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("Cannot read store value from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
