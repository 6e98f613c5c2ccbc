package org.seatreconciler.local.importing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Prints a progress line to the console every interval while a long file is read: lines so far and rate. */
public final class ProgressMeter {

    private final PrintStream console;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final long startNanos;
    private long nextReportNanos;

    public ProgressMeter(PrintStream console, LongSupplier nanoTime, Duration interval) {
        this.console = console;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.startNanos = nanoTime.getAsLong();
        this.nextReportNanos = startNanos + intervalNanos;
    }

    public static ProgressMeter everyTwoSeconds(PrintStream console) {
        return new ProgressMeter(console, System::nanoTime, Duration.ofSeconds(2));
    }

    /** Cheap enough to call for every line: it reads the clock only every 1024 lines. */
    public void lineRead(long linesRead) {
        if ((linesRead & 1023) != 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now >= nextReportNanos) {
            nextReportNanos = now + intervalNanos;
            console.println(String.format(Locale.ROOT, "  ... %,d lines read (%,d events/s)", linesRead, rate(linesRead, now)));
        }
    }

    public long rate(long count, long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        return Math.round(count / seconds);
    }

    public long elapsedMillis() {
        return (nanoTime.getAsLong() - startNanos) / 1_000_000;
    }

    public long rateNow(long count) {
        return rate(count, nanoTime.getAsLong());
    }
}
