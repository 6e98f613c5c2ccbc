package org.seatreconciler.streams.failure;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uncaught-exception policy of DESIGN.md section 8, as {@link FailureClassifier} sorts a failure:
 * <ul>
 *   <li>recoverable (a broker restart, a fenced or invalid transaction state, a time-out, anything not
 *       known to be fatal): the stream thread is replaced and, under exactly-once, resumes from its last
 *       commit. More than {@code replacementLimit} such replacements within {@code window} means it will
 *       not recover by itself: the process exits with {@link ExitStatus#KEEPS_FAILING};</li>
 *   <li>a schema registry outage: the thread is replaced after a pause, however often (it never rejects
 *       or skips the record it could not decode);</li>
 *   <li>fatal: one line saying why, the client shuts down and the process exits with the verdict's status,
 *       so an orchestrator's restart policy applies. A missing topic only on its third report within the
 *       window: right after a broker restart, stale metadata looks like a missing topic for a moment.</li>
 * </ul>
 */
public final class StreamThreadFailureHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailureHandler.class);

    private final Duration registryPause;
    private final Duration recoveryPause;
    private final int replacementLimit;
    private final Duration window;
    private final LongSupplier nanoTime;
    private final IntConsumer exit;
    /** A missing topic ends the process on its third report within the window, not on the first. */
    static final int MISSING_TOPIC_STRIKES = 3;

    private final Deque<Long> replacements = new ArrayDeque<>();
    private final Deque<Long> missingTopics = new ArrayDeque<>();

    /**
     * @param exit ends the process with a status; called at most once per fatal failure, on the failing
     *             stream thread, so it must not block (see {@link ProcessExit})
     */
    public StreamThreadFailureHandler(Duration registryPause, Duration recoveryPause, int replacementLimit,
                                      Duration window, LongSupplier nanoTime, IntConsumer exit) {
        this.registryPause = registryPause;
        this.recoveryPause = recoveryPause;
        this.replacementLimit = replacementLimit;
        this.window = window;
        this.nanoTime = nanoTime;
        this.exit = exit;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        FailureClassifier.Verdict verdict = FailureClassifier.classify(exception);
        switch (verdict.kind()) {
            case REGISTRY_OUTAGE -> {
                log.error("Schema registry unavailable ({}); replacing the stream thread in {} s, it resumes from its "
                        + "last commit", verdict.why(), registryPause.toSeconds());
                sleep(registryPause);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            case RECOVERABLE -> {
                if (tooManyReplacements()) {
                    return stop(ExitStatus.KEEPS_FAILING, "stream threads failed more than " + replacementLimit
                            + " times within " + window.toMinutes() + " min, last: " + verdict.why());
                }
                log.warn("Stream thread failed; replacing it, it resumes from its last commit", exception);
                sleep(recoveryPause);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            default -> {
                if (verdict.exit() == ExitStatus.MISSING_TOPIC && !strike(missingTopics, MISSING_TOPIC_STRIKES)) {
                    // stale metadata right after a broker restart looks the same: believe it the third time
                    log.warn("A topic it reads is missing ({}); replacing the stream thread in {} s to look again",
                            verdict.why(), registryPause.toSeconds());
                    sleep(registryPause);
                    return StreamThreadExceptionResponse.REPLACE_THREAD;
                }
                log.debug("Fatal stream failure", exception);
                return stop(verdict.exit(), verdict.why());
            }
        }
    }

    private StreamThreadExceptionResponse stop(ExitStatus status, String why) {
        log.error("Stopping the streams app with exit status {} ({}), a restart cannot fix it: {}", status.code(),
                status, why);
        exit.accept(status.code());
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private boolean tooManyReplacements() {
        return strike(replacements, replacementLimit + 1);
    }

    /** Records a failure at now; whether it is the {@code limit}-th (or later) within the window. */
    private synchronized boolean strike(Deque<Long> times, int limit) {
        long now = nanoTime.getAsLong();
        while (!times.isEmpty() && now - times.peekFirst() > window.toNanos()) {
            times.removeFirst();
        }
        times.addLast(now);
        return times.size() >= limit;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
