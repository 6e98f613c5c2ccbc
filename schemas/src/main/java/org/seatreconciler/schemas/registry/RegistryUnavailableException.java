package org.seatreconciler.schemas.registry;

/**
 * The registry could not answer: connection refused, a time-out, an HTTP 5xx, or an answer that is not
 * a registry's. Nothing is wrong with the data: a reader pauses and tries again, it never rejects.
 */
public class RegistryUnavailableException extends SchemaRegistryException {

    public RegistryUnavailableException(int errorCode, String message) {
        super(errorCode, message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(-1, message, cause);
    }
}
