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

    /**
     * Bills nothing: writes {@code <out>/preview/<date>/} for every date from {@code from} to {@code to}, the files
     * the nightly job would write, computed in order from the figures known now (a new ledger starts at
     * {@code from}).
     */
    List<DateResult> preview(LocalDate from, LocalDate to);

    /**
     * Why {@code orgId} is billed what it is on {@code date}: from the ledger when the date is billed, else from a
     * preview starting at {@code from}; as text, or one JSON object.
     */
    String explain(String orgId, LocalDate date, LocalDate from, boolean json);

    @Override
    void close();

    @FunctionalInterface
    interface Launcher {
        NightlyJob start(LocalSettings settings);
    }
}
