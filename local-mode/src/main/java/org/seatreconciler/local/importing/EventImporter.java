package org.seatreconciler.local.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.output.RejectedLines;
import org.seatreconciler.schemas.events.InvalidEventException;
import org.seatreconciler.schemas.events.MembershipEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an events file line by line (it may hold millions: it is never loaded whole) onto the
 * membership events topic, keyed by orgId, through any {@link Producer}. Lines that are not valid events
 * go to {@link RejectedLines} as MALFORMED with their line number: not exactly one JSON object, a broken
 * identifier, not valid UTF-8 ({@link Utf8Lines}: that line alone, the import goes on). A byte-order mark
 * at the start is skipped; blank lines are skipped and not counted. Whether an event is dated too far
 * ahead is the topology's judgement (FUTURE_TIMESTAMP, on its processing time), not the import's. Sends
 * are asynchronous; the first failed send fails the import.
 */
public final class EventImporter {

    public static final String MALFORMED = "MALFORMED";
    private static final Logger log = LoggerFactory.getLogger(EventImporter.class);

    private final Producer<String, MembershipEvent> producer;
    private final String topic;
    private final RejectedLines rejectedLines;
    private final PrintStream console;

    public EventImporter(Producer<String, MembershipEvent> producer, String topic, RejectedLines rejectedLines,
                         PrintStream console) {
        this.producer = producer;
        this.topic = topic;
        this.rejectedLines = rejectedLines;
        this.console = console;
    }

    public ImportResult importFile(Path events) {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        ProgressMeter progress = ProgressMeter.everyTwoSeconds(console);
        long lineNumber = 0;
        long read = 0;
        long published = 0;
        TreeMap<String, Long> rejected = new TreeMap<>();
        try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(events))) {
            Utf8Lines.Line line;
            while ((line = lines.next()) != null) {
                lineNumber = line.number();
                if (line.problem() == null && line.text().isBlank()) {
                    continue;
                }
                read++;
                progress.lineRead(read);
                MembershipEvent event;
                try {
                    if (line.problem() != null) {
                        throw new InvalidEventException(line.problem());
                    }
                    event = MembershipEvents.fromJson(line.text());
                } catch (InvalidEventException e) {
                    log.debug("Line {} of {} is malformed: {}", lineNumber, events, e.getMessage());
                    rejectedLines.inputLine(lineNumber, MALFORMED, e.getMessage(), line.text());
                    rejected.merge(MALFORMED, 1L, Long::sum);
                    continue;
                }
                failIfSendFailed(sendFailure);
                producer.send(new ProducerRecord<>(topic, event.getOrgId(), event), (metadata, error) -> {
                    if (error != null) {
                        sendFailure.compareAndSet(null, error);
                    }
                });
                published++;
            }
        } catch (IOException e) {
            throw new ReconcilerException("cannot read " + events + " at line " + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
        producer.flush();
        failIfSendFailed(sendFailure);
        console.println(String.format(Locale.ROOT, "  %,d events read, %,d published, %,d rejected on input (%,d events/s)",
                read, published, read - published, progress.rateNow(read)));
        return ImportResult.of(read, published, rejected);
    }

    private void failIfSendFailed(AtomicReference<Exception> failure) {
        Exception error = failure.get();
        if (error != null) {
            throw new ReconcilerException("publishing to " + topic + " failed: " + error.getMessage(), error);
        }
    }
}
