package org.seatreconciler.local.pipeline;

import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.local.output.DateResult;

/**
 * The nightly billing job inside a local run ({@link SpringNightlyJob}: {@code BatchApplication}
 * in this JVM, {@code NightlyBilling.bill(date)}).
 */
public interface NightlyJob extends AutoCloseable {

    /**
     * Bills {@code date} and, first, every date before it that is not billed yet (in order, with one read of
     * the topics): writes {@code <out>/<date>/} for each and says what it wrote, in date order. Fails with a
     * clear message otherwise.
     */
    List<DateResult> bill(LocalDate date);

    @Override
    void close();

    @FunctionalInterface
    interface Launcher {
        NightlyJob start(LocalSettings settings);
    }
}
