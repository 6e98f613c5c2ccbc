package org.seatreconciler.streams.failure;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.streams.errors.MissingInternalTopicsException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.seatreconciler.schemas.registry.RegistryUnavailableException;
import org.seatreconciler.schemas.registry.SchemaRegistryException;

/**
 * Sorts a stream thread's uncaught exception into what section 8 says to do with it. Only a short, known
 * list ends the process (a missing topic, a refused credential or right, a refused setting): restarting
 * cannot fix those. A schema registry outage pauses and retries. Everything else is taken as
 * recoverable, because that is what a broker restart, a leader change, a fenced or invalid transaction
 * state ({@code ProducerFencedException}, {@code InvalidTxnStateException}) or a time-out look like, in
 * many wrappings; {@link StreamThreadFailureHandler} bounds how often that may happen.
 */
public final class FailureClassifier {

    /** What to do: replace the thread (after a pause for a registry outage), or exit. */
    public enum Kind { RECOVERABLE, REGISTRY_OUTAGE, FATAL }

    /** @param exit set for {@link Kind#FATAL} only; {@code why} is the cause's class and message */
    public record Verdict(Kind kind, ExitStatus exit, String why) {
    }

    private FailureClassifier() {
    }

    public static Verdict classify(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable outage = null;
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            Optional<ExitStatus> fatal = fatal(cause);
            if (fatal.isPresent()) {
                return new Verdict(Kind.FATAL, fatal.get(), describe(cause));
            }
            if (outage == null && cause instanceof RegistryUnavailableException) {
                outage = cause;
            }
        }
        return outage != null ? new Verdict(Kind.REGISTRY_OUTAGE, null, describe(outage))
                : new Verdict(Kind.RECOVERABLE, null, describe(failure));
    }

    private static Optional<ExitStatus> fatal(Throwable cause) {
        if (cause instanceof MissingSourceTopicException || cause instanceof MissingInternalTopicsException) {
            return Optional.of(ExitStatus.MISSING_TOPIC);
        }
        if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
            return Optional.of(ExitStatus.NOT_AUTHORISED);
        }
        if (cause instanceof ConfigException || cause instanceof InvalidConfigurationException) {
            return Optional.of(ExitStatus.BAD_SETTINGS);
        }
        // the plain type is a refusal; its subclasses are an outage (retried) or bad input (rejected upstream)
        if (cause.getClass() == SchemaRegistryException.class) {
            int code = ((SchemaRegistryException) cause).errorCode();
            boolean refusedAccess = code == 401 || code == 403 || code / 100 == 401 || code / 100 == 403;
            return Optional.of(refusedAccess ? ExitStatus.NOT_AUTHORISED : ExitStatus.BAD_SETTINGS);
        }
        return Optional.empty();
    }

    /** One line: the class and the message, line breaks folded. */
    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        return (t.getClass().getSimpleName() + message).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
