package org.seatreconciler.local.pipeline;

/**
 * The streams app running inside a local run ({@link SpringStreamsRuntime}: {@code StreamsApplication}
 * in this JVM, outcomes from its {@code EventOutcomes} bean).
 */
public interface StreamsRuntime extends AutoCloseable {

    /** Counts since start; read after the pipeline has seen the group's lag reach 0. */
    Outcomes outcomes();

    /** Stops the app; its state lives under the run's work folder, which the pipeline removes. */
    @Override
    void close();

    /** Starts the streams app for a run; returns once it is running (it may still be rebalancing). */
    @FunctionalInterface
    interface Launcher {
        StreamsRuntime start(LocalSettings settings);
    }
}
