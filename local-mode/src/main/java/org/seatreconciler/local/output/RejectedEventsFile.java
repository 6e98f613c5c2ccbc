package org.seatreconciler.local.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.batch.files.AtomicFiles;
import org.seatreconciler.schemas.events.MembershipEvents;

/**
 * {@code <out>/rejected-events.jsonl}: one JSON object per rejected input line or topology rejection.
 * It grows aside while the run goes on (input lines during the import, topology rejections at the end)
 * and is moved into place by {@link #commit}; closing without committing removes it.
 *
 * <pre>
 * {"source":"input","line":N,"reason":...,"detail":...,"original":"the line"}
 * {"source":"topology","reason":...,"detail":...,"eventId":...,"partition":P,"offset":O,"event":{...}}
 * </pre>
 * A topology rejection whose payload cannot be decoded as an event carries {@code "payload"} (base64)
 * instead of {@code "event"}.
 */
public final class RejectedEventsFile implements RejectedLines, AutoCloseable {

    public static final String FILE_NAME = "rejected-events.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path target;
    private final Path aside;
    private final BufferedWriter writer;
    private boolean committed;

    private RejectedEventsFile(Path target, Path aside, BufferedWriter writer) {
        this.target = target;
        this.aside = aside;
        this.writer = writer;
    }

    public static RejectedEventsFile open(Path outDir) {
        Path target = outDir.resolve(FILE_NAME);
        Path aside = AtomicFiles.tempFileOf(target);
        try {
            Files.createDirectories(outDir);
            return new RejectedEventsFile(target, aside, Files.newBufferedWriter(aside, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void inputLine(long line, String reason, String detail, String original) {
        append(inputLineJson(line, reason, detail, original));
    }

    /** One rejected input line as this file holds it; {@code publish} prints the same objects. */
    public static ObjectNode inputLineJson(long line, String reason, String detail, String original) {
        return JSON.createObjectNode()
                .put("source", "input")
                .put("line", line)
                .put("reason", reason)
                .put("detail", detail)
                .put("original", original);
    }

    /**
     * A record of the rejected topic, with its payload decoded when it is an event.
     *
     * @param decoded the payload as an event, empty when it is not one (MALFORMED bytes)
     */
    public synchronized void topology(RejectedEvent rejected, Optional<MembershipEvent> decoded) {
        ObjectNode node = JSON.createObjectNode()
                .put("source", "topology")
                .put("reason", rejected.getReason())
                .put("detail", rejected.getDetail())
                .put("eventId", rejected.getEventId())
                .put("partition", rejected.getSourcePartition())
                .put("offset", rejected.getSourceOffset());
        if (decoded.isPresent()) {
            node.set("event", parse(MembershipEvents.toJson(decoded.get())));
        } else if (rejected.getPayload() != null) {
            node.put("payload", Base64.getEncoder().encodeToString(bytes(rejected.getPayload())));
        }
        append(node);
    }

    /** Flushes and moves the file into place. */
    public synchronized void commit() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            AtomicFiles.moveIntoPlace(aside, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + aside + " to " + target + ": " + e.getMessage(), e);
        }
        committed = true;
    }

    public Path path() {
        return target;
    }

    @Override
    public synchronized void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
            Files.deleteIfExists(aside);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + aside + ": " + e.getMessage(), e);
        }
    }

    private void append(ObjectNode node) {
        try {
            writer.write(JSON.writeValueAsString(node));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("MembershipEvents.toJson gave invalid JSON", e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
