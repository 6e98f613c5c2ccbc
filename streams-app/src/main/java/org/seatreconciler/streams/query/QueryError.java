package org.seatreconciler.streams.query;

/** The body of every answer but 200 and 307: {@code error} is a stable code, {@code message} is for people. */
public record QueryError(String orgId, String error, String message) {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNAVAILABLE = "UNAVAILABLE";
}
