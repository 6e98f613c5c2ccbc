package org.seatreconciler.streams.config;

import java.time.Duration;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.seatreconciler.schemas.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that cannot be reached (or answers 5xx) is an outage, not bad input: after a pause
 * the stream thread is replaced and, under exactly-once, processes again from its last commit, so the
 * app recovers by itself when the registry is back. A registry that refuses a call for good (4xx: not
 * authorised, incompatible schema) and anything else keep Kafka's default: the client shuts down.
 */
public final class RegistryOutageHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutageHandler.class);

    private final Duration pause;

    public RegistryOutageHandler(Duration pause) {
        this.pause = pause;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry && isOutage(registry)) {
                log.error("Schema registry unavailable ({}); replacing the stream thread in {}, it resumes from "
                        + "its last commit", registry.getMessage(), pause);
                sleep();
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        log.error("Stream thread failed; shutting the streams client down", exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** Unreachable (no error code) or a server error: HTTP 5xx, or a Confluent code 5xxxx. */
    private static boolean isOutage(SchemaRegistryException e) {
        int code = e.errorCode();
        return code < 0 || (code >= 500 && code < 600) || code >= 50000;
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
