package org.seatreconciler.local;

/** A run that failed after it started (broker, publishing, waiting, billing): one line, exit status 1. */
public class ReconcilerException extends RuntimeException {

    public ReconcilerException(String message) {
        super(message);
    }

    public ReconcilerException(String message, Throwable cause) {
        super(message, cause);
    }
}
