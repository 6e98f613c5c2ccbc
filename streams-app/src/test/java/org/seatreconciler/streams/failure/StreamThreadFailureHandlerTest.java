package org.seatreconciler.streams.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seatreconciler.schemas.registry.RegistryUnavailableException;
import org.seatreconciler.schemas.registry.SchemaRegistryException;

/** Each class of stream-thread failure of DESIGN.md section 8, and what the handler answers. */
class StreamThreadFailureHandlerTest {

    private final List<Integer> exits = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final StreamThreadFailureHandler handler = new StreamThreadFailureHandler(Duration.ZERO, Duration.ZERO,
            3, Duration.ofMinutes(10), nanos::get, exits::add);

    static Stream<Arguments> recoverable() {
        return Stream.of(
                // what a broker restart and a transaction coordinator moving look like
                Arguments.of(new StreamsException("Error encountered trying to commit a transaction",
                        new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state"))),
                Arguments.of(new StreamsException(new ProducerFencedException("fenced"))),
                Arguments.of(new InvalidProducerEpochException("epoch")),
                Arguments.of(new TaskMigratedException("migrated", new ProducerFencedException("fenced"))),
                Arguments.of(new StreamsException("task timeout", new TimeoutException("Timeout expired after 60000ms"))),
                Arguments.of(new StreamsException(new NetworkException("The server disconnected"))),
                Arguments.of(new KafkaException("Unexpected error in AddOffsetsToTxnResponse")),
                // a bug or anything unknown: a restart may help, and the limit below bounds it
                Arguments.of(new StreamsException("Exception caught in process", new IllegalStateException("bug"))));
    }

    @ParameterizedTest
    @MethodSource("recoverable")
    void recoverableFailuresReplaceTheThread(Throwable failure) {
        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(exits).isEmpty();
    }

    @Test
    void aRegistryOutagePausesAndReplacesTheThreadHoweverOften() {
        RegistryUnavailableException refused = new RegistryUnavailableException(
                "Schema registry at http://registry:8081/ unreachable: " + new ConnectException(), new ConnectException());
        for (int i = 0; i < 10; i++) {
            assertThat(handler.handle(new StreamsException("Exception caught in process", refused)))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            assertThat(handler.handle(new StreamsException(new RegistryUnavailableException(503, "Service Unavailable"))))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(exits).isEmpty();
    }

    static Stream<Arguments> fatal() {
        return Stream.of(
                Arguments.of(new StreamsException(new TopicAuthorizationException(Set.of("hr.membership-events"))), 4),
                Arguments.of(new GroupAuthorizationException("Not authorized to access group"), 4),
                Arguments.of(new StreamsException(new TransactionalIdAuthorizationException("txn id")), 4),
                Arguments.of(new SaslAuthenticationException("Authentication failed: invalid credentials"), 4),
                Arguments.of(new StreamsException(new SchemaRegistryException(401, "GET /schemas/ids/1 -> HTTP 401")), 4),
                Arguments.of(new StreamsException(new SchemaRegistryException(40301, "User cannot access the resource")), 4),
                Arguments.of(new StreamsException(new SchemaRegistryException(409, "Schema being registered is incompatible")), 5),
                Arguments.of(new StreamsException(new ConfigException("Invalid value x for configuration acks")), 5));
    }

    @ParameterizedTest
    @MethodSource("fatal")
    void whatARestartCannotFixShutsTheClientDownAndExitsWithItsStatus(Throwable failure, int status) {
        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(exits).containsExactly(status);
    }

    @Test
    void aMissingTopicEndsTheProcessOnItsThirdReportWithinTheWindow() {
        MissingSourceTopicException missing = new MissingSourceTopicException("One or more source topics were missing");
        assertThat(handler.handle(missing)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        nanos.addAndGet(Duration.ofMinutes(11).toNanos()); // the first is out of the window now
        assertThat(handler.handle(missing)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(handler.handle(missing)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(exits).isEmpty();

        assertThat(handler.handle(missing)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(exits).containsExactly(3);
    }

    @Test
    void theFatalCauseIsFoundUnderWrappersAndBeatsAnOutageAroundIt() {
        Throwable failure = new StreamsException("outer", new RegistryUnavailableException("down",
                new StreamsException(new MissingSourceTopicException("missing"))));

        assertThat(FailureClassifier.classify(failure))
                .isEqualTo(new FailureClassifier.Verdict(FailureClassifier.Kind.FATAL, ExitStatus.MISSING_TOPIC,
                        "MissingSourceTopicException: missing"));
    }

    @Test
    void theVerdictIsOneLine() {
        assertThat(FailureClassifier.classify(new ConfigException("bad\nvalue\r\n  for acks")).why())
                .isEqualTo("ConfigException: bad value for acks");
    }

    @Test
    void moreRecoverableFailuresThanTheLimitWithinTheWindowExit() {
        Throwable failure = new StreamsException(new InvalidTxnStateException("invalid"));
        for (int i = 0; i < 3; i++) {
            assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        }
        nanos.addAndGet(Duration.ofMinutes(6).toNanos()); // the first is now 9 min back, still in the window

        assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(exits).containsExactly(6);
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        Throwable failure = new StreamsException(new InvalidTxnStateException("invalid"));
        for (int i = 0; i < 10; i++) {
            assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        }
        assertThat(exits).isEmpty();
    }
}
