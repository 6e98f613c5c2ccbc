package org.seatreconciler.streams.config;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.seatreconciler.schemas.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that cannot be reached is an outage, not bad input: the stream thread is replaced
 * and, under exactly-once, processes again from its last commit, so the app recovers by itself when
 * the registry is back. Anything else keeps Kafka's default, shutting the client down.
 */
public final class RegistryOutageHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutageHandler.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                log.error("Schema registry call failed ({}); replacing the stream thread, which resumes from "
                        + "its last commit", registry.getMessage());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        log.error("Stream thread failed; shutting the streams client down", exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
