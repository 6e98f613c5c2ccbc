package org.seatreconciler.local.pipeline;

import java.time.LocalDate;

import org.seatreconciler.local.output.DateResult;

/**
 * The nightly billing job inside a local run ({@link SpringNightlyJob}: {@code BatchApplication}
 * in this JVM, {@code NightlyBilling.bill(date)} per date).
 */
public interface NightlyJob extends AutoCloseable {

    /** Bills one date: writes {@code <out>/<date>/} and says what it wrote. Fails with a clear message otherwise. */
    DateResult bill(LocalDate date);

    @Override
    void close();

    @FunctionalInterface
    interface Launcher {
        NightlyJob start(LocalSettings settings);
    }
}
