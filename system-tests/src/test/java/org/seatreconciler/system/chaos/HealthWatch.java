package org.seatreconciler.system.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches the streams app in the background, every 250 ms: the process must stay alive unless the test
 * killed it, its client must never be in ERROR, and it must not stay down. Two times are kept: how long each
 * start took to reach RUNNING (a start the test killed before that does not count), and how long the app,
 * once RUNNING, was out of RUNNING while nobody killed it (a broker bounce, a registry outage).
 */
final class HealthWatch implements AutoCloseable {

    private final StreamsAppProcess app;
    private final Thread thread;
    private final List<String> problems = new ArrayList<>();
    private volatile boolean running = true;
    private boolean killing;
    private long startedAt = System.nanoTime();
    private boolean awaitingRunning = true;
    private long droppedAt = -1;
    private long longestStartNanos;
    private long longestDropNanos;
    private int starts = 1;
    private int killedBeforeRunning;
    private String lastState;

    HealthWatch(StreamsAppProcess app) {
        this.app = app;
        this.thread = new Thread(this::watch, "health-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The test is about to kill the app: it is down on purpose until {@link #started}. */
    synchronized void killing() {
        killing = true;
        if (awaitingRunning) {
            killedBeforeRunning++;
        }
        if (droppedAt >= 0) {
            longestDropNanos = Math.max(longestDropNanos, System.nanoTime() - droppedAt);
            droppedAt = -1;
        }
    }

    synchronized void started() {
        killing = false;
        startedAt = System.nanoTime();
        awaitingRunning = true;
        starts++;
        lastState = null;
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The longest time a start took to reach RUNNING, and the longest time a RUNNING app was out of it. */
    synchronized Duration longestStart() {
        return Duration.ofNanos(awaitingRunning && !killing
                ? Math.max(longestStartNanos, System.nanoTime() - startedAt) : longestStartNanos);
    }

    synchronized Duration longestDrop() {
        return Duration.ofNanos(droppedAt >= 0 ? Math.max(longestDropNanos, System.nanoTime() - droppedAt)
                : longestDropNanos);
    }

    synchronized String summary() {
        return String.format(Locale.ROOT, "%d starts reached RUNNING within %.1f s at the most (%d killed before "
                        + "they got there); once RUNNING, out of it for %.1f s at the most without being killed",
                starts - killedBeforeRunning, longestStart().toMillis() / 1000.0, killedBeforeRunning,
                longestDrop().toMillis() / 1000.0);
    }

    private void watch() {
        while (running) {
            boolean alive = app.isAlive();
            String state = alive ? app.streamsState() : null;
            record(alive, state);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(boolean alive, String state) {
        if (killing) {
            return;
        }
        long now = System.nanoTime();
        if (!alive) {
            problems.add(String.format(Locale.ROOT, "the app exited on its own (status %d)", app.process().exitValue()));
            killing = true; // reported once
            return;
        }
        if (("ERROR".equals(state) || "PENDING_ERROR".equals(state)) && !state.equals(lastState)) {
            problems.add("the streams client was in " + state);
        }
        boolean isRunning = "RUNNING".equals(state);
        if (awaitingRunning && isRunning) {
            longestStartNanos = Math.max(longestStartNanos, now - startedAt);
            awaitingRunning = false;
        } else if (!awaitingRunning && !isRunning && droppedAt < 0) {
            droppedAt = now;
        } else if (isRunning && droppedAt >= 0) {
            longestDropNanos = Math.max(longestDropNanos, now - droppedAt);
            droppedAt = -1;
        }
        lastState = state;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
