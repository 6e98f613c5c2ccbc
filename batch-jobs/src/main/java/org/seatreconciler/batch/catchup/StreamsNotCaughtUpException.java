package org.seatreconciler.batch.catchup;

/** The streams app still has unprocessed input when the catch-up wait ran out. */
public class StreamsNotCaughtUpException extends RuntimeException {

    public StreamsNotCaughtUpException(String message) {
        super(message);
    }
}
