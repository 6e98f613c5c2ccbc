package org.seatreconciler.system.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches the streams app in the background: the process must stay alive unless the test killed it, its
 * client must never be in ERROR, and after every (re)start or broker bounce it must be RUNNING again
 * within a bound. Records what it saw, for the report.
 */
final class HealthWatch implements AutoCloseable {

    private final StreamsAppProcess app;
    private final Thread thread;
    private final List<String> problems = new ArrayList<>();
    private volatile boolean running = true;
    private boolean expectDown;
    private long notRunningSince = System.nanoTime();
    private long longestNotRunningNanos;
    private String lastState;

    HealthWatch(StreamsAppProcess app) {
        this.app = app;
        this.thread = new Thread(this::watch, "health-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The test is about to kill the app: it is down on purpose until {@link #started}. */
    synchronized void killing() {
        expectDown = true;
    }

    synchronized void started() {
        expectDown = false;
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized Duration longestNotRunning() {
        return Duration.ofNanos(Math.max(longestNotRunningNanos, lastState != null && lastState.equals("RUNNING")
                ? 0 : System.nanoTime() - notRunningSince));
    }

    synchronized String lastState() {
        return lastState;
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
        long now = System.nanoTime();
        if (!alive && !expectDown) {
            problems.add(String.format(Locale.ROOT, "the app exited on its own (status %d)",
                    app.process().exitValue()));
            expectDown = true; // reported once
        }
        if ("ERROR".equals(state) || "PENDING_ERROR".equals(state)) {
            if (!state.equals(lastState)) {
                problems.add("the streams client was in " + state);
            }
        }
        boolean wasRunning = "RUNNING".equals(lastState);
        boolean isRunning = "RUNNING".equals(state);
        if (wasRunning && !isRunning) {
            notRunningSince = now;
        } else if (!wasRunning && isRunning) {
            longestNotRunningNanos = Math.max(longestNotRunningNanos, now - notRunningSince);
        }
        if (alive || !expectDown) {
            lastState = state;
        } else {
            lastState = null;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
