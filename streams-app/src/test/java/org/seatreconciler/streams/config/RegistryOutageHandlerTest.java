package org.seatreconciler.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.seatreconciler.schemas.registry.SchemaRegistryException;

class RegistryOutageHandlerTest {

    private final RegistryOutageHandler handler = new RegistryOutageHandler(Duration.ZERO);

    @Test
    void anUnreachableRegistryReplacesTheThread() {
        assertThat(handler.handle(failure(new SchemaRegistryException(
                "Schema registry at http://registry:8081/ unreachable: Connection refused", new ConnectException()))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void aServerErrorReplacesTheThread() {
        assertThat(handler.handle(failure(new SchemaRegistryException(50001, "Error in the backend data store"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(handler.handle(failure(new SchemaRegistryException(503, "Service Unavailable"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void aRefusalForGoodShutsTheClientDown() {
        assertThat(handler.handle(failure(new SchemaRegistryException(401, "Unauthorized"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(handler.handle(failure(new SchemaRegistryException(409, "Schema being registered is incompatible"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void anythingElseShutsTheClientDown() {
        assertThat(handler.handle(failure(new IllegalStateException("bug"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    private static Throwable failure(Throwable cause) {
        return new StreamsException("Exception caught in process", cause);
    }
}
