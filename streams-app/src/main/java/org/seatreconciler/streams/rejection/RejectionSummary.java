package org.seatreconciler.streams.rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rejections since the last summary, per reason: how many, and the first one's source and detail. The
 * log gets these lines every interval instead of a line per record (DESIGN.md section 8): a flood of bad
 * records is one line per reason, and the rejected topic keeps each record. Safe to record from any stream
 * thread while the summary thread drains it.
 */
public final class RejectionSummary {

    private final Map<String, Window> byReason = new TreeMap<>();

    /** One reason's rejections since the last summary. */
    public record Line(String reason, long count, String firstSource, String firstDetail) {
    }

    /** @param source where the record came from, {@code topic-partition@offset} */
    public synchronized void record(String reason, String source, String detail) {
        Window window = byReason.computeIfAbsent(reason, r -> new Window(source, detail));
        window.count++;
    }

    /** The lines since the last call, sorted by reason, and a fresh start; empty when nothing was rejected. */
    public synchronized List<Line> drain() {
        List<Line> lines = new ArrayList<>();
        byReason.forEach((reason, w) -> lines.add(new Line(reason, w.count, w.firstSource, w.firstDetail)));
        byReason.clear();
        return lines;
    }

    private static final class Window {
        private final String firstSource;
        private final String firstDetail;
        private long count;

        private Window(String firstSource, String firstDetail) {
            this.firstSource = firstSource;
            this.firstDetail = firstDetail;
        }
    }
}
