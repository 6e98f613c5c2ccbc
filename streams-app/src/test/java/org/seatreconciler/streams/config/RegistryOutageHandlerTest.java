package org.seatreconciler.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.seatreconciler.schemas.registry.SchemaRegistryException;

class RegistryOutageHandlerTest {

    private final RegistryOutageHandler handler = new RegistryOutageHandler();

    @Test
    void anUnreachableRegistryReplacesTheThread() {
        Throwable failure = new StreamsException("Exception caught in process",
                new SchemaRegistryException("Schema registry at http://registry:8081/ unreachable: Connection refused",
                        new java.net.ConnectException("Connection refused")));

        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anythingElseShutsTheClientDown() {
        Throwable failure = new StreamsException("Exception caught in process", new IllegalStateException("bug"));

        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
