package org.seatreconciler.streams.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.seatreconciler.streams.rejection.RejectionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every interval, one WARN line per rejection reason seen since the previous one: how many, and the
 * first one's source offset and detail (DESIGN.md section 8). The rejected topic holds every rejected
 * record; the log says that there were some, without a line per record. The last lines are written on
 * close, so a stop does not lose them.
 */
public final class RejectionSummaryLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RejectionSummaryLog.class);

    private final Supplier<List<RejectionSummary.Line>> drain;
    private final String rejectedTopic;
    private final ScheduledExecutorService scheduler;
    private long lastNanos = System.nanoTime();

    /**
     * @param drain the rejections since the previous call ({@code EventOutcomes::drainRejectionSummary})
     */
    public RejectionSummaryLog(Supplier<List<RejectionSummary.Line>> drain, String rejectedTopic, Duration interval) {
        this.drain = drain;
        this.rejectedTopic = rejectedTopic;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rejection-summary");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::logSummary, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes the lines for the rejections since the previous summary, if any. */
    synchronized void logSummary() {
        long now = System.nanoTime();
        long seconds = Math.round((now - lastNanos) / 1e9);
        lastNanos = now;
        for (RejectionSummary.Line line : drain.get()) {
            log.warn(line(line, seconds));
        }
    }

    String line(RejectionSummary.Line line, long seconds) {
        return String.format(Locale.ROOT, "%,d record(s) rejected as %s in the last %d s (each is on %s); first: %s: %s",
                line.count(), line.reason(), seconds, rejectedTopic, line.firstSource(), line.firstDetail());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        logSummary();
    }
}
